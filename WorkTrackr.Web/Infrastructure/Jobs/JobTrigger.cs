using Quartz;

namespace WorkTrackr.Web.Infrastructure.Jobs;

public static class JobNames
{
    public const string InvoicePdfs = "invoice-pdfs";
    public const string OverdueInvoices = "overdue-invoices";
}

/// <summary>Wakes a job now rather than at its next sweep (after an action that queued work for it).</summary>
public interface IJobTrigger
{
    Task RunNowAsync(string job);
}

public sealed class QuartzJobTrigger(ISchedulerFactory schedulers, ILogger<QuartzJobTrigger> logger) : IJobTrigger
{
    public async Task RunNowAsync(string job)
    {
        var scheduler = await schedulers.GetScheduler();
        if (scheduler.Status != SchedulerStatus.Running) return; // the sweep will find the work when it starts
        try
        {
            await scheduler.TriggerJob(new JobKey(job));
        }
        catch (SchedulerException exception)
        {
            // The work is in its row; the next sweep does it. Waking early is only a courtesy.
            logger.LogWarning(exception, "Could not wake job {Job}", job);
        }
    }
}

/// <summary>When jobs are switched off (Jobs:Enabled=false, as in service tests), queued work waits in its rows.</summary>
public sealed class NoJobTrigger : IJobTrigger
{
    public Task RunNowAsync(string job) => Task.CompletedTask;
}
