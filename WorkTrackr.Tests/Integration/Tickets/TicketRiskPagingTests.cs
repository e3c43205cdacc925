using WorkTrackr.Web.Features.Tickets;

namespace WorkTrackr.Tests.Integration.Tickets;

/// <summary>
/// With thousands of matches the list pages the risk order range by range along its index (open and dated, open and
/// undated, finished and dated, finished and undated). Paging through every page must give exactly that order.
/// </summary>
[Trait("Category", "Integration")]
public abstract class TicketRiskPagingTests<TApp>(TApp app) : IAsyncLifetime where TApp : TenantApp
{
    private const int Count = 4_000;

    public async Task InitializeAsync()
    {
        await using var db = app.Factory.CreateDbContext(app.A.Id);
        if (await db.Tickets.CountAsync(t => t.Title == "Paging") > 0) return;
        var random = new Random(7);
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var statuses = Enum.GetValues<TicketStatus>();
        db.Tickets.AddRange(Enumerable.Range(0, Count).Select(i => new Ticket
        {
            Number = $"P-{i:D6}",
            Title = "Paging",
            Status = statuses[random.Next(statuses.Length)],
            CreatedAt = start,
            // Every tenth ticket has no due time; many share one, so the Id tie-break matters too.
            ResolutionDueAt = i % 10 == 0 ? null : start.AddHours(random.Next(0, 500)),
        }));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<List<Guid>> AllPagesAsync(TicketQuery query, int pageSize)
    {
        var ids = new List<Guid>();
        for (var skip = 0; ; skip += pageSize)
        {
            await using var scope = await app.Factory.SignedInScopeAsync(app.A.Users[Roles.Dispatcher]);
            var page = (await scope.ServiceProvider.GetRequiredService<TicketSearch>().SearchAsync(query with { Skip = skip, Take = pageSize })).Value!;
            Assert.True(page.Total > 2_000, "enough matches to span many pages");
            ids.AddRange(page.Items.Select(i => i.Id));
            if (page.Items.Count < pageSize) return ids;
        }
    }

    private async Task<List<Guid>> ExpectedAsync(bool openOnly)
    {
        await using var db = app.Factory.CreateDbContext(app.A.Id);
        var rows = await db.Tickets.Where(t => t.Title == "Paging").Select(t => new { t.Id, t.Status, t.ResolutionDueAt }).ToListAsync();
        return rows.Where(t => !openOnly || !TicketRules.IsFinished(t.Status))
            .OrderBy(t => TicketRules.IsFinished(t.Status)).ThenBy(t => t.ResolutionDueAt is null).ThenBy(t => t.ResolutionDueAt).ThenBy(t => t.Id)
            .Select(t => t.Id).ToList();
    }

    [Theory]
    [InlineData(TicketView.All, 200)]
    [InlineData(TicketView.All, 37)]
    [InlineData(TicketView.AllOpen, 150)]
    public async Task Every_page_follows_the_risk_order_without_gaps_or_repeats(TicketView view, int pageSize)
    {
        var paged = await AllPagesAsync(new TicketQuery { View = view, Text = "paging", Sort = TicketSort.Risk }, pageSize);

        Assert.Equal(await ExpectedAsync(openOnly: view == TicketView.AllOpen), paged);
    }
}

public sealed class SqliteTicketRiskPagingTests(SqliteTenantApp app) : TicketRiskPagingTests<SqliteTenantApp>(app), IClassFixture<SqliteTenantApp>;

public sealed class PostgresTicketRiskPagingTests(PostgresTenantApp app) : TicketRiskPagingTests<PostgresTenantApp>(app), IClassFixture<PostgresTenantApp>;
