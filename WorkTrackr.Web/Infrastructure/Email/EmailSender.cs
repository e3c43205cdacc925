using System.Net.Security;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;
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
    /// <summary>Authenticates only when set.</summary>
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    /// <summary>
    /// How the connection is secured: <c>StartTls</c> (the default: refuses a server without STARTTLS),
    /// <c>SslOnConnect</c> (SMTPS, port 465), <c>StartTlsWhenAvailable</c>, <c>Auto</c> (SSL on 465, else STARTTLS when
    /// offered) or <c>None</c>.
    /// </summary>
    public SecureSocketOptions SmtpSecurity { get; set; } = SecureSocketOptions.StartTls;
    /// <summary>For each network step (connect, each command and reply), not for the whole message.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Honours the setting <c>SmtpSecurity</c> replaced, <c>SmtpEnableSsl</c> (System.Net.Mail's STARTTLS switch), where
    /// a deployment still has it and not the new one: <c>true</c> is <c>StartTls</c>, <c>false</c> is <c>None</c>. Without
    /// this, a relay configured for plain SMTP would silently start refusing every message.
    /// </summary>
    public void ApplyLegacySecurity(IConfiguration section)
    {
        if (section[nameof(SmtpSecurity)] is not null || section["SmtpEnableSsl"] is not { } legacy) return;
        SmtpSecurity = bool.TryParse(legacy, out var enableSsl)
            ? enableSsl ? SecureSocketOptions.StartTls : SecureSocketOptions.None
            : throw new InvalidOperationException($"Email:SmtpEnableSsl is '{legacy}'; use Email:SmtpSecurity (StartTls, SslOnConnect, StartTlsWhenAvailable, Auto or None).");
    }
}

/// <summary>
/// Sends through SMTP with MailKit when <c>Email:SmtpHost</c> is set; otherwise (as in Development) writes each message
/// to the pickup folder as an .eml file and logs it, so development and tests can read what would have been sent.
/// </summary>
public sealed partial class SmtpEmailTransport(IOptions<EmailOptions> options, IHostEnvironment environment, TimeProvider clock, ILogger<SmtpEmailTransport> logger) : IEmailTransport
{
    /// <summary>Tests trust their own self-signed certificate with this; the app keeps MailKit's normal validation.</summary>
    internal RemoteCertificateValidationCallback? ServerCertificateValidation { get; init; }

