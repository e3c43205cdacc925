using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace WorkTrackr.Web.Infrastructure.Http;

/// <summary>The <c>RateLimits</c> settings: how many requests of each kind one sender may make in a minute.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Posts of the account forms (sign-in, registration, forgot and reset password) per IP address.</summary>
    public int AccountFormsPerMinute { get; set; } = 20;

    /// <summary>PDF and CSV downloads per signed-in person (per IP address when signed out).</summary>
    public int DownloadsPerMinute { get; set; } = 60;

    /// <summary>Reads of one calendar feed address.</summary>
    public int FeedReadsPerMinute { get; set; } = 10;
}

/// <summary>
/// ASP.NET Core's rate limiter on what a stranger can hammer: the account forms (next to Identity's lockout of one
/// account, a limit per address, so nobody can try passwords across accounts, or keep a known account locked, from
/// one place), the downloads that print or export, and the calendar feeds. A limited request gets 429 and a plain
/// page (or a ProblemDetails for a download) saying when to try again.
/// </summary>
public static class RateLimits
{
    public const string AccountForms = "account-forms";
    public const string Downloads = "downloads";
    public const string Feeds = "feeds";

    public static IServiceCollection AddWorkTrackrRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var limits = config.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only the posts: opening the sign-in page is free, trying a password is not.
            options.AddPolicy(AccountForms, context => HttpMethods.IsPost(context.Request.Method)
                ? PerMinute($"ip:{Address(context)}", limits.AccountFormsPerMinute)
                : RateLimitPartition.GetNoLimiter(""));
            options.AddPolicy(Downloads, context => PerMinute(
                context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } user ? $"user:{user}" : $"ip:{Address(context)}", limits.DownloadsPerMinute));
            options.AddPolicy(Feeds, context => PerMinute($"feed:{context.Request.Path}", limits.FeedReadsPerMinute));
            options.OnRejected = RejectedAsync;
        });
        return services;
    }

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
        });

    /// <summary>The sender's address, as the connection (or a known proxy, <see cref="WebSecurity"/>) gives it.</summary>
    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? IPAddress.None.ToString();

    private static async ValueTask RejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var response = rejected.HttpContext.Response;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 60;
        response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var message = $"Too many requests from here just now. Wait {seconds} seconds, then try again.";
        if (rejected.HttpContext.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync(
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Too many requests · WorkTrackr</title></head>" +
                $"<body><main><h1>Too many requests</h1><p>{message}</p><p><a href=\"/\">Back to WorkTrackr</a></p></main></body></html>",
                cancellationToken);
            return;
        }
        await TypedResults.Problem(title: "Too many requests", detail: message, statusCode: StatusCodes.Status429TooManyRequests)
            .ExecuteAsync(rejected.HttpContext);
    }
}
