using System.Text.RegularExpressions;
using WorkTrackr.Tests.Browser.Pages;
using WorkTrackr.Web.Features.Tickets;
using WorkTrackr.Web.Infrastructure.Database;
using static Microsoft.Playwright.Assertions;

namespace WorkTrackr.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class DashboardTests(BrowserApp app)
{
    [Fact]
    public async Task A_manager_sees_every_panel_filled_from_the_demo_data_and_clicks_through_to_the_filtered_list()
    {
        var page = await app.OpenAsAsync("manager@northwind.test", "");
        var dashboard = new DashboardPage(page);
        await Expect(new AppShell(page).Heading).ToHaveTextAsync("Dashboard");
        await dashboard.ChoosePeriodAsync("Last 90 days");
        foreach (var panel in DashboardPage.Panels)
        {
            // Each panel filled: its table is there, and neither an error nor an empty note is.
            await Expect(dashboard.Table(panel)).ToBeAttachedAsync(new() { Timeout = 15_000 });
            await Expect(dashboard.PanelError(panel)).ToHaveCountAsync(0);
            await Expect(dashboard.PanelEmpty(panel)).ToHaveCountAsync(0);
        }
        // The table behind a chart opens from its summary.
        await dashboard.OpenTableAsync("receivables");
        await Expect(dashboard.TableRows("receivables")).ToHaveCountAsync(4);

        // Clicking the High bar of open tickets by priority opens the ticket list filtered the same way (open tickets, its default view).
        await dashboard.ClickBarAsync("chart-open-by-priority", 1);
        await Expect(page).ToHaveURLAsync(new Regex(@"/tickets\?priority=High&createdFrom=\d{4}-\d{2}-\d{2}&createdTo=\d{4}-\d{2}-\d{2}$"));
        await Expect(new TicketsPage(page).Rows.First).ToContainTextAsync("High");
    }

    [Fact]
    public async Task The_charts_drawn_from_the_prerendered_page_are_not_drawn_again_when_it_goes_live()
    {
        var page = await app.NewPageAsync();
        await ComponentLibrary.RecordFirstChartDrawingsAsync(page);
        await new LoginPage(page, app.BaseAddress).SignInAsync("manager@northwind.test", DemoDataSeeder.Password);

        var drawnAgain = await ComponentLibrary.ChartsDrawnAgainAsync(page);
        Assert.True(drawnAgain.Count >= 6, $"{drawnAgain.Count} charts drew");
        Assert.Empty(drawnAgain.Where(c => c.Value).Select(c => c.Key));
        // And the drawing taken over still answers a click.
        await new DashboardPage(page).ClickBarAsync("chart-open-by-priority", 1);
        await Expect(page).ToHaveURLAsync(new Regex(@"/tickets\?priority=High&"));
    }

    [Fact]
    public async Task A_new_ticket_raises_the_open_count_without_a_reload()
    {
        var page = await app.OpenAsAsync("manager@northwind.test", "");
        var total = new DashboardPage(page).OpenTotal;
        await Expect(total).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var before = int.Parse(await total.InnerTextAsync(), CultureInfo.InvariantCulture);
        var url = page.Url;

        var dispatcher = await app.Factory.FindUserAsync("dispatcher@northwind.test");
        var created = await app.Factory.RunAsAsync(dispatcher, (TicketService s) =>
            s.CreateAsync(new TicketInput { Title = "Dashboard refresh check", Priority = TicketPriority.High }));
        Assert.True(created.Succeeded, created.Message);

        await Expect(total).ToHaveTextAsync((before + 1).ToString(CultureInfo.InvariantCulture), new() { Timeout = 15_000 });
        Assert.Equal(url, page.Url);
    }

