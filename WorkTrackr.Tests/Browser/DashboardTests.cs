using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WorkTrackr.Web.Features.Tickets;
using static Microsoft.Playwright.Assertions;

namespace WorkTrackr.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class DashboardTests(BrowserApp app)
{
    private static readonly string[] Panels =
        ["open-tickets", "ticket-flow", "sla", "workload", "revenue", "receivables", "renewals", "top-products", "crm-activity"];

    [Fact]
    public async Task A_manager_sees_every_panel_filled_from_the_demo_data_and_clicks_through_to_the_filtered_list()
    {
        var page = await app.OpenAsAsync("manager@northwind.test", "");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Dashboard");
        await page.GetByTestId("dashboard-period").GetByText("Last 90 days").ClickAsync();
        foreach (var panel in Panels)
        {
            // Each panel filled: its table is there, and neither an error nor an empty note is.
            await Expect(page.GetByTestId($"table-{panel}")).ToBeAttachedAsync(new() { Timeout = 15_000 });
            await Expect(page.GetByTestId($"panel-{panel}-error")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId($"panel-{panel}-empty")).ToHaveCountAsync(0);
        }
        // The table behind a chart opens from its summary.
        var receivables = page.GetByTestId("panel-receivables");
        await receivables.GetByText("The figures as a table").ClickAsync();
        await Expect(page.GetByTestId("table-receivables").Locator("tbody tr")).ToHaveCountAsync(4);

        // Clicking the High bar of open tickets by priority opens the ticket list filtered the same way (open tickets, its default view).
        var priorities = page.GetByTestId("panel-open-tickets").Locator(".rz-chart").Nth(1).Locator(".rz-column-series path");
        await priorities.Nth(1).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/tickets\?priority=High&createdFrom=\d{4}-\d{2}-\d{2}&createdTo=\d{4}-\d{2}-\d{2}$"));
        await Expect(page.Locator("[data-testid=ticket-grid] tbody tr").First).ToContainTextAsync("High");
    }

    [Fact]
    public async Task A_new_ticket_raises_the_open_count_without_a_reload()
    {
        var page = await app.OpenAsAsync("manager@northwind.test", "");
        var total = page.GetByTestId("open-total");
        await Expect(total).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var before = int.Parse(await total.InnerTextAsync());
        var url = page.Url;

        var dispatcher = await app.Factory.FindUserAsync("dispatcher@northwind.test");
        var created = await app.Factory.RunAsAsync(dispatcher, (TicketService s) =>
            s.CreateAsync(new TicketInput { Title = "Dashboard refresh check", Priority = TicketPriority.High }));
        Assert.True(created.Succeeded, created.Message);

        await Expect(total).ToHaveTextAsync((before + 1).ToString(), new() { Timeout = 15_000 });
        Assert.Equal(url, page.Url);
    }

    [Fact]
    public async Task A_dispatchers_home_is_their_day()
    {
        var page = await app.OpenAsAsync("dispatcher@northwind.test", "");

        await Expect(page.Locator("h1")).ToHaveTextAsync("My day");
        await Expect(page.GetByTestId("myday-schedule")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("myday-open")).ToBeVisibleAsync();
        // The demo data has tickets past or near their targets.
        await Expect(page.GetByTestId("myday-risk").GetByTestId("myday-ticket").First).ToBeVisibleAsync();
        // The organisation's dashboard and its exports are not theirs.
        var response = await page.APIRequest.GetAsync(new Uri(app.BaseAddress, "dashboard/revenue.csv?from=2026-01-01&to=2026-12-31").ToString(),
            new() { MaxRedirects = 0 });
        Assert.Equal(403, response.Status);
    }

    [Fact]
    public async Task An_admin_sets_a_technicians_working_hours_and_the_workload_measures_against_them()
    {
        var technician = await app.Factory.FindUserAsync("tech2@northwind.test");
        var page = await app.OpenAsAsync("admin@northwind.test", "admin");
        await page.GetByTestId("admin-working-hours").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Working hours");

        var hours = page.Locator($"tr[data-person='{technician.DisplayName}'] input");
        await hours.FillAsync("30");
        await hours.PressAsync("Tab");
        await Expect(page.Locator($"tr[data-person='{technician.DisplayName}'] .sla-hint")).ToHaveTextAsync("= 6 h a day over 5 days");
        await page.GetByTestId("save-working-hours").ClickAsync();
        await Expect(page.GetByText("Working hours saved")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await new AppShell(page).WaitUntilInteractiveAsync();
        await Expect(page.Locator($"tr[data-person='{technician.DisplayName}'] input")).ToHaveValueAsync("30");

        // A week's capacity is the weekly hours themselves.
        await page.GotoAsync(app.BaseAddress.ToString());
        await new AppShell(page).WaitUntilInteractiveAsync();
        await page.GetByTestId("dashboard-period").GetByText("This week").ClickAsync();
        var workload = page.GetByTestId("panel-workload");
        await workload.GetByText("The figures as a table").ClickAsync();
        var row = page.GetByTestId("table-workload").Locator("tbody tr", new() { HasText = technician.DisplayName });
        await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("30.0");
        await Expect(workload.GetByTestId("edit-working-hours")).ToHaveAttributeAsync("href", "admin/working-hours");
    }

    [Fact]
    public async Task A_crm_bar_opens_the_calendar_narrowed_to_that_person()
    {
        var page = await app.OpenAsAsync("manager@northwind.test", "");
        var range = await page.GetByTestId("dashboard-range").InnerTextAsync();
        await page.GetByTestId("dashboard-period").GetByText("Last 90 days").ClickAsync();
        // Read the table only once the panel has reloaded for the new range, or it may still be this month's.
        await Expect(page.GetByTestId("dashboard-range")).Not.ToHaveTextAsync(range);
        await Expect(page.GetByTestId("panel-crm-activity")).ToHaveAttributeAsync("aria-busy", "false", new() { Timeout = 15_000 });
        var bars = page.GetByTestId("panel-crm-activity").Locator(".rz-bar-series path");
        await Expect(bars.First).ToBeAttachedAsync(new() { Timeout = 15_000 });

        var table = await page.GetByTestId("table-crm-activity").Locator("tbody th").AllTextContentsAsync();
        for (var i = 0; i < await bars.CountAsync(); i++)
        {
            if (await bars.Nth(i).BoundingBoxAsync() is not { Width: > 3, Height: > 3 }) continue;
            await bars.Nth(i).ClickAsync();
            break;
        }

        await Expect(page).ToHaveURLAsync(new Regex(@"/crm\?person=[0-9a-f-]{36}&date=\d{4}-\d{2}-\d{2}$"));
        var chip = page.GetByTestId("crm-person");
        await Expect(chip).ToContainTextAsync(new Regex("^\\s*Only "));
        var name = await chip.Locator("strong").InnerTextAsync();
        Assert.Contains(name, table);
        foreach (var title in await page.Locator("[data-event]").EvaluateAllAsync<string[]>("els => els.map(e => e.title)"))
            Assert.Contains($" · {name} · ", title);

        // Back to everyone: the filter goes, from the page and from its address. (This needs the circuit to have
        // survived the chart click that navigated here; see HostErrorBoundary.)
        await page.GetByTestId("crm-person-clear").ClickAsync();
        await Expect(chip).ToHaveCountAsync(0);
        await Expect(page).ToHaveURLAsync(new Regex(@"/crm\?date=\d{4}-\d{2}-\d{2}$"));
    }
}
