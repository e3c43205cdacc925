using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WorkTrackr.Web.Features.Invoicing;
using WorkTrackr.Web.Infrastructure.Database;
using static Microsoft.Playwright.Assertions;

namespace WorkTrackr.Tests.Browser;

/// <summary>The pages are live over a SignalR circuit: interactions update in place, and a dropped connection says so.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class CircuitTests(BrowserApp app)
{
    private ILocator Dialog(IPage page) => page.Locator("#components-reconnect-modal");

    /// <summary>A fresh page signed in through the proxy that can cut its connection, on <paramref name="path"/>.</summary>
    private async Task<IPage> OpenThroughProxyAsync(string email, string path)
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page, app.Proxy.BaseAddress).SignInAsync(email, DemoDataSeeder.Password);
        await page.GotoAsync(new Uri(app.Proxy.BaseAddress, path).ToString());
        await new AppShell(page).WaitUntilInteractiveAsync();
        return page;
    }

    /// <summary>A new invoice draft for the first customer, open in its editor; returns its id.</summary>
    private static async Task<Guid> NewInvoiceDraftAsync(IPage page)
    {
        await page.GetByTestId("new-invoice").ClickAsync();
        await page.GetByTestId("invoice-contact").ClickAsync();
        await page.GetByRole(AriaRole.Option).First.ClickAsync();
        await page.GetByTestId("create-draft").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/invoices/[0-9a-f-]{36}$"));
        await new AppShell(page).WaitUntilInteractiveAsync();
        return Guid.Parse(page.Url[^36..]);
    }

    /// <summary>
    /// Cuts the connection for longer than Circuits:DisconnectedRetention, so the server evicts the circuit and keeps
    /// only the state the page persisted; then lets the browser back in and waits until the page is live again.
    /// </summary>
    private async Task OutlastTheCircuitAsync(IPage page, Func<Task>? meanwhile = null)
    {
        app.Proxy.Interrupt();
        try
        {
            await Expect(Dialog(page)).ToBeVisibleAsync();
            if (meanwhile is not null) await meanwhile();
            await Task.Delay(BrowserApp.DisconnectedRetention + TimeSpan.FromSeconds(4));
        }
        finally
        {
            app.Proxy.Resume();
        }
        await Expect(Dialog(page)).ToBeHiddenAsync(new() { Timeout = 60_000 });
    }

    [Fact]
    public async Task Changing_the_dashboard_range_updates_it_in_place()
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page, app.BaseAddress).SignInAsync("manager@northwind.test", DemoDataSeeder.Password);
        var range = page.GetByTestId("dashboard-range");
        await Expect(page.GetByTestId("table-revenue")).ToBeAttachedAsync(new() { Timeout = 15_000 });
        var monthRows = await page.GetByTestId("table-revenue").Locator("tbody tr").CountAsync();
        var rangeBefore = await range.InnerTextAsync();
        var urlBefore = page.Url;

        await page.GetByTestId("dashboard-period").GetByText("Last 90 days").ClickAsync();

        // Revenue now has a row for each month the 90 days touch, where this month had one.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var first = today.AddDays(-89);
        var months = (today.Year - first.Year) * 12 + today.Month - first.Month + 1;
        await Expect(page.GetByTestId("table-revenue").Locator("tbody tr")).ToHaveCountAsync(months, new() { Timeout = 15_000 });
        Assert.Equal(1, monthRows);
        await Expect(range).Not.ToHaveTextAsync(rangeBefore);
        Assert.Equal(urlBefore, page.Url);

        // A custom range is checked beside its fields before anything reloads.
        await page.GetByTestId("dashboard-period").GetByText("Custom").ClickAsync();
        await page.Locator("#dash-from").FillAsync("2026-06-01");
        await page.Locator("#dash-to").FillAsync("2026-05-01");
        await page.Locator("#dash-to").PressAsync("Tab");
        await page.GetByTestId("custom-apply").ClickAsync();
        await Expect(page.GetByTestId("custom-to-error")).ToHaveTextAsync("The last day must not be before the first.");
    }

    [Fact]
    public async Task The_reconnect_dialog_shows_while_the_connection_is_down_and_clears_when_the_same_circuit_returns()
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page, app.Proxy.BaseAddress).SignInAsync("manager@northwind.test", DemoDataSeeder.Password);
        // State only the live circuit holds: the range is in no address and no persisted state.
        var range = page.GetByTestId("dashboard-range");
        var before = await range.InnerTextAsync();
        await page.GetByTestId("dashboard-period").GetByText("Last 90 days").ClickAsync();
        await Expect(range).Not.ToHaveTextAsync(before);
        var chosen = await range.InnerTextAsync();
        var dialog = Dialog(page);
        await Expect(dialog).ToBeHiddenAsync();

        app.Proxy.Interrupt();
        try
        {
            await Expect(dialog.GetByText("reconnecting", new() { Exact = false }).Filter(new() { Visible = true })).ToHaveCountAsync(1);
        }
        finally
        {
            app.Proxy.Resume();
        }

        await Expect(dialog).ToBeHiddenAsync(new() { Timeout = 60_000 });
        // The same circuit carries on: the range chosen before the drop is still there, and an interaction still works.
        await Expect(range).ToHaveTextAsync(chosen);
        await page.GetByTestId("dashboard-period").GetByText("This year").ClickAsync();
        await Expect(range).ToContainTextAsync($"1 Jan – 31 Dec {DateTime.UtcNow.Year}");
    }

    [Fact]
    public async Task A_half_typed_ticket_survives_a_disconnection_long_enough_for_the_server_to_drop_the_circuit()
    {
        var page = await OpenThroughProxyAsync("dispatcher@northwind.test", "tickets/new");
        // A refused save leaves its message beside the title: state of the live circuit that no draft keeps.
        await page.GetByTestId("save").ClickAsync();
        var titleError = page.GetByText("Give the ticket a title.");
        await Expect(titleError).ToBeVisibleAsync();
        await page.GetByTestId("title").FillAsync("Radiator leaking in room 4");
        await page.GetByTestId("description").FillAsync("Water on the floor under the window.");
        await page.GetByTestId("description").PressAsync("Tab");
        // The priority the server renders back: by then it has had the typing too (events arrive in order).
        await page.GetByTestId("priority").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "High", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("priority")).ToContainTextAsync("High");

        // Only Blazor's resume, from the state the page persisted, can bring the typing back.
        await OutlastTheCircuitAsync(page);

        await Expect(page.GetByTestId("title")).ToHaveValueAsync("Radiator leaking in room 4");
        await Expect(page.GetByTestId("description")).ToHaveValueAsync("Water on the floor under the window.");
        await Expect(page.GetByTestId("priority")).ToContainTextAsync("High");
        // This is a new circuit, built from the draft: the message of the old one's refused save is gone.
        await Expect(titleError).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        // The resumed page is live: it saves.
        await page.GetByTestId("save").ClickAsync();
        await Expect(page.GetByTestId("ticket-title")).ToHaveTextAsync("Radiator leaking in room 4", new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task A_half_edited_invoice_draft_survives_a_disconnection_long_enough_for_the_server_to_drop_the_circuit()
    {
        var page = await OpenThroughProxyAsync("manager@northwind.test", "invoices");
        await NewInvoiceDraftAsync(page);
        // A refused save leaves its message beside the empty line: state of the live circuit that no draft keeps.
        await page.GetByTestId("save-draft").ClickAsync();
        var lineError = page.GetByText("Describe the line.");
        await Expect(lineError).ToBeVisibleAsync();
        await page.GetByTestId("line-description").FillAsync("Boiler service, unsaved");
        await page.GetByTestId("line-quantity").Locator("input").FillAsync("3");
        await page.GetByTestId("line-price").Locator("input").FillAsync("40");
        await page.GetByTestId("line-price").Locator("input").PressAsync("Tab");
        await Expect(page.GetByTestId("editor-total")).ToHaveTextAsync("$129.60"); // 120.00 + 8 % tax

        await OutlastTheCircuitAsync(page);

        // The message of the old circuit's refused save is gone only once the new circuit, built from the draft, has
        // rendered; until then the page still shows the old circuit's last render, where a click goes nowhere.
        await Expect(lineError).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("line-description")).ToHaveValueAsync("Boiler service, unsaved");
        await Expect(page.GetByTestId("editor-total")).ToHaveTextAsync("$129.60");
        // The resumed page is live: it saves (the heading shows the saved total). A save on a busy machine can take
        // longer than an assertion's default 5 s.
        await page.GetByTestId("save-draft").ClickAsync();
        await Expect(page.GetByTestId("invoice-summary")).ToContainTextAsync("$129.60", new() { Timeout = 15_000 });
        await page.ReloadAsync();
        await new AppShell(page).WaitUntilInteractiveAsync();
        await Expect(page.GetByTestId("line-description")).ToHaveValueAsync("Boiler service, unsaved");
    }

    [Fact]
    public async Task A_draft_a_colleague_saved_during_the_disconnection_is_not_overwritten_by_the_restored_edits()
    {
        var page = await OpenThroughProxyAsync("manager@northwind.test", "invoices");
        var id = await NewInvoiceDraftAsync(page);
        await page.GetByTestId("line-description").FillAsync("Mine, never saved");
        await page.GetByTestId("line-price").Locator("input").FillAsync("50");
        await page.GetByTestId("line-price").Locator("input").PressAsync("Tab");
        await Expect(page.GetByTestId("editor-total")).ToHaveTextAsync("$54.00"); // the server has the edits

        // Meanwhile the admin saves the same draft.
        await OutlastTheCircuitAsync(page, async () =>
        {
            var admin = await app.Factory.FindUserAsync("admin@northwind.test");
            var current = (await app.Factory.RunAsAsync(admin, (InvoiceQueries s) => s.GetAsync(id))).Value!;
            var theirs = current.ToInput();
            theirs.Lines = [new InvoiceLineInput { Description = "Theirs, saved", Quantity = 1, UnitPrice = 10m, TaxPercent = 8 }];
            Assert.True((await app.Factory.RunAsAsync(admin, (InvoiceDrafts s) => s.SaveDraftAsync(id, theirs, current.Version))).Succeeded);
        });

        await Expect(page.GetByTestId("draft-not-restored")).ToContainTextAsync("Someone else saved this draft while you were disconnected");
        await Expect(page.GetByTestId("line-description")).ToHaveValueAsync("Theirs, saved");
    }
}
