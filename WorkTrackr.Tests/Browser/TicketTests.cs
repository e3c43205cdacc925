using System.Text.RegularExpressions;
using WorkTrackr.Tests.Browser.Pages;
using static Microsoft.Playwright.Assertions;

namespace WorkTrackr.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class TicketTests(BrowserApp app)
{
    [Fact]
    public async Task A_dispatcher_creates_a_ticket_from_a_template_once_its_required_field_is_filled()
    {
        var page = await app.OpenAsAsync("dispatcher@northwind.test", "tickets");
        var ticket = new TicketPage(page);
        await new TicketsPage(page).NewTicket.ClickAsync();
        await Expect(ticket.NewTicketHeading).ToBeVisibleAsync();

        await ticket.ChooseTemplateAsync("On-site repair");
        await Expect(ticket.CustomFields).ToContainTextAsync("Asset tag");
        await ticket.Title.FillAsync("Warehouse door sensor faulty");
        await ticket.ChoosePriorityAsync("High");
        await ticket.Save.ClickAsync();

        // Refused, with the reason beside the field; what was typed is still there.
        await Expect(ticket.CustomFieldError("asset_tag")).ToHaveTextAsync("Asset tag is required.");
        await Expect(ticket.Title).ToHaveValueAsync("Warehouse door sensor faulty");

        await ticket.CustomField("asset_tag").FillAsync("NW-4242");
        await ticket.Save.ClickAsync();

        await Expect(ticket.TicketTitle).ToHaveTextAsync("Warehouse door sensor faulty");
        await Expect(ticket.TicketNumber).ToHaveTextAsync(new Regex(@"^T-\d{6}$"));
        await Expect(ticket.TicketFields).ToContainTextAsync("NW-4242");
        await Expect(ticket.Timeline).ToContainTextAsync("Dana Dispatcher");
    }

    [Fact]
    public async Task A_filtered_list_lives_in_the_address_and_comes_back_on_reload()
    {
        var page = await app.OpenAsAsync("manager@northwind.test", "tickets");
        var tickets = new TicketsPage(page);
        await Expect(tickets.Rows.First).ToBeVisibleAsync();

        await tickets.ChooseViewAsync("All");
        await tickets.SearchAsync("printer");
        await Expect(page).ToHaveURLAsync(new Regex("q=printer"));
        await Expect(page).ToHaveURLAsync(new Regex("view=All"));
        var titles = await tickets.Titles.AllInnerTextsAsync();
        Assert.NotEmpty(titles);
        Assert.All(titles, t => Assert.Contains("printer", t, StringComparison.OrdinalIgnoreCase));
        var bookmarked = page.Url;

        var again = new TicketsPage(await app.OpenAsAsync("manager@northwind.test", bookmarked));

        await Expect(again.FilterText).ToHaveValueAsync("printer");
        await Expect(again.Titles.First).ToContainTextAsync("Printer", new() { IgnoreCase = true });
        Assert.Equal(titles, await again.Titles.AllInnerTextsAsync());
    }

    [Fact]
    public async Task A_technician_sees_only_the_tickets_assigned_to_them()
    {
        var page = await app.OpenAsAsync("tech1@northwind.test", "tickets?view=All");
        var tickets = new TicketsPage(page);
        await Expect(tickets.Rows.First).ToBeVisibleAsync();

        Assert.All(await tickets.AssigneesAsync(), a => Assert.Equal("Taylor Tech", a));
        await Expect(tickets.NewTicket).ToHaveCountAsync(0);

        // Someone else's ticket is not found, not merely hidden from the list.
        await page.GotoAsync(app, "tickets?view=All&assignee=none");
        await Expect(tickets.Empty).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_ticket_that_is_not_there_is_the_not_found_page_on_a_first_load_and_on_a_navigation_in_the_app()
    {
        var missing = $"tickets/{Guid.NewGuid()}";
        var page = await app.OpenAsAsync("dispatcher@northwind.test", "");
        var shell = new AppShell(page);
        await Expect(shell.Heading).ToHaveTextAsync("My day");

        // Within the live circuit: the router shows the not-found page, at the address asked for.
        await page.EvaluateAsync("path => Blazor.navigateTo(path)", missing);
        await Expect(shell.NotFound).ToBeVisibleAsync();
        await Expect(shell.NotFoundBack).ToHaveTextAsync("Back to Tickets");
        Assert.EndsWith(missing, page.Url, StringComparison.Ordinal);

        // A first load answers 404 with the same page, which stays once the circuit takes over.
        var response = await page.GotoAsync(app, missing);
        Assert.Equal(404, response!.Status);
        await shell.WaitUntilInteractiveAsync();
        await Expect(shell.NotFound).ToBeVisibleAsync();
        await shell.NotFoundBack.ClickAsync();
        await Expect(shell.Heading).ToHaveTextAsync("Tickets");
    }
}
