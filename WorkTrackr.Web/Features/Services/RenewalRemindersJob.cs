using WorkTrackr.Web.Infrastructure.Jobs;

namespace WorkTrackr.Web.Features.Services;

public sealed class RenewalRemindersJob(RenewalReminderSweep sweep, JobDatabase database, TimeProvider clock, ILogger<RenewalRemindersJob> logger) : RecordedJob(database, clock, logger)
{
    public static readonly JobDefinition Job = new("renewal-reminders", "Renewal reminders (from 07:00 local time)", TimeSpan.FromMinutes(15));

    protected override string Name => Job.Name;
    /// <summary>On its schedule: every organisation past 07:00. Run now by an Admin: theirs, at any hour.</summary>
    protected override Task<int> RunAsync(Guid? organisationId, CancellationToken cancellationToken) =>
        sweep.SweepAsync(organisationId, anyHour: organisationId is not null, cancellationToken);
}
