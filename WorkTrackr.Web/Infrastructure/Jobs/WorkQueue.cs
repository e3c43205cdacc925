using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data.Common;

namespace WorkTrackr.Web.Infrastructure.Jobs;

/// <summary>
/// Claiming and settling <see cref="QueuedWork"/> rows. Each step is one conditional UPDATE, so on any provider and
/// any number of nodes a row is held by one worker at a time, and a worker whose claim was overtaken (its lease ran out,
/// or someone re-queued the row) writes nothing.
/// </summary>
public static class WorkQueue
{
    public const int MaxAttempts = 5;
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>Rows that may be claimed now: pending and due, or running on a lease that ran out.</summary>
    public static IQueryable<T> Due<T>(IQueryable<T> rows, DateTime now) where T : QueuedWork =>
        rows.Where(w => (w.State == WorkState.Pending && w.NextAttemptAt <= now) || (w.State == WorkState.Running && w.LeaseUntil < now));

    /// <summary>
    /// A worker's hold on a row: its attempt number and the lease it set. Both must still be on the row for the worker's
    /// result to be written, so a row re-queued meanwhile (attempts back to 0, then claimed afresh) is not overwritten
    /// by a stale result. The lease is whole milliseconds, which every provider stores exactly.
    /// </summary>
    public readonly record struct Claim(Guid Id, int Attempt, DateTime LeaseUntil);

    /// <summary>Claims the row if it is still due and still at <paramref name="attempts"/> (as the sweep saw it).</summary>
    public static async Task<Claim?> ClaimAsync<T>(DbSet<T> set, Guid id, int attempts, DateTime now, CancellationToken cancellationToken) where T : QueuedWork
    {
        var lease = new DateTime((now + Lease).Ticks / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
        var claimed = await Due(set.Where(w => w.Id == id && w.Attempts == attempts), now).ExecuteUpdateAsync(w => w
            .SetProperty(x => x.State, WorkState.Running)
            .SetProperty(x => x.Attempts, attempts + 1)
            .SetProperty(x => x.LeaseUntil, lease)
            .SetProperty(x => x.UpdatedAt, now), cancellationToken) == 1;
        return claimed ? new Claim(id, attempts + 1, lease) : null;
    }

    /// <summary>The row, if <paramref name="claim"/> still holds it.</summary>
    public static IQueryable<T> Held<T>(DbSet<T> set, Claim claim) where T : QueuedWork =>
        set.Where(w => w.Id == claim.Id && w.State == WorkState.Running && w.Attempts == claim.Attempt && w.LeaseUntil == claim.LeaseUntil);

    /// <summary>Records a failed attempt: back to pending after a back-off, or failed for good after <see cref="MaxAttempts"/>.</summary>
    public static async Task FailAsync<T>(DbSet<T> set, Claim claim, string error, DateTime now, CancellationToken cancellationToken) where T : QueuedWork
    {
        var message = error.Length > DataLimits.ErrorLength ? error[..DataLimits.ErrorLength] : error;
        var attempt = claim.Attempt;
        var final = attempt >= MaxAttempts;
        await Held(set, claim).ExecuteUpdateAsync(w => w
            .SetProperty(x => x.State, final ? WorkState.Failed : WorkState.Pending)
            .SetProperty(x => x.NextAttemptAt, now + Backoff(attempt))
            .SetProperty(x => x.LeaseUntil, (DateTime?)null)
            .SetProperty(x => x.LastError, message)
            .SetProperty(x => x.UpdatedAt, now), cancellationToken);
    }

    /// <summary>30 s, 1, 2, 4, 8 minutes… capped at an hour.</summary>
    public static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempt - 1))));

    /// <summary>Puts failed rows back in the queue with fresh attempts.</summary>
    public static async Task<int> RetryAsync<T>(IQueryable<T> rows, DateTime now, CancellationToken cancellationToken) where T : QueuedWork =>
        await rows.Where(w => w.State == WorkState.Failed).ExecuteUpdateAsync(w => w
            .SetProperty(x => x.State, WorkState.Pending)
            .SetProperty(x => x.Attempts, 0)
            .SetProperty(x => x.NextAttemptAt, now)
            .SetProperty(x => x.UpdatedAt, now), cancellationToken);
}
