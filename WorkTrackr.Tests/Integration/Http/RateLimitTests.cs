using System.Net;
using System.Text.Json;

namespace WorkTrackr.Tests.Integration.Http;

/// <summary>
/// ASP.NET Core's rate limiter on the real app: account form posts per address, downloads per person, reads per
/// calendar feed. A limited request is a 429 that says when to try again, as a page for a browser and a ProblemDetails
/// for a download.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly TestDatabase database = TestDatabase.Sqlite();
    private WorkTrackrFactory Factory { get; set; } = default!;
    private TestOrganisation organisation = default!;

    public async Task InitializeAsync()
    {
        Factory = new WorkTrackrFactory(database)
        {
            Settings =
            {
                ["RateLimits:AccountFormsPerMinute"] = "5",
                ["RateLimits:DownloadsPerMinute"] = "3",
                ["RateLimits:FeedReadsPerMinute"] = "2",
            },
        };
        _ = Factory.Services;
        organisation = await TestOrganisations.CreateAsync(Factory, "Limited Co");
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        database.Dispose();
    }

    private static HttpRequestMessage Html(HttpMethod method, string path) => new(method, path) { Headers = { { "Accept", "text/html" } } };

    [Fact]
    public async Task Sign_in_posts_from_one_address_are_limited_and_the_page_says_when_to_try_again()
    {
        using var client = Factory.CreateClient(new() { AllowAutoRedirect = false });
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            // A proxy that is not App:KnownProxies cannot buy a fresh allowance by naming another client.
            using var post = Html(HttpMethod.Post, "/Account/Login");
            post.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            post.Content = new FormUrlEncodedContent([]);
            answers.Add((await client.SendAsync(post)).StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, answers.Take(5));
        using var refused = await client.SendAsync(Html(HttpMethod.Post, "/Account/Login"));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[5]);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture) is > 0 and <= 60);
        Assert.Contains("Too many requests from here just now. Wait", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Opening the page is not limited; the other account forms share the allowance.
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Html(HttpMethod.Get, "/Account/Login"))).StatusCode);
        using var forgot = Html(HttpMethod.Post, "/Account/ForgotPassword");
        forgot.Content = new FormUrlEncodedContent([]);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SendAsync(forgot)).StatusCode);
    }

    [Fact]
    public async Task Downloads_are_limited_per_person_with_a_problem_that_says_when_to_try_again()
    {
        using var dispatcher = await Factory.SignedInClientAsync(organisation.Users[Roles.Dispatcher]);
        using var admin = await Factory.SignedInClientAsync(organisation.Users[Roles.Admin]);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) answers.Add((await dispatcher.GetAsync("/tickets/export.csv")).StatusCode);
        using var refused = await dispatcher.GetAsync("/tickets/export.csv");

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
        // Another person's allowance is their own.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/tickets/export.csv")).StatusCode);
    }

    [Fact]
    public async Task Reads_of_one_calendar_feed_address_are_limited()
    {
        using var client = Factory.CreateClient();
        var path = "/feeds/crm/not-a-real-token.ics";

        var first = await client.GetAsync(path);
        var second = await client.GetAsync(path);
        var third = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/feeds/crm/another-token.ics")).StatusCode);
    }
}
