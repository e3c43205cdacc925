using System.Diagnostics;
using WorkTrackr.Data.Jobs;

namespace WorkTrackr.Web.Infrastructure.Jobs;

/// <summary>
/// One sweep of durable work (rows), run by Hangfire through <see cref="JobRunner"/>, that records the run (start,
/// duration, rows handled, outcome) for the jobs page. Idle sweeps, which find nothing to do every few seconds, are not
/// recorded; runs asked for with "run now" always are.
/// </summary>
public abstract partial class RecordedJob(JobDatabase database, TimeProvider clock, ILogger logger)
{
    protected abstract string Name { get; }

    /// <param name="organisationId">When an Admin asked for the run: their organisation, which jobs that work per organisation confine themselves to.</param>
    protected abstract Task<int> RunAsync(Guid? organisationId, CancellationToken cancellationToken);

    /// <summary>
    /// Runs the sweep. A failure is recorded and logged, not thrown: the rows keep their own attempts and back-off
    /// (<see cref="WorkQueue"/>), which is the one retry policy, so Hangfire has nothing to retry.
    /// </summary>
    public async Task ExecuteAsync(bool manual, Guid? organisationId, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow().UtcDateTime;
        var watch = Stopwatch.StartNew();
        var run = new JobRun { Job = Name, StartedAt = started, Succeeded = true };
        try
        {
            run.Processed = await RunAsync(organisationId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(logger, exception, Name);
            (run.Succeeded, run.Error) = (false, exception.Message.Length > 2000 ? exception.Message[..2000] : exception.Message);
        }
        run.DurationMs = (int)watch.ElapsedMilliseconds;
        if (run.Processed == 0 && run.Succeeded && !manual) return;
        await using var db = database.Platform();
        db.JobRuns.Add(run);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Job} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string job);
}
