using WorkTrackr.Web.Infrastructure.Jobs;

namespace WorkTrackr.Web.Features.Services;

public sealed class RenewalRemindersJob(RenewalReminderSweep sweep, JobDatabase database, TimeProvider clock, ILogger<RenewalRemindersJob> logger) : RecordedJob(database, clock, logger)
{
    protected override string Name => JobNames.RenewalReminders;
    /// <summary>On its schedule: every organisation past 07:00. Run now by an Admin: theirs, at any hour.</summary>
    protected override Task<int> RunAsync(Guid? organisationId, CancellationToken cancellationToken) =>
        sweep.SweepAsync(organisationId, anyHour: organisationId is not null, cancellationToken);
}
