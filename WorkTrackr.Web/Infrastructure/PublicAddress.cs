using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace WorkTrackr.Web.Infrastructure;

/// <summary>
/// The address people reach the app at, for links that leave it (emails, calendar feeds). Never taken from a request:
/// its Host header is whatever the sender wrote, and a forged one would send a reset link to another site.
/// </summary>
public sealed class PublicAddress(IOptions<AppOptions> options, IServer server)
{
    private Uri? cached;

    /// <summary>
    /// <see cref="AppOptions.PublicBaseUrl"/>; in Development, where it may be empty, the first address the server
    /// listens on (a wildcard host read as localhost). Always ends in "/", so relative paths keep any base path.
    /// </summary>
    public Uri BaseUri => cached ??= Resolve(options.Value.PublicBaseUrl, server.Features.Get<IServerAddressesFeature>()?.Addresses);

    internal static Uri Resolve(string? configured, IEnumerable<string>? listening)
    {
        if (configured is { Length: > 0 }) return WithSlash(configured);
        var first = listening?.FirstOrDefault(a => a.StartsWith("http", StringComparison.OrdinalIgnoreCase));
        if (first is null) return new Uri("http://localhost/");
        var address = new UriBuilder(first.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal));
        if (address.Host is "0.0.0.0" or "[::]" or "::") address.Host = "localhost";
        return WithSlash(address.Uri.AbsoluteUri);
    }

    private static Uri WithSlash(string address) => new(address.EndsWith('/') ? address : address + "/");
}

/// <summary>Outside Development, the app does not start without a valid <see cref="AppOptions.PublicBaseUrl"/>.</summary>
public sealed class AppOptionsValidator(IHostEnvironment environment) : IValidateOptions<AppOptions>
{
    public ValidateOptionsResult Validate(string? name, AppOptions options)
    {
        if (options.KnownProxies.FirstOrDefault(p => !System.Net.IPAddress.TryParse(p, out _)) is { } proxy)
        {
            return ValidateOptionsResult.Fail($"App:KnownProxies holds \"{proxy}\", which is not an IP address.");
        }
        if (options.PublicBaseUrl is { Length: > 0 } configured)
        {
            return Uri.TryCreate(configured, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"App:PublicBaseUrl \"{configured}\" is not an http or https address such as https://worktrackr.example.com.");
        }
        return environment.IsDevelopment()
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("App:PublicBaseUrl is not set. Outside Development, set it (or App__PublicBaseUrl) to the address people reach WorkTrackr at, such as https://worktrackr.example.com: emailed links are built from it, never from a request's Host header.");
    }
}
