using WorkTrackr.Web.Infrastructure.Jobs;

namespace WorkTrackr.Web.Infrastructure.Email;

/// <summary>The email queue's sweep, as a recorded job.</summary>
public sealed class EmailJob(EmailDeliveryWorker worker, JobDatabase database, TimeProvider clock, ILogger<EmailJob> logger) : RecordedJob(database, clock, logger)
{
    protected override string Name => JobNames.Emails;
    protected override Task<int> RunAsync(Guid? organisationId, CancellationToken cancellationToken) => worker.SweepAsync(cancellationToken);
}