    [Fact]
    public async Task A_dispatchers_home_is_their_day()
    {
        var page = await app.OpenAsAsync("dispatcher@northwind.test", "");
        var myDay = new MyDayPage(page);

        await Expect(new AppShell(page).Heading).ToHaveTextAsync("My day");
        await Expect(myDay.Schedule).ToBeVisibleAsync();
        await Expect(myDay.Open).ToBeVisibleAsync();
        // The demo data has tickets past or near their targets.
        await Expect(myDay.AtRisk.First).ToBeVisibleAsync();
        // The organisation's dashboard and its exports are not theirs.
        var response = await page.APIRequest.GetAsync(new Uri(app.BaseAddress, "dashboard/revenue.csv?from=2026-01-01&to=2026-12-31").ToString(),
            new() { MaxRedirects = 0 });
        Assert.Equal(403, response.Status);
    }

    [Fact]
    public async Task An_admin_sets_a_technicians_working_hours_and_the_workload_measures_against_them()
    {
        var technician = (await app.Factory.FindUserAsync("tech2@northwind.test")).DisplayName;
        var page = await app.OpenAsAsync("admin@northwind.test", "admin");
        var shell = new AppShell(page);
        var hours = new WorkingHoursPage(page);
        await hours.OpenFromAdminAsync();
        await Expect(shell.Heading).ToHaveTextAsync("Working hours");

        await hours.Hours(technician).FillAsync("30");
        await hours.Hours(technician).PressAsync("Tab");
        await Expect(hours.Hint(technician)).ToHaveTextAsync("= 6 h a day over 5 days");
        await hours.SaveAsync();
        await Expect(hours.Saved).ToBeVisibleAsync();
        await shell.ReloadAsync();
        await Expect(hours.Hours(technician)).ToHaveValueAsync("30");

        // A week's capacity is the weekly hours themselves.
        await page.GotoAsync(app, "");
        await shell.WaitUntilInteractiveAsync();
        var dashboard = new DashboardPage(page);
        await dashboard.ChoosePeriodAsync("This week");
        await dashboard.OpenTableAsync("workload");
        await Expect(dashboard.TableCells("workload", technician).Nth(2)).ToHaveTextAsync("30.0");
        await Expect(dashboard.Panel("workload").GetByTestId("edit-working-hours")).ToHaveAttributeAsync("href", "admin/working-hours");
    }

    [Fact]
    public async Task A_crm_bar_opens_the_calendar_narrowed_to_that_person()
    {
        var page = await app.OpenAsAsync("manager@northwind.test", "");
        var dashboard = new DashboardPage(page);
        var range = await dashboard.Range.InnerTextAsync();
        await dashboard.ChoosePeriodAsync("Last 90 days");
        // Read the table only once the panel has reloaded for the new range, or it may still be this month's.
        await Expect(dashboard.Range).Not.ToHaveTextAsync(range);
        await Expect(dashboard.Panel("crm-activity")).ToHaveAttributeAsync("aria-busy", "false", new() { Timeout = 15_000 });
        var people = await dashboard.TableRowHeadingsAsync("crm-activity");
        await dashboard.ClickFirstBarAsync("chart-crm-activity");

        await Expect(page).ToHaveURLAsync(new Regex(@"/crm\?person=[0-9a-f-]{36}&date=\d{4}-\d{2}-\d{2}$"));
        var crm = new CrmCalendarPage(page);
        await Expect(crm.PersonChip).ToContainTextAsync(new Regex("^\\s*Only "));
        var name = await crm.PersonName.InnerTextAsync();
        Assert.Contains(name, people);
        foreach (var title in await crm.EventTitlesAsync())
            Assert.Contains($" · {name} · ", title);

        // Back to everyone: the filter goes, from the page and from its address. (This needs the circuit to have
        // survived the chart click that navigated here.)
        await crm.ClearPersonAsync();
        await Expect(crm.PersonChip).ToHaveCountAsync(0);
        await Expect(page).ToHaveURLAsync(new Regex(@"/crm\?date=\d{4}-\d{2}-\d{2}$"));
    }
}
