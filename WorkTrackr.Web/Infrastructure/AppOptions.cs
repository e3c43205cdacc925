namespace WorkTrackr.Web.Infrastructure;

/// <summary>The <c>App</c> settings (appsettings.json, or <c>App__…</c> environment variables).</summary>
public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary><c>App:PublicBaseUrl</c>: the address people reach the app at, for links that leave it; empty in development.</summary>
    public string? PublicBaseUrl { get; set; }
}
