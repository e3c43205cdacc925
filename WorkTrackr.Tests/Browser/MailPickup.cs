using System.Net;
using System.Text.RegularExpressions;
using MimeKit;

namespace WorkTrackr.Tests.Browser;

/// <summary>Reads what the app mailed from its pickup folder (Development writes every email there as an .eml file).</summary>
public static partial class MailPickup
{
    /// <summary>The set-password link (Account/ResetPassword) in the latest message to <paramref name="email"/>, once the email job has written it.</summary>
    public static Task<string> ResetLinkSentToAsync(BrowserApp app, string email) =>
        ResetLinkSentToAsync(app.Factory.MailFolder, email, timeoutMs: 30_000); // queued, then sent by the email job

    public static async Task<string> ResetLinkSentToAsync(string folder, string email, int timeoutMs)
    {
        var html = await Poll.UntilAsync(() => LatestTo(folder, email)?.HtmlBody, timeoutMs);
        return WebUtility.HtmlDecode(ResetHref().Match(html).Groups[1].Value);
    }

    /// <summary>The invitation link (Account/AcceptInvitation) in the latest message to <paramref name="email"/>, once the email job has written it.</summary>
    public static async Task<string> InvitationLinkSentToAsync(BrowserApp app, string email)
    {
        var html = await Poll.UntilAsync(() => LatestTo(app.Factory.MailFolder, email)?.HtmlBody, timeoutMs: 30_000);
        return WebUtility.HtmlDecode(InvitationHref().Match(html).Groups[1].Value);
    }

    /// <summary>The email confirmation link (Account/ConfirmEmail) in the latest message to <paramref name="email"/>, once the email job has written it.</summary>
    public static async Task<string> ConfirmationLinkSentToAsync(BrowserApp app, string email)
    {
        var html = await Poll.UntilAsync(() => LatestTo(app.Factory.MailFolder, email)?.HtmlBody, timeoutMs: 30_000);
        return WebUtility.HtmlDecode(ConfirmationHref().Match(html).Groups[1].Value);
    }

    /// <summary>
    /// MimeKit undoes the transfer encoding (quoted-printable or base64) and the header encoding. The files are named by
    /// the time they were written, so the last name in ordinal order is the latest message.
    /// </summary>
    public static MimeMessage? LatestTo(string folder, string email) => Directory.GetFiles(folder, "*.eml")
        .Order(StringComparer.Ordinal)
        .Select(path => MimeMessage.Load(path))
        .LastOrDefault(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, email, StringComparison.OrdinalIgnoreCase)));

    [GeneratedRegex("href=['\"]([^'\"]*ResetPassword[^'\"]*)['\"]")]
    private static partial Regex ResetHref();

    [GeneratedRegex("href=['\"]([^'\"]*AcceptInvitation[^'\"]*)['\"]")]
    private static partial Regex InvitationHref();

    [GeneratedRegex("href=['\"]([^'\"]*ConfirmEmail[^'\"]*)['\"]")]
    private static partial Regex ConfirmationHref();
}

public static class Poll
{
    public static async Task<T> UntilAsync<T>(Func<T?> probe, int timeoutMs = 10_000) where T : class
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (true)
        {
            if (probe() is { } value) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition was not met in time.");
            await Task.Delay(100);
        }
    }
}
