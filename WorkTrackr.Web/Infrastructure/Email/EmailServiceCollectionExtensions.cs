using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkTrackr.Data.Identity;
using WorkTrackr.Web.Infrastructure.Jobs;
using WorkTrackr.Web.Infrastructure.Rendering;

namespace WorkTrackr.Web.Infrastructure.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Outgoing email: messages are queued as rows (<see cref="QueuedEmailSender"/>) and sent by the email job through
    /// SMTP or, without an SMTP host, into a pickup folder (<c>Email</c> settings). Identity's emails go the same way.
    /// A feature's email body is a Razor component next to the feature, rendered with <see cref="ComponentHtml"/>.
    /// </summary>
    public static IServiceCollection AddWorkTrackrEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.PostConfigure<EmailOptions>(email => email.ApplyLegacySecurity(configuration.GetSection(EmailOptions.Section)));
        // A bad Email:SmtpEnableSsl stops start-up with its message, rather than failing every send later.
        services.AddOptions<EmailOptions>().ValidateOnStart();
        services.TryAddScoped<ComponentHtml>();
        services.AddSingleton<IEmailTransport, SmtpEmailTransport>();
        services.AddSingleton<IEmailSender, QueuedEmailSender>();
        services.AddSingleton<IEmailSender<ApplicationUser>, IdentityEmailSender>();
        services.AddScoped<EmailDeliveryWorker>();
        services.AddRecordedJob<EmailJob>(EmailJob.Job);
        return services;
    }
}