    public async Task SendAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        using var message = Compose(settings.From, to, subject, htmlBody);
        if (string.IsNullOrWhiteSpace(settings.SmtpHost))
        {
            var folder = Path.GetFullPath(settings.PickupFolder, environment.ContentRootPath);
            await WriteToPickupAsync(message, folder, clock.GetUtcNow(), cancellationToken);
            LogWritten(logger, to, subject, folder);
            return;
        }
        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        if (ServerCertificateValidation is { } validation) client.ServerCertificateValidationCallback = validation;
        await client.ConnectAsync(settings.SmtpHost, settings.SmtpPort, settings.SmtpSecurity, cancellationToken);
        if (!string.IsNullOrEmpty(settings.SmtpUser))
            await client.AuthenticateAsync(settings.SmtpUser, settings.SmtpPassword ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        LogSent(logger, to, subject, settings.SmtpHost);
        try
        {
            // Not cancellable, and short: the server has accepted the message, and a shutdown now must neither undo
            // that nor outlast the host's shutdown time on a slow QUIT. Shutting down, the socket is simply closed.
            client.Timeout = Math.Min(client.Timeout, 5_000);
            await client.DisconnectAsync(quit: !cancellationToken.IsCancellationRequested, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // The server has accepted the message: a failed QUIT must not make the email job send it a second time.
            LogQuitFailed(logger, exception, settings.SmtpHost);
        }
    }

    /// <summary>The HTML body, with a plain-text alternative for mail clients that show no HTML (and for spam filters).</summary>
    private static MimeMessage Compose(string from, string to, string subject, string htmlBody)
    {
        var message = new MimeMessage { Subject = subject };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Body = new BodyBuilder { HtmlBody = htmlBody, TextBody = HtmlToText(htmlBody) }.ToMessageBody();
        return message;
    }

    /// <summary>Orders messages written in the same tick (a stopped test clock writes many).</summary>
    private static long pickupSequence;

    /// <summary>
    /// One file per message, named by time and then a sequence so that a folder listing is in sending order, plus a GUID
    /// so that two processes never collide. Written beside the final name first and then renamed, so a reader polling for
    /// *.eml never sees half a message. Encoded for 7-bit as over SMTP, with CRLF line ends as on the wire.
    /// </summary>
    private static async Task WriteToPickupAsync(MimeMessage message, string folder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        message.Prepare(EncodingConstraint.SevenBit);
        var name = $"{DateFormats.Format(now.UtcDateTime, DateFormats.SortableStamp)}-{Interlocked.Increment(ref pickupSequence):D8}-{Guid.NewGuid():N}";
        var partial = Path.Combine(folder, name + ".tmp");
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        await message.WriteToAsync(format, partial, cancellationToken);
        File.Move(partial, Path.Combine(folder, name + ".eml"));
    }

    /// <summary>The text of the app's simple HTML emails: paragraphs and list items on their own lines, links with their address.</summary>
    private static string HtmlToText(string html)
    {
        var text = new StringBuilder();
        string? href = null;
        var tokenizer = new HtmlTokenizer(new StringReader(html)) { DecodeCharacterReferences = true };
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlDataToken data:
                    text.Append(Whitespace().Replace(data.Data, " "));
                    break;
                case HtmlTagToken { Id: HtmlTagId.A } tag when !tag.IsEndTag:
                    href = tag.Attributes.FirstOrDefault(a => a.Id == HtmlAttributeId.Href)?.Value;
                    break;
                case HtmlTagToken { Id: HtmlTagId.A }:
                    if (!string.IsNullOrEmpty(href)) text.Append(" (").Append(href).Append(')');
                    href = null;
                    break;
                case HtmlTagToken { Id: HtmlTagId.Br }:
                    text.Append('\n');
                    break;
                case HtmlTagToken { Id: HtmlTagId.LI } tag when !tag.IsEndTag:
                    text.Append("\n- ");
                    break;
                case HtmlTagToken { Id: HtmlTagId.P or HtmlTagId.Div or HtmlTagId.UL or HtmlTagId.OL or HtmlTagId.Table or HtmlTagId.TR
                    or HtmlTagId.H1 or HtmlTagId.H2 or HtmlTagId.H3 }:
                    text.Append("\n\n");
                    break;
            }
        }
        return BlankLines().Replace(string.Join('\n', text.ToString().Split('\n').Select(line => line.Trim())), "\n\n").Trim() + "\n";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();

    [LoggerMessage(Level = LogLevel.Information, Message = "Email to {To} with subject {Subject} written to {Folder}")]
    private static partial void LogWritten(ILogger logger, string to, string subject, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Email to {To} with subject {Subject} sent through {Host}")]
    private static partial void LogSent(ILogger logger, string to, string subject, string? host);

    [LoggerMessage(Level = LogLevel.Debug, Message = "QUIT to {Host} failed after the message was accepted")]
    private static partial void LogQuitFailed(ILogger logger, Exception exception, string? host);
}

/// <summary>Identity's account emails, through <see cref="IEmailSender"/>.</summary>
public sealed class IdentityEmailSender(IEmailSender sender) : IEmailSender<ApplicationUser>
{
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        sender.SendAsync(email, "Confirm your email to start using WorkTrackr",
            $"<p>Hello {HtmlEncoder.Default.Encode(user.DisplayName)},</p>" +
            $"<p><a href='{HtmlEncoder.Default.Encode(confirmationLink)}'>Confirm your email address</a> to open your organisation's WorkTrackr. " +
            "The link works for a day. If you did not register, ignore this message: nothing happens without it.</p>");

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        sender.SendAsync(email, "Reset your WorkTrackr password",
            $"<p>Hello {HtmlEncoder.Default.Encode(user.DisplayName)},</p>" +
            $"<p>Reset your password by <a href='{HtmlEncoder.Default.Encode(resetLink)}'>clicking here</a>. " +
            "If you did not ask for this, ignore this message.</p>");

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        sender.SendAsync(email, "Reset your WorkTrackr password",
            $"Reset your password using the following code: {HtmlEncoder.Default.Encode(resetCode)}");
}
