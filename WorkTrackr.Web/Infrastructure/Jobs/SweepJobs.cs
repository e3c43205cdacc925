using WorkTrackr.Web.Features.Resellers;
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

/// <summary>Keeps each ended month's commission as it stood when the month ended, whether or not anyone looks at it.</summary>
public sealed class CommissionMonthsJob(CommissionLedger ledger, JobDatabase database, TimeProvider clock, ILogger<CommissionMonthsJob> logger) : RecordedJob(database, clock, logger)
{
    protected override string Name => JobNames.CommissionMonths;
    /// <summary>Resellers are platform-level: the job always closes every reseller's months, whoever asked.</summary>
    protected override async Task<int> RunAsync(Guid? organisationId, CancellationToken cancellationToken) =>
        organisationId is null ? await ledger.CloseAllAsync(cancellationToken) : 0;
}
