using Microsoft.AspNetCore.Components;

namespace WorkTrackr.Web.Infrastructure;

/// <summary>The address people reach the app at, for links that leave it (emails, calendar feeds).</summary>
public static class PublicAddress
{
    /// <summary>
    /// <see cref="AppOptions.PublicBaseUrl"/> when set, so a forged Host header cannot point a link at another site; without it
    /// (development), the address the request came to. Always ends in "/", so relative paths keep any base path.
    /// </summary>
    public static Uri BaseUri(AppOptions options, NavigationManager navigation) =>
        options.PublicBaseUrl is { Length: > 0 } configured
            ? new Uri(configured.EndsWith('/') ? configured : configured + "/")
            : new Uri(navigation.BaseUri);
}
