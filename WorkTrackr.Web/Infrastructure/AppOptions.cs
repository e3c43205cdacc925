namespace WorkTrackr.Web.Infrastructure;

/// <summary>The <c>App</c> settings (appsettings.json, or <c>App__…</c> environment variables).</summary>
public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>
    /// <c>App:PublicBaseUrl</c>: the address people reach the app at, for links that leave it (<see cref="PublicAddress"/>).
    /// Required outside Development; its host is also allowed as a request's Host (<c>AllowedHosts</c>).
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// <c>App:KnownProxies</c>: the addresses of the reverse proxies in front of the app. Their X-Forwarded-For and
    /// X-Forwarded-Proto are honoured; nobody else's. Empty: the headers are ignored.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];
}
