using System.Text.RegularExpressions;
using WorkTrackr.Tests.Browser.Pages;
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
        var contacts = new ContactsPage(page);
        var contact = new ContactPage(page);
        await contacts.NewContactAsync();
        await Expect(contact.NewContactHeading).ToBeVisibleAsync();

        await contact.Name.FillAsync("Bluebell Veterinary");
        await contact.Email.FillAsync("reception@bluebell");
        await contact.Phone.FillAsync("+1 (212) 555-0147");
        await contact.SaveAsync();

        // Refused beside the field, and nothing typed is lost.
        await Expect(contact.EmailError).ToHaveTextAsync("Enter an email address like name@example.com.");
        await Expect(contact.Name).ToHaveValueAsync("Bluebell Veterinary");
        await contact.Email.FillAsync("reception@bluebell.test");
        await contact.SaveAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/contacts/[0-9a-f-]{36}$"));
        await Expect(contact.Title).ToHaveTextAsync("Bluebell Veterinary");
        await Expect(contact.Tabs).ToContainTextAsync("reception@bluebell.test");

        await new AppShell(page).Link("Contacts").First.ClickAsync();
        await contacts.SearchAsync("bluebell");
        await Expect(contacts.Names).ToHaveTextAsync(["Bluebell Veterinary"]);
    }

    [Fact]
    public async Task A_new_contacts_service_shows_on_the_renewal_board()
    {
        var page = await app.OpenAsAsync("dispatcher@northwind.test", "contacts/new");
        var contact = new ContactPage(page);
        await contact.Name.FillAsync("Orchid Dental Studio");
        await contact.SaveAsync();
        await Expect(contact.Title).ToHaveTextAsync("Orchid Dental Studio");

        await contact.OpenTabAsync("Services (0)");
        await contact.AddServiceAsync();
        var service = new ServiceFormPage(page);
        await Expect(service.Heading).ToBeVisibleAsync();
        await new AppShell(page).WaitUntilInteractiveAsync();
        await service.ChooseProductAsync("Offsite backup 1 TB");
        await Expect(service.ProductText).ToHaveValueAsync("Offsite backup 1 TB"); // the server has the choice
        await service.Quantity.FillAsync("3");
        // Today (UTC, which is today or tomorrow in New York): among the soonest the board lists for the next 30 days.
        await service.Renewal.FillAsync(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await service.Renewal.PressAsync("Tab");
        await service.SaveAsync();
        await Expect(contact.Title).ToHaveTextAsync("Orchid Dental Studio");

        await new AppShell(page).Link("Services").ClickAsync();
        var due = new ServicesPage(page).RenewalItems("Within30");
        await Expect(due.Filter(new() { HasText = "Orchid Dental Studio" })).ToContainTextAsync("3 × Offsite backup 1 TB");
    }

    [Fact]
    public async Task A_dispatcher_imports_a_csv_with_one_bad_row_and_gets_the_good_ones()
    {
        var page = await app.OpenAsAsync("dispatcher@northwind.test", "contacts");
        var contacts = new ContactsPage(page);
        var import = new ImportPage(page);
        await contacts.ImportAsync();
        await Expect(import.Heading).ToBeVisibleAsync();
        await new AppShell(page).WaitUntilInteractiveAsync();

        await import.ChooseFileAsync("contacts.csv", "Name,Email\nWillow Pharmacy,orders@willow.test\nJuniper Gym,front-desk@juniper\nAspen Dental,hello@aspen.test\n");

        await Expect(import.Summary).ToContainTextAsync("3 rows: 2 ready to import, 1 with problems");
        await Expect(import.Problems(line: 3)).ToHaveTextAsync("Email: Enter an email address like name@example.com.");
        await Expect(import.ImportAll).ToBeDisabledAsync();
        await import.ImportValidAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/contacts$"));
        await contacts.SearchAsync("willow");
        await Expect(contacts.Names).ToHaveTextAsync(["Willow Pharmacy"]);
        await contacts.SearchAsync("juniper");
        await Expect(contacts.Empty).ToBeVisibleAsync();
    }
}
