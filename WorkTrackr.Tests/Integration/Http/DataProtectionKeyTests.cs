using System.Net;

namespace WorkTrackr.Tests.Integration.Http;

/// <summary>The data-protection keys live in the database: a sign-in cookie is read by another node and after a restart.</summary>
[Trait("Category", "Integration")]
public sealed class DataProtectionKeyTests
{
    [Fact]
    public async Task A_sign_in_cookie_is_read_by_another_node_and_after_a_restart_because_the_keys_are_in_the_database()
    {
        using var database = TestDatabase.Sqlite();
        string cookie;
        await using (var first = new WorkTrackrFactory(database))
        {
            _ = first.Services;
            var organisation = await TestOrganisations.CreateAsync(first, "Two Nodes Ltd");
            using var client = await first.SignedInClientAsync(organisation.Users[Roles.Admin]);
            cookie = client.DefaultRequestHeaders.GetValues("Cookie").Single();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/tickets/export.csv")).StatusCode);
            await using (var db = first.CreateDbContext(null))
                Assert.NotEmpty(await db.DataProtectionKeys.AsNoTracking().ToListAsync());

            // A second node on the same database, while the first still runs.
            await using var second = new WorkTrackrFactory(database);
            Assert.Equal(HttpStatusCode.OK, (await GetWithAsync(second, cookie)).StatusCode);
        }

        // The first node restarted.
        await using var restarted = new WorkTrackrFactory(database);
        Assert.Equal(HttpStatusCode.OK, (await GetWithAsync(restarted, cookie)).StatusCode);
    }

    private static async Task<HttpResponseMessage> GetWithAsync(WorkTrackrFactory factory, string cookie)
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return await client.GetAsync("/tickets/export.csv");
    }
}
