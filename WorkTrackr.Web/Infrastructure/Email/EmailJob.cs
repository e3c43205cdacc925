using WorkTrackr.Web.Infrastructure.Jobs;

namespace WorkTrackr.Web.Infrastructure.Email;

/// <summary>The email queue's sweep, as a recorded job.</summary>
public sealed class EmailJob(EmailDeliveryWorker worker, JobDatabase database, TimeProvider clock, ILogger<EmailJob> logger) : RecordedJob(database, clock, logger)
{
    public static readonly JobDefinition Job = new("emails", "Emails", TimeSpan.FromSeconds(30));

    protected override string Name => Job.Name;
    protected override Task<int> RunAsync(Guid? organisationId, CancellationToken cancellationToken) => worker.SweepAsync(cancellationToken);
}
