using WorkTrackr.Web.Features.Tickets;

namespace WorkTrackr.Tests.Integration.Tickets;

[Trait("Category", "Integration")]
public abstract class TicketSearchTests<TApp>(TApp app) : IAsyncLifetime where TApp : TenantApp
{
    private readonly List<TicketRef> created = [];

    private ApplicationUser Dispatcher => app.A.Users[Roles.Dispatcher];

    public async Task InitializeAsync()
    {
        if (created.Count > 0) return;
        var technician = app.A.Users[Roles.Technician].Id;
        var inputs = new[]
        {
            new TicketInput { Title = "Printer jam on floor 2", Priority = TicketPriority.Urgent, AssignedUserId = technician },
            new TicketInput { Title = "Replace PRINTER toner", Priority = TicketPriority.Low },
            new TicketInput { Title = "Wi-Fi dropouts", Priority = TicketPriority.High, AssignedUserId = technician },
        };
        foreach (var input in inputs)
        {
            await using var scope = await app.Factory.SignedInScopeAsync(Dispatcher);
            var result = await scope.ServiceProvider.GetRequiredService<TicketService>().CreateAsync(input);
            Assert.True(result.Succeeded, result.Message);
            created.Add(result.Value!);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Result<TicketResults>> SearchAsync(TicketQuery query, ApplicationUser? user = null)
    {
        await using var scope = await app.Factory.SignedInScopeAsync(user ?? Dispatcher);
        return await scope.ServiceProvider.GetRequiredService<TicketSearch>().SearchAsync(query);
    }

    private IEnumerable<string> Mine(TicketResults results) => results.Items.Select(i => i.Number).Intersect(created.Select(c => c.Number));

    [Fact]
    public async Task Text_search_matches_number_title_and_contact_ignoring_case()
    {
        var byTitle = (await SearchAsync(new TicketQuery { View = TicketView.All, Text = "printer" })).Value!;
        var byNumber = (await SearchAsync(new TicketQuery { View = TicketView.All, Text = created[2].Number })).Value!;

        var byContact = (await SearchAsync(new TicketQuery { View = TicketView.All, Text = "ALPHA REPAIRS CUSTOMER" })).Value!;

        Assert.Equal([created[0].Number, created[1].Number], Mine(byTitle).Order());
        Assert.Equal([created[2].Number], byNumber.Items.Select(i => i.Number));
        Assert.Equal([app.A.RowIds[typeof(Ticket)]], byContact.Items.Select(i => i.Id)); // the fixture's ticket has that contact
    }

    [Fact]
    public async Task Text_search_finds_tickets_of_every_matching_contact_even_when_hundreds_match()
    {
        var contacts = Enumerable.Range(0, 520).Select(i => new Contact { Name = $"Zephyr Holdings {i}" }).ToList();
        await using (var db = app.Factory.CreateDbContext(app.A.Id))
        {
            db.Contacts.AddRange(contacts);
            await db.SaveChangesAsync();
        }
        await using (var scope = await app.Factory.SignedInScopeAsync(Dispatcher))
        {
            var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
            foreach (var contact in new[] { contacts[3], contacts[519] })
                Assert.True((await tickets.CreateAsync(new TicketInput { Title = "Lift inspection", ContactId = contact.Id })).Succeeded);
        }

        var found = (await SearchAsync(new TicketQuery { View = TicketView.All, Text = "zephyr holdings" })).Value!;
        var one = (await SearchAsync(new TicketQuery { View = TicketView.All, Text = "Zephyr Holdings 519" })).Value!;

        Assert.Equal(["Zephyr Holdings 3", "Zephyr Holdings 519"], found.Items.Select(i => i.ContactName).Order());
        Assert.Equal(["Zephyr Holdings 519"], one.Items.Select(i => i.ContactName));
    }

    [Fact]
    public async Task Text_search_follows_renames_and_takes_wildcards_and_short_terms_literally()
    {
        await using (var scope = await app.Factory.SignedInScopeAsync(Dispatcher))
        {
            var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
            var ticket = (await tickets.CreateAsync(new TicketInput { Title = "Gutter 50%_off clean-up" })).Value!;
            var details = (await tickets.GetAsync(ticket.Id)).Value!;
            var input = details.ToInput();
            input.Title = "Skylight resealing, 50%_off";
            Assert.True((await tickets.UpdateAsync(ticket.Id, input, details.Version)).Succeeded);
        }

        Assert.Empty((await SearchAsync(new TicketQuery { View = TicketView.All, Text = "gutter" })).Value!.Items);
        Assert.Equal(["Skylight resealing, 50%_off"], (await SearchAsync(new TicketQuery { View = TicketView.All, Text = "SKYLIGHT" })).Value!.Items.Select(i => i.Title));
        // % and _ are what was typed, not wildcards; a term too short for a trigram index still finds its matches.
        Assert.Equal(["Skylight resealing, 50%_off"], (await SearchAsync(new TicketQuery { View = TicketView.All, Text = "0%_o" })).Value!.Items.Select(i => i.Title));
        Assert.Empty((await SearchAsync(new TicketQuery { View = TicketView.All, Text = "50%off" })).Value!.Items);
        Assert.Contains("Skylight resealing, 50%_off", (await SearchAsync(new TicketQuery { View = TicketView.All, Text = "%_" })).Value!.Items.Select(i => i.Title));
        Assert.Contains(created[2].Number, (await SearchAsync(new TicketQuery { View = TicketView.All, Text = "wi" })).Value!.Items.Select(i => i.Number));
    }

    [Fact]
    public async Task Filters_combine_and_the_total_counts_all_pages()
    {
        var query = new TicketQuery { View = TicketView.All, Priorities = [TicketPriority.Urgent, TicketPriority.High], AssigneeId = app.A.Users[Roles.Technician].Id, Take = 1 };

        var first = (await SearchAsync(query)).Value!;
        var second = (await SearchAsync(query with { Skip = 1 })).Value!;

        Assert.True(first.Total >= 2);
        Assert.Single(first.Items);
        Assert.NotEqual(first.Items[0].Id, second.Items[0].Id);
        Assert.All(first.Items.Concat(second.Items), i => Assert.Contains(i.Priority, new[] { TicketPriority.Urgent, TicketPriority.High }));
    }

    [Fact]
    public async Task Sorting_by_risk_puts_the_nearest_resolution_due_first()
    {
        var results = (await SearchAsync(new TicketQuery { View = TicketView.AllOpen, Sort = TicketSort.Risk, Take = 200 })).Value!;
        var dues = results.Items.Where(i => i.ResolutionDueAt is not null).Select(i => i.ResolutionDueAt!.Value).ToList();

        Assert.Equal(dues.Order(), dues);
        Assert.Equal(created[0].Number, Mine(results).First()); // urgent: due soonest of ours
    }

    [Fact]
    public async Task Unassigned_view_and_technicians_own_view()
    {
        var unassigned = (await SearchAsync(new TicketQuery { View = TicketView.Unassigned })).Value!;
        var technicians = (await SearchAsync(new TicketQuery { View = TicketView.All }, app.A.Users[Roles.Technician])).Value!;

        Assert.Contains(created[1].Number, unassigned.Items.Select(i => i.Number));
        Assert.DoesNotContain(created[0].Number, unassigned.Items.Select(i => i.Number));
        Assert.All(technicians.Items, i => Assert.Equal(app.A.Users[Roles.Technician].DisplayName, i.AssigneeName));
    }

    [Fact]
    public async Task A_calendar_range_returns_the_tickets_overlapping_it()
    {
        var day = new DateTime(2027, 3, 10, 0, 0, 0, DateTimeKind.Utc);
        var inside = new TicketInput { Title = "Calendar inside", ScheduledStart = day.AddHours(9), ScheduledEnd = day.AddHours(11) };
        var straddling = new TicketInput { Title = "Calendar straddling", ScheduledStart = day.AddHours(-1), ScheduledEnd = day.AddHours(1) };
        var after = new TicketInput { Title = "Calendar after", ScheduledStart = day.AddDays(1).AddHours(9), ScheduledEnd = day.AddDays(1).AddHours(10) };
        foreach (var input in new[] { inside, straddling, after })
        {
            await using var create = await app.Factory.SignedInScopeAsync(Dispatcher);
            Assert.True((await create.ServiceProvider.GetRequiredService<TicketService>().CreateAsync(input)).Succeeded);
        }

        await using var scope = await app.Factory.SignedInScopeAsync(Dispatcher);
        var result = await scope.ServiceProvider.GetRequiredService<TicketSearch>().ScheduledAsync(day, day.AddDays(1));

        Assert.Equal(["Calendar straddling", "Calendar inside"], result.Value!.Select(t => t.Title));
    }

    [Fact]
    public async Task Another_organisations_tickets_never_appear()
    {
        var all = (await SearchAsync(new TicketQuery { View = TicketView.All, Take = 200 })).Value!;
        Assert.DoesNotContain(all.Items, i => i.Title.StartsWith("Bravo", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_query_round_trips_through_the_address_bar()
    {
        var query = new TicketQuery
        {
            View = TicketView.Overdue, Statuses = [TicketStatus.OnHold], Priorities = [TicketPriority.High], Unassigned = true,
            ContactId = Guid.NewGuid(), ScheduledFrom = new DateOnly(2026, 1, 2), CreatedTo = new DateOnly(2026, 2, 3),
            Text = "boiler", Sort = TicketSort.Priority, Descending = true, Skip = 50,
        };
        var url = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("", query.ToQueryString().Where(p => p.Value is not null)!);

        var parsed = TicketQuery.Parse(url);

        Assert.Equal(query.ToQueryString(), parsed.ToQueryString());
        Assert.Equal(new TicketQuery().ToQueryString(), TicketQuery.Parse("?status=Nonsense&page=-4&view=Whatever").ToQueryString());
    }
}

public sealed class SqliteTicketSearchTests(SqliteTenantApp app) : TicketSearchTests<SqliteTenantApp>(app), IClassFixture<SqliteTenantApp>
{
    private readonly SqliteTenantApp app = app;

    [Fact]
    public async Task Full_text_indexes_that_lost_their_triggers_or_rows_are_repaired_as_at_start_up()
    {
        // What a migration rebuilding the table would leave: no trigger, and a row the index never saw.
        await using (var db = app.Factory.CreateDbContext(app.A.Id))
        {
            await db.Database.ExecuteSqlRawAsync($"DROP TRIGGER \"{TextSearch.Tickets}_insert\";");
            db.Tickets.Add(Build.Ticket("Quokka enclosure gate"));
            await db.SaveChangesAsync();
        }
        var before = await SearchTitlesAsync("quokka");

        await using (var db = app.Factory.CreateDbContext(null)) await TextSearch.EnsureAsync(db);

        Assert.Empty(before);
        Assert.Equal(["Quokka enclosure gate"], await SearchTitlesAsync("quokka"));
        // The trigger is back: the next ticket is indexed as it is written.
        await app.Factory.AddAsync(app.A.Id, Build.Ticket("Quokka feeding rota"));
        Assert.Equal(2, (await SearchTitlesAsync("quokka")).Count);
    }

    private async Task<List<string>> SearchTitlesAsync(string text)
    {
        await using var scope = await app.Factory.SignedInScopeAsync(app.A.Users[Roles.Dispatcher]);
        var found = await scope.ServiceProvider.GetRequiredService<TicketSearch>().SearchAsync(new TicketQuery { View = TicketView.All, Text = text });
        return found.Value!.Items.Select(i => i.Title).ToList();
    }
}

[Trait("Provider", "Postgres")]
public sealed class PostgresTicketSearchTests(PostgresTenantApp app) : TicketSearchTests<PostgresTenantApp>(app), IClassFixture<PostgresTenantApp>;
