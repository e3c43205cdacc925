using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WorkTrackr.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class TicketTests(BrowserApp app)
{
    private ILocator Rows(IPage page) => page.Locator("[data-testid=ticket-grid] tbody tr:has(a.ticket-number)");

    private static async Task ChooseAsync(IPage page, string dropDownTestId, string option)
    {
        await page.GetByTestId(dropDownTestId).ClickAsync();
        await page.Locator(".rz-dropdown-item, .rz-multiselect-item").Filter(new() { HasText = option }).First.ClickAsync();
    }

    [Fact]
    public async Task A_dispatcher_creates_a_ticket_from_a_template_once_its_required_field_is_filled()
    {
        var page = await app.OpenAsAsync("dispatcher@northwind.test", "tickets");
        await page.GetByTestId("new-ticket").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New ticket" })).ToBeVisibleAsync();

        await ChooseAsync(page, "template", "On-site repair");
        await Expect(page.GetByTestId("custom-fields")).ToContainTextAsync("Asset tag");
        await page.GetByTestId("title").FillAsync("Warehouse door sensor faulty");
        await ChooseAsync(page, "priority", "High");
        await page.GetByTestId("save").ClickAsync();

        // Refused, with the reason beside the field; what was typed is still there.
        var assetTag = page.Locator("[data-field=asset_tag]");
        await Expect(assetTag.Locator(".validation-message")).ToHaveTextAsync("Asset tag is required.");
        await Expect(page.GetByTestId("title")).ToHaveValueAsync("Warehouse door sensor faulty");

        await assetTag.Locator("input").FillAsync("NW-4242");
        await page.GetByTestId("save").ClickAsync();

        await Expect(page.GetByTestId("ticket-title")).ToHaveTextAsync("Warehouse door sensor faulty");
        await Expect(page.GetByTestId("ticket-number")).ToHaveTextAsync(new Regex(@"^T-\d{6}$"));
        await Expect(page.GetByTestId("ticket-fields")).ToContainTextAsync("NW-4242");
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync("Dana Dispatcher");
    }

    [Fact]
    public async Task A_filtered_list_lives_in_the_address_and_comes_back_on_reload()
    {
        var page = await app.OpenAsAsync("manager@northwind.test", "tickets");
        await Expect(Rows(page).First).ToBeVisibleAsync();

        await page.GetByTestId("quick-views").GetByText("All", new() { Exact = true }).ClickAsync();
        await page.GetByTestId("filter-text").FillAsync("printer");
        await page.GetByTestId("filter-text").PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("q=printer"));
        await Expect(page).ToHaveURLAsync(new Regex("view=All"));
        var titles = await page.Locator("[data-testid=ticket-grid] .cell-title").AllInnerTextsAsync();
        Assert.NotEmpty(titles);
        Assert.All(titles, t => Assert.Contains("printer", t, StringComparison.OrdinalIgnoreCase));
        var bookmarked = page.Url;

        var again = await app.OpenAsAsync("manager@northwind.test", bookmarked);

        await Expect(again.GetByTestId("filter-text")).ToHaveValueAsync("printer");
        await Expect(again.Locator("[data-testid=ticket-grid] .cell-title").First).ToContainTextAsync("Printer", new() { IgnoreCase = true });
        Assert.Equal(titles, await again.Locator("[data-testid=ticket-grid] .cell-title").AllInnerTextsAsync());
    }

    [Fact]
    public async Task A_technician_sees_only_the_tickets_assigned_to_them()
    {
        var page = await app.OpenAsAsync("tech1@northwind.test", "tickets?view=All");
        await Expect(Rows(page).First).ToBeVisibleAsync();

        var assignees = await Rows(page).Locator("td:nth-child(5)").AllInnerTextsAsync();
        Assert.All(assignees, a => Assert.Equal("Taylor Tech", a.Trim()));
        await Expect(page.GetByTestId("new-ticket")).ToHaveCountAsync(0);

        // Someone else's ticket is not found, not merely hidden from the list.
        await page.GotoAsync(new Uri(app.BaseAddress, "tickets?view=All&assignee=none").ToString());
        await Expect(page.GetByTestId("tickets-empty")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_ticket_that_is_not_there_is_the_not_found_page_on_a_first_load_and_on_a_navigation_in_the_app()
    {
        var missing = $"tickets/{Guid.NewGuid()}";
        var page = await app.OpenAsAsync("dispatcher@northwind.test", "");
        await Expect(page.Locator("h1")).ToHaveTextAsync("My day");

        // Within the live circuit: the router shows the not-found page, at the address asked for.
        await page.EvaluateAsync("path => Blazor.navigateTo(path)", missing);
        await Expect(page.GetByTestId("not-found")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("not-found-back")).ToHaveTextAsync("Back to Tickets");
        Assert.EndsWith(missing, page.Url, StringComparison.Ordinal);

        // A first load answers 404 with the same page, which stays once the circuit takes over.
        var response = await page.GotoAsync(new Uri(app.BaseAddress, missing).ToString());
        Assert.Equal(404, response!.Status);
        await new AppShell(page).WaitUntilInteractiveAsync();
        await Expect(page.GetByTestId("not-found")).ToBeVisibleAsync();
        await page.GetByTestId("not-found-back").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tickets");
    }
}
