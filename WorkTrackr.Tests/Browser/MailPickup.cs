using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace WorkTrackr.Tests.Browser;

/// <summary>Reads what the app mailed from its pickup folder (Development writes every email there as an .eml file).</summary>
public static partial class MailPickup
{
    /// <summary>The set-password link (Account/ResetPassword) in the latest message to <paramref name="email"/>, once the email job has written it.</summary>
    public static async Task<string> ResetLinkSentToAsync(BrowserApp app, string email)
    {
        var message = await Poll.UntilAsync(() => Directory.GetFiles(app.Factory.MailFolder, "*.eml")
            .Select(File.ReadAllText)
            .LastOrDefault(m => m.Contains($"To: {email}", StringComparison.OrdinalIgnoreCase)), timeoutMs: 30_000); // queued, then sent by the email job
        var body = DecodeQuotedPrintable(message);
        return WebUtility.HtmlDecode(ResetHref().Match(body).Groups[1].Value);
    }

    private static string DecodeQuotedPrintable(string text)
    {
        var unfolded = text.Replace("=\r\n", "").Replace("=\n", "");
        var bytes = new List<byte>();
        for (var i = 0; i < unfolded.Length; i++)
        {
            if (unfolded[i] == '=' && i + 2 < unfolded.Length && Uri.IsHexDigit(unfolded[i + 1]) && Uri.IsHexDigit(unfolded[i + 2]))
            {
                bytes.Add(Convert.ToByte(unfolded.Substring(i + 1, 2), 16));
                i += 2;
            }
            else bytes.AddRange(Encoding.UTF8.GetBytes(unfolded[i].ToString()));
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    [GeneratedRegex("href=['\"]([^'\"]*ResetPassword[^'\"]*)['\"]")]
    private static partial Regex ResetHref();
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
