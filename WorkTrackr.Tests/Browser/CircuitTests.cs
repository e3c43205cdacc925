using Microsoft.Playwright;
using WorkTrackr.Tests.Browser.Pages;
using WorkTrackr.Web.Features.Invoicing;
using WorkTrackr.Web.Infrastructure.Database;
using static Microsoft.Playwright.Assertions;
using InvoicePage = WorkTrackr.Tests.Browser.Pages.InvoicePage;
using InvoicesPage = WorkTrackr.Tests.Browser.Pages.InvoicesPage;

namespace WorkTrackr.Tests.Browser;

/// <summary>The pages are live over a SignalR circuit: interactions update in place, and a dropped connection says so.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class CircuitTests(BrowserApp app)
{
    /// <summary>A fresh page signed in through the proxy that can cut its connection, on <paramref name="path"/>.</summary>
    private async Task<IPage> OpenThroughProxyAsync(string email, string path)
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page, app.Proxy.BaseAddress).SignInAsync(email, DemoDataSeeder.Password);
        await page.GotoAsync(new Uri(app.Proxy.BaseAddress, path).ToString());
        await new AppShell(page).WaitUntilInteractiveAsync();
        return page;
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
            await Expect(new ReconnectDialog(page).Root).ToBeVisibleAsync();
            if (meanwhile is not null) await meanwhile();
            await Task.Delay(BrowserApp.DisconnectedRetention + TimeSpan.FromSeconds(4));
        }
        finally
        {
            app.Proxy.Resume();
        }
        await Expect(new ReconnectDialog(page).Root).ToBeHiddenAsync(new() { Timeout = 60_000 });
    }

    [Fact]
    public async Task Changing_the_dashboard_range_updates_it_in_place()
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page, app.BaseAddress).SignInAsync("manager@northwind.test", DemoDataSeeder.Password);
        var dashboard = new DashboardPage(page);
        var range = dashboard.Range;
        await Expect(dashboard.Table("revenue")).ToBeAttachedAsync(new() { Timeout = 15_000 });
        var monthRows = await dashboard.TableRows("revenue").CountAsync();
        var rangeBefore = await range.InnerTextAsync();
        var urlBefore = page.Url;

        await dashboard.ChoosePeriodAsync("Last 90 days");

        // Revenue now has a row for each month the 90 days touch, where this month had one.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var first = today.AddDays(-89);
        var months = (today.Year - first.Year) * 12 + today.Month - first.Month + 1;
        await Expect(dashboard.TableRows("revenue")).ToHaveCountAsync(months, new() { Timeout = 15_000 });
        Assert.Equal(1, monthRows);
        await Expect(range).Not.ToHaveTextAsync(rangeBefore);
        Assert.Equal(urlBefore, page.Url);

        // A custom range is checked beside its fields before anything reloads.
        await dashboard.ChoosePeriodAsync("Custom");
        await dashboard.CustomFrom.FillAsync("2026-06-01");
        await dashboard.CustomTo.FillAsync("2026-05-01");
        await dashboard.CustomTo.PressAsync("Tab");
        await dashboard.ApplyCustomAsync();
        await Expect(dashboard.CustomToError).ToHaveTextAsync("The last day must not be before the first.");
    }

    [Fact]
    public async Task The_reconnect_dialog_shows_while_the_connection_is_down_and_clears_when_the_same_circuit_returns()
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page, app.Proxy.BaseAddress).SignInAsync("manager@northwind.test", DemoDataSeeder.Password);
        // State only the live circuit holds: the range is in no address and no persisted state.
        var dashboard = new DashboardPage(page);
        var range = dashboard.Range;
        var before = await range.InnerTextAsync();
        await dashboard.ChoosePeriodAsync("Last 90 days");
        await Expect(range).Not.ToHaveTextAsync(before);
        var chosen = await range.InnerTextAsync();
        var dialog = new ReconnectDialog(page);
        await Expect(dialog.Root).ToBeHiddenAsync();

        app.Proxy.Interrupt();
        try
        {
            await Expect(dialog.Reconnecting).ToHaveCountAsync(1);
        }
        finally
        {
            app.Proxy.Resume();
        }

        await Expect(dialog.Root).ToBeHiddenAsync(new() { Timeout = 60_000 });
        // The same circuit carries on: the range chosen before the drop is still there, and an interaction still works.
        await Expect(range).ToHaveTextAsync(chosen);
        await dashboard.ChoosePeriodAsync("This year");
        await Expect(range).ToContainTextAsync($"1 Jan – 31 Dec {DateTime.UtcNow.Year}");
    }

    [Fact]
    public async Task A_half_typed_ticket_survives_a_disconnection_long_enough_for_the_server_to_drop_the_circuit()
    {
        var page = await OpenThroughProxyAsync("dispatcher@northwind.test", "tickets/new");
        var ticket = new TicketPage(page);
        // A refused save leaves its message beside the title: state of the live circuit that no draft keeps.
        await ticket.Save.ClickAsync();
        var titleError = page.GetByText("Give the ticket a title.");
        await Expect(titleError).ToBeVisibleAsync();
        await ticket.Title.FillAsync("Radiator leaking in room 4");
        await ticket.Description.FillAsync("Water on the floor under the window.");
        await ticket.Description.PressAsync("Tab");
        // The priority the server renders back: by then it has had the typing too (events arrive in order).
        await ticket.ChoosePriorityAsync("High");
        await Expect(ticket.PriorityText).ToHaveValueAsync("High");

        // Only Blazor's resume, from the state the page persisted, can bring the typing back.
        await OutlastTheCircuitAsync(page);

        await Expect(ticket.Title).ToHaveValueAsync("Radiator leaking in room 4");
        await Expect(ticket.Description).ToHaveValueAsync("Water on the floor under the window.");
        await Expect(ticket.PriorityText).ToHaveValueAsync("High");
        // This is a new circuit, built from the draft: the message of the old one's refused save is gone.
        await Expect(titleError).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        // The resumed page is live: it saves.
        await ticket.Save.ClickAsync();
        await Expect(ticket.TicketTitle).ToHaveTextAsync("Radiator leaking in room 4", new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task A_half_edited_invoice_draft_survives_a_disconnection_long_enough_for_the_server_to_drop_the_circuit()
    {
        var page = await OpenThroughProxyAsync("manager@northwind.test", "invoices");
        await new InvoicesPage(page).NewDraftForFirstCustomerAsync();
        var invoice = new InvoicePage(page);
        // A refused save leaves its message beside the empty line: state of the live circuit that no draft keeps.
        await invoice.SaveDraftAsync();
        var lineError = page.GetByText("Describe the line.");
        await Expect(lineError).ToBeVisibleAsync();
        await invoice.FillLineAsync("Boiler service, unsaved", quantity: "3", price: "40");
        await Expect(invoice.EditorTotal).ToHaveTextAsync("$129.60"); // 120.00 + 8 % tax

        await OutlastTheCircuitAsync(page);

        // The message of the old circuit's refused save is gone only once the new circuit, built from the draft, has
        // rendered; until then the page still shows the old circuit's last render, where a click goes nowhere.
        await Expect(lineError).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Expect(invoice.LineDescription).ToHaveValueAsync("Boiler service, unsaved");
        await Expect(invoice.EditorTotal).ToHaveTextAsync("$129.60");
        // The resumed page is live: it saves (the heading shows the saved total). A save on a busy machine can take
        // longer than an assertion's default 5 s.
        await invoice.SaveDraftAsync();
        await Expect(invoice.Summary).ToContainTextAsync("$129.60", new() { Timeout = 15_000 });
        await new AppShell(page).ReloadAsync();
        await Expect(invoice.LineDescription).ToHaveValueAsync("Boiler service, unsaved");
    }

    [Fact]
    public async Task A_draft_a_colleague_saved_during_the_disconnection_is_not_overwritten_by_the_restored_edits()
    {
        var page = await OpenThroughProxyAsync("manager@northwind.test", "invoices");
        var id = await new InvoicesPage(page).NewDraftForFirstCustomerAsync();
        var invoice = new InvoicePage(page);
        await invoice.FillLineAsync("Mine, never saved", price: "50");
        await Expect(invoice.EditorTotal).ToHaveTextAsync("$54.00"); // the server has the edits

        // Meanwhile the admin saves the same draft.
        await OutlastTheCircuitAsync(page, async () =>
        {
            var admin = await app.Factory.FindUserAsync("admin@northwind.test");
            var current = (await app.Factory.RunAsAsync(admin, (InvoiceQueries s) => s.GetAsync(id))).Value!;
            var theirs = current.ToInput();
            theirs.Lines = [new InvoiceLineInput { Description = "Theirs, saved", Quantity = 1, UnitPrice = 10m, TaxPercent = 8 }];
            Assert.True((await app.Factory.RunAsAsync(admin, (InvoiceDrafts s) => s.SaveDraftAsync(id, theirs, current.Version))).Succeeded);
        });

        await Expect(invoice.DraftNotRestored).ToContainTextAsync("Someone else saved this draft while you were disconnected");
        await Expect(invoice.LineDescription).ToHaveValueAsync("Theirs, saved");
    }
}
