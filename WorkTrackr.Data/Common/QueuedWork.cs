namespace WorkTrackr.Data.Common;

public enum WorkState { Pending = 0, Running = 1, Done = 2, Failed = 3 }

/// <summary>
/// Durable background work (docs/ARCHITECTURE.md, jobs): the row is the work, a job only wakes up to do it. A worker
/// claims a due row by moving it to <see cref="WorkState.Running"/> with a lease in one conditional UPDATE, so two
/// workers never hold it at once; a worker that dies leaves the lease to run out and the row is claimed again.
/// </summary>
public abstract class QueuedWork : Entity
{
    public WorkState State { get; set; } = WorkState.Pending;
    public int Attempts { get; set; }
    /// <summary>When a pending row may next be tried (UTC).</summary>
    public DateTime NextAttemptAt { get; set; }
    /// <summary>While running: when the claim lapses and another worker may take the row.</summary>
    public DateTime? LeaseUntil { get; set; }
    public string? LastError { get; set; }
    public DateTime? CompletedAt { get; set; }
}
