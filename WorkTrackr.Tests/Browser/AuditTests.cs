using System.Text.RegularExpressions;
using WorkTrackr.Tests.Browser.Pages;
using static Microsoft.Playwright.Assertions;

namespace WorkTrackr.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AuditTests(BrowserApp app)
{
    [Fact]
    public async Task A_change_to_a_contact_shows_on_its_History_tab_and_in_the_audit_log_with_the_old_and_new_value()
    {
        var page = await app.OpenAsAsync("admin@northwind.test", "contacts/new");
        var contact = new ContactPage(page);
        var name = $"Audited Aquarium {Guid.NewGuid():N}"[..24];
        await contact.Name.FillAsync(name);
        await contact.Phone.FillAsync("555 0100");
        await contact.SaveAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/contacts/[0-9a-f-]{36}$"));
        var id = page.Url[^36..];
        await page.GetByTestId("edit-contact").ClickAsync();
        await contact.Phone.FillAsync("555 0199");
        await contact.SaveAsync();
        await Expect(contact.Title).ToHaveTextAsync(name);

        await contact.OpenTabAsync("History");
        var history = new RecordHistoryPanel(page);
        await Expect(history.Root).ToContainTextAsync("Created by");
        await Expect(history.Root).ToContainTextAsync(new Regex(@"Phone: 555 0100 → 555 0199"));

        await history.Root.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Open in the audit log" }).ClickAsync();
        var log = new AuditLogPage(page);
        await Expect(log.RecordId).ToHaveValueAsync(id);
        await Expect(log.Rows).ToHaveCountAsync(2);
        await Expect(log.Rows.First).ToContainTextAsync("Updated");
        await Expect(log.Rows.Last).ToContainTextAsync("Created");
        await Expect(log.Csv).ToHaveAttributeAsync("href", new Regex($"record={id}"));
        // One current entry in the side navigation: the Audit log, not the Admin pages it sits under.
        await Expect(page.GetByTestId("nav-audit-log")).ToHaveAttributeAsync("aria-current", "page");
        await Expect(page.GetByTestId("nav-admin")).Not.ToHaveAttributeAsync("aria-current", "page");
    }
}
