using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WorkTrackr.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ContactTests(BrowserApp app)
{
    [Fact]
    public async Task A_dispatcher_adds_a_contact_after_fixing_its_email_and_finds_it_in_the_list()
    {
        var page = await app.OpenAsAsync("dispatcher@northwind.test", "contacts");
        await page.GetByTestId("new-contact").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New contact" })).ToBeVisibleAsync();

        await page.GetByTestId("contact-name").FillAsync("Bluebell Veterinary");
        await page.GetByTestId("contact-email").FillAsync("reception@bluebell");
        await page.GetByTestId("contact-phone").FillAsync("+1 (212) 555-0147");
        await page.GetByTestId("save-contact").ClickAsync();

        // Refused beside the field, and nothing typed is lost.
        await Expect(page.Locator(".field:has([data-testid=contact-email]) .validation-message")).ToHaveTextAsync("Enter an email address like name@example.com.");
        await Expect(page.GetByTestId("contact-name")).ToHaveValueAsync("Bluebell Veterinary");
        await page.GetByTestId("contact-email").FillAsync("reception@bluebell.test");
        await page.GetByTestId("save-contact").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/contacts/[0-9a-f-]{36}$"));
        await Expect(page.GetByTestId("contact-title")).ToHaveTextAsync("Bluebell Veterinary");
        await Expect(page.GetByTestId("contact-tabs")).ToContainTextAsync("reception@bluebell.test");

        await page.GetByRole(AriaRole.Link, new() { Name = "Contacts", Exact = true }).First.ClickAsync();
        await page.GetByTestId("contact-search").FillAsync("bluebell");
        await page.GetByTestId("contact-search").PressAsync("Enter");
        await Expect(page.Locator("[data-testid=contact-grid] a.cell-title")).ToHaveTextAsync(["Bluebell Veterinary"]);
    }

    [Fact]
    public async Task A_new_contacts_service_shows_on_the_renewal_board()
    {
        var page = await app.OpenAsAsync("dispatcher@northwind.test", "contacts/new");
        await page.GetByTestId("contact-name").FillAsync("Orchid Dental Studio");
        await page.GetByTestId("save-contact").ClickAsync();
        await Expect(page.GetByTestId("contact-title")).ToHaveTextAsync("Orchid Dental Studio");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Services (0)" }).ClickAsync();
        await page.GetByTestId("add-service").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Add service" })).ToBeVisibleAsync();
        await new AppShell(page).WaitUntilInteractiveAsync();
        await page.GetByTestId("service-product").ClickAsync();
        await page.Locator(".rz-dropdown-item:visible").Filter(new() { HasText = "Offsite backup 1 TB" }).ClickAsync();
        await Expect(page.GetByTestId("service-product")).ToContainTextAsync("Offsite backup 1 TB"); // the server has the choice
        await page.GetByTestId("service-quantity").Locator("input").FillAsync("3");
        // Today (UTC, which is today or tomorrow in New York): among the soonest the board lists for the next 30 days.
        var renews = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var date = page.GetByTestId("service-renewal").Locator("input");
        await date.FillAsync(renews);
        await date.PressAsync("Tab");
        await page.GetByTestId("save-service").ClickAsync();
        await Expect(page.GetByTestId("contact-title")).ToHaveTextAsync("Orchid Dental Studio");

        await page.GetByRole(AriaRole.Link, new() { Name = "Services", Exact = true }).ClickAsync();
        var due = page.Locator("[data-testid=renewal-board] [data-window=Within30]");
        await Expect(due.GetByTestId("renewal-item").Filter(new() { HasText = "Orchid Dental Studio" })).ToContainTextAsync("3 × Offsite backup 1 TB");
    }

    [Fact]
    public async Task A_dispatcher_imports_a_csv_with_one_bad_row_and_gets_the_good_ones()
    {
        var page = await app.OpenAsAsync("dispatcher@northwind.test", "contacts");
        await page.GetByTestId("import-contacts").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import contacts from CSV" })).ToBeVisibleAsync();
        await new AppShell(page).WaitUntilInteractiveAsync();

        var csv = "Name,Email\nWillow Pharmacy,orders@willow.test\nJuniper Gym,front-desk@juniper\nAspen Dental,hello@aspen.test\n";
        await page.GetByTestId("csv-file").SetInputFilesAsync(new FilePayload { Name = "contacts.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });

        await Expect(page.GetByTestId("import-summary")).ToContainTextAsync("3 rows: 2 ready to import, 1 with problems");
        await Expect(page.Locator("[data-testid=import-preview] tr[data-line='3'] .problems")).ToHaveTextAsync("Email: Enter an email address like name@example.com.");
        await Expect(page.GetByTestId("import-all")).ToBeDisabledAsync();
        await page.GetByTestId("import-valid").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/contacts$"));
        await page.GetByTestId("contact-search").FillAsync("willow");
        await page.GetByTestId("contact-search").PressAsync("Enter");
        await Expect(page.Locator("[data-testid=contact-grid] a.cell-title")).ToHaveTextAsync(["Willow Pharmacy"]);
        await page.GetByTestId("contact-search").FillAsync("juniper");
        await page.GetByTestId("contact-search").PressAsync("Enter");
        await Expect(page.GetByTestId("contacts-empty")).ToBeVisibleAsync();
    }
}
