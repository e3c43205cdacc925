using Quartz;

namespace WorkTrackr.Web.Infrastructure.Jobs;

public static class JobNames
{
    public const string InvoicePdfs = "invoice-pdfs";
    public const string OverdueInvoices = "overdue-invoices";
    public const string RenewalReminders = "renewal-reminders";
    public const string Emails = "emails";
    public const string CommissionMonths = "commission-months";

    public static readonly IReadOnlyList<string> All = [InvoicePdfs, Emails, RenewalReminders, OverdueInvoices, CommissionMonths];

    public static string Describe(string job) => job switch
    {
        InvoicePdfs => "Invoice PDFs",
        Emails => "Emails",
        RenewalReminders => "Renewal reminders (from 07:00 local time)",
        OverdueInvoices => "Overdue invoices",
        CommissionMonths => "Reseller commission: closing ended months",
        _ => job,
    };
}

/// <summary>Wakes a job now rather than at its next sweep (after an action that queued work for it).</summary>
public interface IJobTrigger
{
    /// <summary>
    /// Wakes the job; <paramref name="manual"/> (a person's "run now") records the run even if it finds nothing, and
    /// <paramref name="organisationId"/> confines a per-organisation job to that organisation.
    /// </summary>
    Task RunNowAsync(string job, bool manual = false, Guid? organisationId = null);
}

public sealed class QuartzJobTrigger(ISchedulerFactory schedulers, ILogger<QuartzJobTrigger> logger) : IJobTrigger
{
    public async Task RunNowAsync(string job, bool manual = false, Guid? organisationId = null)
    {
        var scheduler = await schedulers.GetScheduler();
        if (scheduler.Status != SchedulerStatus.Running) return; // the sweep will find the work when it starts
        try
        {
            var data = new JobDataMap();
            if (manual) data[RecordedJob.ManualKey] = true;
            if (organisationId is { } id) data[RecordedJob.OrganisationKey] = id.ToString();
            await scheduler.TriggerJob(new JobKey(job), data);
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
    public Task RunNowAsync(string job, bool manual = false, Guid? organisationId = null) => Task.CompletedTask;
}
