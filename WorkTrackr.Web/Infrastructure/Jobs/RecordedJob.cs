using System.Diagnostics;
using Quartz;
using WorkTrackr.Data.Jobs;

namespace WorkTrackr.Web.Infrastructure.Jobs;

/// <summary>
/// A Quartz job that runs one sweep and records the run (start, duration, rows handled, outcome) for the jobs page.
/// Idle sweeps, which find nothing to do every few seconds, are not recorded; runs asked for with "run now" always are.
/// </summary>
public abstract class RecordedJob(JobDatabase database, TimeProvider clock, ILogger logger) : IJob
{
    /// <summary>Set in a manual trigger's data: the run is recorded even when it finds nothing.</summary>
    public const string ManualKey = "manual";
    /// <summary>Set in a manual trigger's data by an organisation's Admin: the run is for that organisation.</summary>
    public const string OrganisationKey = "organisation";

    protected abstract string Name { get; }

    /// <param name="organisationId">When an Admin asked for the run: their organisation, which jobs that work per organisation confine themselves to.</param>
    protected abstract Task<int> RunAsync(Guid? organisationId, CancellationToken cancellationToken);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow().UtcDateTime;
        var watch = Stopwatch.StartNew();
        var run = new JobRun { Job = Name, StartedAt = started, Succeeded = true };
        try
        {
            var organisationId = context.MergedJobDataMap.TryGetValue(OrganisationKey, out var value) && Guid.TryParse(value?.ToString(), out var id) ? id : (Guid?)null;
            run.Processed = await RunAsync(organisationId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Job {Job} failed", Name);
            (run.Succeeded, run.Error) = (false, exception.Message.Length > 2000 ? exception.Message[..2000] : exception.Message);
        }
        run.DurationMs = (int)watch.ElapsedMilliseconds;
        if (run.Processed == 0 && run.Succeeded && !context.MergedJobDataMap.ContainsKey(ManualKey)) return;
        await using var db = database.Platform();
        db.JobRuns.Add(run);
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
