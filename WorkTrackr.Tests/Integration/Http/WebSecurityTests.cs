using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace WorkTrackr.Tests.Integration.Http;

/// <summary>
/// The app's answers to a hostile request: a forged Host header changes no emailed link (and is refused), the reset
/// mail goes to the account's own address, the app does not start in production without its public address, and every
/// page carries the browser's protections.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class WebSecurityTests
{
    /// <summary>The app with these settings, and the email of an organisation's admin.</summary>
    private static async Task<(WorkTrackrFactory Factory, string AdminEmail)> StartAsync(TestDatabase database, Dictionary<string, string?> settings)
    {
        var factory = new WorkTrackrFactory(database);
        foreach (var (key, value) in settings) factory.Settings[key] = value;
        _ = factory.Services;
        var organisation = await TestOrganisations.CreateAsync(factory, "Host Check Ltd");
        return (factory, organisation.Users[Roles.Admin].Email!);
    }

    /// <summary>Posts the forgot-password form as a browser would (its antiforgery token and form name), with the given Host header.</summary>
    private static async Task<HttpResponseMessage> AskForResetAsync(WorkTrackrFactory factory, string email, string? host = null)
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var form = await client.GetStringAsync("/Account/ForgotPassword");
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/ForgotPassword")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Token().Match(form).Groups[1].Value,
                ["_handler"] = "forgot-password",
                ["Input.Email"] = email,
            }),
        };
        if (host is not null) post.Headers.Host = host;
        return await client.SendAsync(post);
    }

    private static async Task<List<WorkTrackr.Data.Notifications.EmailMessage>> MailsAsync(WorkTrackrFactory factory)
    {
        await using var db = factory.CreateDbContext(null);
        return await db.EmailMessages.IgnoreQueryFilters().AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task A_request_for_a_host_the_app_is_not_reached_at_is_refused_and_mails_nothing()
    {
        using var database = TestDatabase.Sqlite();
        var (factory, email) = await StartAsync(database, []);
        await using var app = factory;
        using var client = factory.CreateClient();

        using var forged = new HttpRequestMessage(HttpMethod.Get, "/Account/ForgotPassword") { Headers = { Host = "evil.example" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(forged)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await AskForResetAsync(factory, email, host: "evil.example")).StatusCode);
        Assert.Empty(await MailsAsync(factory));
    }

    [Fact]
    public async Task A_reset_link_is_built_from_the_public_address_whatever_host_the_request_names()
    {
        using var database = TestDatabase.Sqlite();
        // Every host let through, so only the link's own rule stands between a forged Host and the mail.
        var (factory, email) = await StartAsync(database, new() { ["AllowedHosts"] = "*", ["App:PublicBaseUrl"] = "https://worktrackr.example.com" });
        await using var app = factory;

        var answer = await AskForResetAsync(factory, email, host: "evil.example");

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var mail = Assert.Single(await MailsAsync(factory));
        Assert.Contains("https://worktrackr.example.com/Account/ResetPassword?code=", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_development_without_a_public_address_the_link_names_the_server_not_the_request()
    {
        using var database = TestDatabase.Sqlite();
        var (factory, email) = await StartAsync(database, new() { ["AllowedHosts"] = "*" });
        await using var app = factory;

        await AskForResetAsync(factory, email, host: "evil.example");

        var mail = Assert.Single(await MailsAsync(factory));
        Assert.Contains("http://localhost/Account/ResetPassword?code=", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reset_mail_goes_to_the_address_the_account_has_not_the_one_typed()
    {
        using var database = TestDatabase.Sqlite();
        var (factory, email) = await StartAsync(database, []);
        await using var app = factory;

        await AskForResetAsync(factory, email.ToUpperInvariant());

        Assert.Equal(email, Assert.Single(await MailsAsync(factory)).To);
    }

    [Fact]
    public async Task Outside_development_the_app_refuses_to_start_without_its_public_address()
    {
        using var database = TestDatabase.Sqlite();
        await using var factory = new WorkTrackrFactory(database) { Settings = { ["environment"] = "Production" } };

        var refused = Assert.Throws<OptionsValidationException>(() => factory.Services);

        Assert.Contains("App:PublicBaseUrl is not set", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_carries_a_content_security_policy_whose_nonce_its_inline_scripts_hold_and_cannot_be_framed()
    {
        using var database = TestDatabase.Sqlite();
        var (factory, _) = await StartAsync(database, []);
        await using var app = factory;
        using var client = factory.CreateClient();

        var first = await client.GetAsync("/Account/Login");
        var second = await client.GetAsync("/Account/Login");

        var policy = first.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = Nonce().Match(policy).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-inline'", policy.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);
        // Every inline script of the page (the theme cookie, the import map) carries this response's nonce, and only it.
        var html = await first.Content.ReadAsStringAsync();
        var inline = InlineScript().Matches(html);
        Assert.NotEmpty(inline);
        Assert.All(inline, m => Assert.Equal(nonce, m.Groups[1].Value));
        Assert.NotEqual(nonce, Nonce().Match(second.Headers.GetValues("Content-Security-Policy").Single()).Groups[1].Value);
        Assert.Equal("DENY", first.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", first.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", first.Headers.GetValues("Referrer-Policy").Single());
    }

    [Theory]
    [InlineData(null, new[] { "http://0.0.0.0:5080" }, "http://localhost:5080/")]
    [InlineData(null, new[] { "http://[::]:8080" }, "http://localhost:8080/")]
    [InlineData(null, new[] { "http://+:80" }, "http://localhost/")]
    [InlineData(null, new string[0], "http://localhost/")]
    [InlineData("https://worktrackr.example.com/app", new[] { "http://0.0.0.0:5080" }, "https://worktrackr.example.com/app/")]
    public void The_public_address_is_the_configured_one_or_the_servers_own(string? configured, string[] listening, string expected) =>
        Assert.Equal(expected, PublicAddress.Resolve(configured, listening).AbsoluteUri);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex Nonce();

    /// <summary>A script element with no src: its nonce attribute, if any.</summary>
    [GeneratedRegex("<script(?![^>]*\\ssrc=)(?:[^>]*\\snonce=\"([^\"]*)\")?[^>]*>")]
    private static partial Regex InlineScript();
}
