using Bunit;
using WorkTrackr.Tests.Integration;
using WorkTrackr.Web.Features.Dashboard;
using WorkTrackr.Web.Features.Tickets;
using WorkTrackr.Web.Infrastructure.Changes;

namespace WorkTrackr.Tests.Components.Dashboard;

/// <summary>The manager dashboard's open-tickets panel, on the organisation's real tickets, in the default range (this month).</summary>
[Trait("Category", "Integration")]
public sealed class OpenTicketsPanelTests(SqliteApp app) : AppComponentTest(app)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await SignInAsync(Roles.Manager);
    }

    [Fact]
    public async Task The_panel_counts_the_open_tickets_created_this_month_by_status_and_priority()
    {
        // The organisation already has one: Open, Medium, created now.
        await AddTicketsAsync(
            (TicketStatus.InProgress, TicketPriority.High, 0),
            (TicketStatus.OnHold, TicketPriority.Urgent, 0),
            (TicketStatus.Open, TicketPriority.High, 0),
            (TicketStatus.Resolved, TicketPriority.High, 0), // finished: not open
            (TicketStatus.Open, TicketPriority.Low, -70));   // open, but created before this month

        var cut = Context.Render<ManagerDashboard>();

        cut.WaitForAssertion(() => Assert.Equal("4", cut.ByTestId("open-total").Text()));
        var table = cut.ByTestId("table-open-tickets");
        Assert.Equal(["Group Value Open tickets"], table.QuerySelectorAll("thead tr").Select(r => r.Text()));
        Assert.Equal(
            ["Status Open 2", "Status InProgress 1", "Status OnHold 1", "Priority Urgent 1", "Priority High 2", "Priority Medium 1", "Priority Low 0"],
            table.QuerySelectorAll("tbody tr").Select(r => r.Text()));
        Assert.Empty(cut.AllByTestId("panel-open-tickets-empty"));
        Assert.Matches("^dashboard/open-tickets\\.csv\\?from=\\d{4}-\\d{2}-01&to=\\d{4}-\\d{2}-\\d{2}$", cut.ByTestId("csv-open-tickets").GetAttribute("href"));
    }

    [Fact]
    public async Task With_no_open_tickets_the_panel_says_so_instead_of_showing_figures()
    {
        await using (var db = Factory.CreateDbContext(Organisation.Id))
            await db.Tickets.ExecuteUpdateAsync(t => t.SetProperty(x => x.Status, TicketStatus.Closed));

        var cut = Context.Render<ManagerDashboard>();

        cut.WaitForAssertion(() => Assert.Equal("No open tickets were created in this range.", cut.ByTestId("panel-open-tickets-empty").Text()));
        Assert.Empty(cut.AllByTestId("open-total"));
        Assert.Empty(cut.AllByTestId("table-open-tickets"));
    }

    [Fact]
    public async Task A_ticket_created_elsewhere_raises_the_count_without_a_reload()
    {
        var feed = Factory.Services.GetRequiredService<DataChangeFeed>();
        var cut = Context.Render<ManagerDashboard>();
        cut.WaitForAssertion(() => Assert.Equal("1", cut.ByTestId("open-total").Text()));
        // The feed's first reading after a view opens is that view's baseline. Take it now, as the next tick would:
        // a change saved before that tick would become part of the baseline and never reach the view.
        await feed.PollAsync(CancellationToken.None);

        // Another person's request, through the real service: its change stamp is what the open dashboard polls for.
        var created = await Factory.RunAsAsync(Organisation.Users[Roles.Dispatcher],
            (TicketService s) => s.CreateAsync(new TicketInput { Title = "Leak in the plant room", Priority = TicketPriority.Urgent }));
        Assert.True(created.Succeeded, created.Message);
        await feed.PollAsync(CancellationToken.None); // the tick that sees it, without waiting out the interval

        cut.WaitForAssertion(() => Assert.Equal("2", cut.ByTestId("open-total").Text()));
        Assert.Contains("Priority Urgent 1", cut.ByTestId("table-open-tickets").QuerySelectorAll("tbody tr").Select(r => r.Text()));
    }

    private async Task AddTicketsAsync(params (TicketStatus Status, TicketPriority Priority, int DaysAgo)[] tickets)
    {
        await using var db = Factory.CreateDbContext(Organisation.Id);
        var number = await db.Tickets.CountAsync();
        foreach (var (status, priority, days) in tickets)
        {
            var createdAt = DateTime.UtcNow.AddDays(days);
            db.Tickets.Add(new Ticket
            {
                Number = Ticket.FormatNumber(++number + 100), Title = $"{status} {priority}", Status = status, Priority = priority, CreatedAt = createdAt,
                ResolvedAt = status is TicketStatus.Resolved ? createdAt : null,
            });
        }
        await db.SaveChangesAsync();
    }
}
