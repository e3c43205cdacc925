using WorkTrackr.Web.Features.Services;
using WorkTrackr.Web.Infrastructure.Email;

namespace WorkTrackr.Web.Infrastructure.Jobs;

public sealed class RenewalRemindersJob(RenewalReminderSweep sweep, JobDatabase database, TimeProvider clock, ILogger<RenewalRemindersJob> logger) : RecordedJob(database, clock, logger)
{
    protected override string Name => JobNames.RenewalReminders;
    /// <summary>On its schedule: every organisation past 07:00. Run now by an Admin: theirs, at any hour.</summary>
    protected override Task<int> RunAsync(Guid? organisationId, CancellationToken cancellationToken) =>
        sweep.SweepAsync(organisationId, anyHour: organisationId is not null, cancellationToken);
}

public sealed class EmailJob(EmailDeliveryWorker worker, JobDatabase database, TimeProvider clock, ILogger<EmailJob> logger) : RecordedJob(database, clock, logger)
{
    protected override string Name => JobNames.Emails;
    protected override Task<int> RunAsync(Guid? organisationId, CancellationToken cancellationToken) => worker.SweepAsync(cancellationToken);
}
