using Quartz;
using WorkTrackr.Web.Features.Invoicing;
using WorkTrackr.Web.Features.Services;
using WorkTrackr.Web.Infrastructure.Email;
using WorkTrackr.Web.Infrastructure.Pdf;

namespace WorkTrackr.Web.Infrastructure.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>How often each sweep looks for due work, besides being woken when work is queued.</summary>
    public static readonly IReadOnlyDictionary<string, TimeSpan> Sweeps = new Dictionary<string, TimeSpan>
    {
        [JobNames.InvoicePdfs] = TimeSpan.FromSeconds(30),
        [JobNames.OverdueInvoices] = TimeSpan.FromMinutes(15),
        [JobNames.RenewalReminders] = TimeSpan.FromMinutes(15),
        [JobNames.Emails] = TimeSpan.FromSeconds(30),
        [JobNames.CommissionMonths] = TimeSpan.FromHours(1),
    };

    /// <summary>
    /// The background workers, and Quartz hosted in the app to wake them (in memory: the durable state is in our own rows,
    /// so the schedule itself need not survive a restart). <c>Jobs:Enabled=false</c> leaves Quartz out, as service tests do.
    /// </summary>
    public static IServiceCollection AddWorkTrackrJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PdfOptions>(configuration.GetSection(PdfOptions.Section));
        services.AddSingleton<PdfRenderer>();
        services.AddScoped<DocumentPrinter>();
        services.AddScoped<InvoicePdf>();
        services.AddScoped<JobDatabase>();
        services.AddScoped<InvoicePdfWorker>();
        services.AddScoped<OverdueInvoices>();
        services.AddScoped<RenewalReminderSweep>();
        services.AddScoped<EmailDeliveryWorker>();
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.AddSingleton<IEmailTransport, SmtpEmailTransport>();
        services.AddSingleton<IEmailSender, QueuedEmailSender>();

        if (!configuration.GetValue("Jobs:Enabled", true))
        {
            services.AddSingleton<IJobTrigger, NoJobTrigger>();
            return services;
        }
        services.AddSingleton<IJobTrigger, QuartzJobTrigger>();
        services.AddQuartz(quartz =>
        {
            Schedule<InvoicePdfJob>(quartz, JobNames.InvoicePdfs);
            Schedule<OverdueInvoicesJob>(quartz, JobNames.OverdueInvoices);
            Schedule<RenewalRemindersJob>(quartz, JobNames.RenewalReminders);
            Schedule<EmailJob>(quartz, JobNames.Emails);
            Schedule<CommissionMonthsJob>(quartz, JobNames.CommissionMonths);
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }

    private static void Schedule<TJob>(IQuartzBuilder quartz, string name) where TJob : class, IJob
    {
        quartz.AddJob<TJob>(job => job.WithIdentity(name).StoreDurably().DisallowConcurrentExecution());
        quartz.AddTrigger(trigger => trigger.ForJob(name).WithIdentity(name + "-sweep").StartNow()
            .WithSimpleSchedule(schedule => schedule.WithInterval(Sweeps[name]).RepeatForever()));
    }
}
