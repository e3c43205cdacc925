using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using WorkTrackr.Data;

namespace WorkTrackr.Web.Infrastructure.Http;

/// <summary>
/// What a hosted app owes the people who use it at the HTTP level: data-protection keys in the database, links from
/// the configured public address only, the Host headers it answers to, forwarded headers from its own proxies only,
/// and the browser's protections (a Content-Security-Policy with a nonce per page, no framing, no sniffing, a strict
/// referrer, HTTPS and HSTS outside Development).
/// </summary>
public static class WebSecurity
{
    private const string NonceKey = "worktrackr-csp-nonce";

    public static IServiceCollection AddWorkTrackrWebSecurity(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<IValidateOptions<AppOptions>, AppOptionsValidator>();
        services.AddOptions<AppOptions>().ValidateOnStart();
        services.AddSingleton<PublicAddress>();

        // The keys behind the sign-in cookie, antiforgery and Identity's tokens: in the database, under one application
        // name, so a restart or another node reads the same ones (and nobody's cookie dies with a machine's profile folder).
        services.AddDataProtection().SetApplicationName("WorkTrackr").PersistKeysToDbContext<WorkTrackrDbContext>();

        // AllowedHosts (appsettings.json: the loopback names) and the public address's host; anything else is refused
        // with 400 before it reaches a page. Set AllowedHosts itself to replace the loopback names.
        services.AddOptions<HostFilteringOptions>().Configure<IOptions<AppOptions>>((hosts, app) =>
        {
            var allowed = (config["AllowedHosts"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            if (Uri.TryCreate(app.Value.PublicBaseUrl, UriKind.Absolute, out var publicBase)) allowed.Add(publicBase.IdnHost);
            hosts.AllowedHosts = allowed.Count > 0 ? allowed : ["*"];
        });

        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<AppOptions>>((forwarded, app) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in app.Value.KnownProxies) forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        });
        return services;
    }

    /// <summary>First in the pipeline: forwarded headers (from known proxies), HTTPS, and the response headers.</summary>
    public static WebApplication UseWorkTrackrWebSecurity(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<AppOptions>>().Value.KnownProxies.Count > 0) app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.Use((context, next) =>
        {
            // URL-safe base64 (CSP allows "-" and "_"): a "+" or "/" would be written into the page's HTML as an entity.
            var nonce = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = Policy(nonce);
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            // A page's address can hold a secret (a reset code, a feed token): other sites are told at most the origin.
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            return next(context);
        });
        return app;
    }

    /// <summary>The nonce of this response's policy, for the page's own inline scripts (the theme cookie, the import map).</summary>
    public static string CspNonce(this HttpContext context) => context.Items[NonceKey] as string ?? "";

    /// <summary>
    /// Scripts: the app's own files and the page's inline scripts that carry the nonce. Styles allow inline ones:
    /// MudBlazor, ECharts and EventCalendar set style attributes, which a nonce cannot cover. The circuit's WebSocket is
    /// same-origin ('self').
    /// </summary>
    internal static string Policy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
}
