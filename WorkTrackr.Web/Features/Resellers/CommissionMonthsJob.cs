using WorkTrackr.Web.Infrastructure.Jobs;

namespace WorkTrackr.Web.Features.Resellers;

/// <summary>Keeps each ended month's commission as it stood when the month ended, whether or not anyone looks at it.</summary>
public sealed class CommissionMonthsJob(CommissionLedger ledger, JobDatabase database, TimeProvider clock, ILogger<CommissionMonthsJob> logger) : RecordedJob(database, clock, logger)
{
    public static readonly JobDefinition Job = new("commission-months", "Reseller commission: closing ended months", TimeSpan.FromHours(1));

    protected override string Name => Job.Name;
    /// <summary>Resellers are platform-level: the job always closes every reseller's months, whoever asked.</summary>
    protected override async Task<int> RunAsync(Guid? organisationId, CancellationToken cancellationToken) =>
        organisationId is null ? await ledger.CloseAllAsync(cancellationToken) : 0;
}
