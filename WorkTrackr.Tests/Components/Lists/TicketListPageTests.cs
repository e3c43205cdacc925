using System.Data.Common;
using System.Diagnostics;
using Bunit;
using Bunit.TestDoubles;
using WorkTrackr.Tests.Integration;
using WorkTrackr.Web.Features.Tickets;

namespace WorkTrackr.Tests.Components.Lists;

/// <summary>
/// The ticket list owns its state: a bookmarked address opens on exactly that page, sort and filter (no first load of
/// page 1 to jump from), and the sort labels and the pager change the address (replacing it) as they load.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TicketListPageTests(SqliteApp app) : AppComponentTest(app)
{
    private ApplicationUser manager = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        manager = await SignInAsync(Roles.Manager);
        // 31 tickets with the organisation's own: two pages of 25.
        await Factory.AddAsync(Organisation.Id, [.. Enumerable.Range(1, 30).Select(i => (object)Build.Ticket($"Paged ticket {i:00}"))]);
    }

    private async Task<IReadOnlyList<string>> NumbersAsync(string queryString)
    {
        var found = await Factory.RunAsAsync<TicketSearch, Result<TicketResults>>(manager, s => s.SearchAsync(TicketQuery.Parse(queryString)));
        Assert.True(found.Succeeded, found.Message);
        return [.. found.Value!.Items.Select(t => t.Number)];
    }

    private static IReadOnlyList<string> Shown(IRenderedComponent<TicketListPage> cut) =>
        [.. cut.AllByTestId("ticket-number").Select(a => a.Text())];

    [Fact]
    public async Task A_bookmarked_later_page_renders_only_that_pages_rows()
    {
        var expected = await NumbersAsync("?view=All&sort=Title&page=2");
        Assert.Equal(6, expected.Count);
        Navigation.NavigateTo("tickets?view=All&sort=Title&page=2");

        var everShown = new HashSet<string>();
        using var reads = new PagedReads(Organisation.Id);
        var cut = Context.Render<TicketListPage>();
        everShown.UnionWith(Shown(cut));
        cut.OnMarkupUpdated += (_, _) => everShown.UnionWith(Shown(cut));

        cut.WaitForAssertion(() => Assert.Equal(expected, Shown(cut)));
        Assert.Subset(expected.ToHashSet(), everShown);
        // Nor was page 1 read and thrown away: every paged read of this organisation's tickets skipped the first 25.
        Assert.NotEmpty(reads.Offsets);
        Assert.All(reads.Offsets, offset => Assert.Equal(25L, offset));
        Assert.Equal("26–31 of 31", cut.ByTestId("ticket-pager-summary").Text());
        Assert.EndsWith("tickets?view=All&sort=Title&page=2", Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sort_headers_and_the_pager_load_their_page_and_replace_the_address()
    {
        // Sorted by number to start with (tickets of one moment tie on SLA risk, the default, in no set order).
        Navigation.NavigateTo("tickets?view=All&sort=Number");
        var cut = Context.Render<TicketListPage>();
        var byNumber = await NumbersAsync("?view=All&sort=Number");
        cut.WaitForAssertion(() => Assert.Equal(byNumber, Shown(cut)));
        var history = ((BunitNavigationManager)Navigation).History.Count;

        Assert.Equal("ascending", cut.Button("Number").Closest("th")!.GetAttribute("aria-sort"));

        await cut.Button("Ticket").ClickAsync();
        var byTitle = await NumbersAsync("?view=All&sort=Title");
        cut.WaitForAssertion(() => Assert.Equal(byTitle, Shown(cut)));
        Assert.EndsWith("tickets?view=All&sort=Title", Navigation.Uri, StringComparison.Ordinal);
        Assert.Equal("ascending", cut.Button("Ticket").Closest("th")!.GetAttribute("aria-sort"));
        Assert.Equal("none", cut.Button("Number").Closest("th")!.GetAttribute("aria-sort"));

        await cut.Button("Ticket").ClickAsync();
        cut.WaitForAssertion(() => Assert.EndsWith("tickets?view=All&sort=Title&desc=true", Navigation.Uri, StringComparison.Ordinal));
        Assert.Equal("descending", cut.Button("Ticket").Closest("th")!.GetAttribute("aria-sort"));

        await cut.Button("Page 2").ClickAsync();
        var secondPage = await NumbersAsync("?view=All&sort=Title&desc=true&page=2");
        cut.WaitForAssertion(() => Assert.Equal(secondPage, Shown(cut)));
        Assert.EndsWith("tickets?view=All&sort=Title&desc=true&page=2", Navigation.Uri, StringComparison.Ordinal);
        Assert.Equal(history, ((BunitNavigationManager)Navigation).History.Count); // replaced, never pushed
    }

    [Fact]
    public async Task A_search_starts_at_the_first_page_and_a_link_to_another_state_is_read_again()
    {
        Navigation.NavigateTo("tickets?view=All&sort=Title&page=2");
        var cut = Context.Render<TicketListPage>();
        cut.WaitForAssertion(() => Assert.Equal(6, Shown(cut).Count));

        await cut.ByTestId("filter-text").TypeAsync("Paged ticket 0");
        var found = await NumbersAsync("?view=All&sort=Title&q=Paged+ticket+0");
        Assert.Equal(9, found.Count);
        cut.WaitForAssertion(() => Assert.Equal(found, Shown(cut)));
        var written = TicketQuery.Parse(new Uri(Navigation.Uri).Query);
        Assert.Equal(("Paged ticket 0", TicketSort.Title, 0), (written.Text, written.Sort, written.Skip));

        // A link within the page's circuit (the dashboard's, the browser's back) to another state of the list.
        Navigation.NavigateTo("tickets?view=All&q=Paged+ticket+12");
        cut.WaitForAssertion(() => Assert.Single(Shown(cut)));
        Assert.Equal("Paged ticket 12", cut.ByTestId("filter-text").ValueOf());
    }

    /// <summary>The OFFSET of every paged SQL read made for one organisation while it lives (EF Core's diagnostics, process-wide, filtered by its id).</summary>
    private sealed class PagedReads : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly string organisation;
        private readonly List<IDisposable> subscriptions = [];
        private readonly List<long> offsets = [];

        public PagedReads(Guid organisationId)
        {
            organisation = organisationId.ToString();
            subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        }

        public IReadOnlyList<long> Offsets
        {
            get
            {
                lock (offsets)
                {
                    return [.. offsets];
                }
            }
        }

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (subscriptions) subscriptions.Add(value.Subscribe(this));
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Value is not Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData { Command: DbCommand command }
                || value.Key != Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuting.Name
                || !command.CommandText.Contains("OFFSET", StringComparison.OrdinalIgnoreCase)
                || !command.CommandText.Contains("\"Tickets\"", StringComparison.Ordinal))
            {
                return;
            }
            var parameters = command.Parameters.Cast<DbParameter>().ToList();
            if (!parameters.Any(p => string.Equals(p.Value?.ToString(), organisation, StringComparison.OrdinalIgnoreCase)))
            {
                return;
            }
            var offsetName = System.Text.RegularExpressions.Regex.Match(command.CommandText, @"OFFSET\s+(@\w+)", System.Text.RegularExpressions.RegexOptions.IgnoreCase).Groups[1].Value;
            if (parameters.FirstOrDefault(p => p.ParameterName == offsetName)?.Value is { } offset)
            {
                lock (offsets) offsets.Add(Convert.ToInt64(offset, CultureInfo.InvariantCulture));
            }
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }

        public void Dispose()
        {
            lock (subscriptions) subscriptions.ForEach(s => s.Dispose());
        }
    }
}
