using System.Net;
using System.Net.Mail;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using WorkTrackr.Data.Identity;

namespace WorkTrackr.Web.Infrastructure.Email;

/// <summary>Sends an email: queued (<see cref="QueuedEmailSender"/>), so the caller never waits for a mail server.</summary>
public interface IEmailSender
{
    Task SendAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken = default);
}

/// <summary>Delivers one message now; only the email job calls it.</summary>
public interface IEmailTransport
{
    Task SendAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken = default);
}

public sealed class EmailOptions
{
    public const string Section = "Email";
    public string From { get; set; } = "WorkTrackr <no-reply@worktrackr.local>";
    /// <summary>Where messages are written as .eml files when no SMTP host is set. Relative to the content root.</summary>
    public string PickupFolder { get; set; } = "App_Data/mail";
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    /// <summary>STARTTLS on the SMTP connection (System.Net.Mail's EnableSsl).</summary>
    public bool SmtpEnableSsl { get; set; } = true;
    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>
/// Sends through SMTP when <c>Email:SmtpHost</c> is set; otherwise (as in Development) writes each message to the pickup
/// folder and logs it, so development and tests can read what would have been sent. System.Net.Mail does both (MailKit
/// is not in the registry).
/// </summary>
public sealed class SmtpEmailTransport(IOptions<EmailOptions> options, IHostEnvironment environment, ILogger<SmtpEmailTransport> logger) : IEmailTransport
{
    public async Task SendAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        using var message = new MailMessage { From = new MailAddress(settings.From), Subject = subject, Body = htmlBody, IsBodyHtml = true };
        message.To.Add(to);
        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        if (string.IsNullOrWhiteSpace(settings.SmtpHost))
        {
            var folder = Path.GetFullPath(settings.PickupFolder, environment.ContentRootPath);
            Directory.CreateDirectory(folder);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = folder;
            await client.SendMailAsync(message, cancellationToken);
            logger.LogInformation("Email to {To} with subject {Subject} written to {Folder}", to, subject, folder);
            return;
        }
        client.Host = settings.SmtpHost;
        client.Port = settings.SmtpPort;
        client.EnableSsl = settings.SmtpEnableSsl;
        if (!string.IsNullOrEmpty(settings.SmtpUser))
            client.Credentials = new NetworkCredential(settings.SmtpUser, settings.SmtpPassword);
        await client.SendMailAsync(message, cancellationToken);
        logger.LogInformation("Email to {To} with subject {Subject} sent through {Host}", to, subject, settings.SmtpHost);
    }
}

/// <summary>Identity's account emails, through <see cref="IEmailSender"/>.</summary>
public sealed class IdentityEmailSender(IEmailSender sender) : IEmailSender<ApplicationUser>
{
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        sender.SendAsync(email, "Confirm your WorkTrackr email",
            $"Please confirm your account by <a href='{HtmlEncoder.Default.Encode(confirmationLink)}'>clicking here</a>.");

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        sender.SendAsync(email, "Reset your WorkTrackr password",
            $"<p>Hello {HtmlEncoder.Default.Encode(user.DisplayName)},</p>" +
            $"<p>Reset your password by <a href='{HtmlEncoder.Default.Encode(resetLink)}'>clicking here</a>. " +
            "If you did not ask for this, ignore this message.</p>");

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        sender.SendAsync(email, "Reset your WorkTrackr password",
            $"Reset your password using the following code: {HtmlEncoder.Default.Encode(resetCode)}");
}
