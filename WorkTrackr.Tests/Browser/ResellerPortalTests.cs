using System.Text.RegularExpressions;
using WorkTrackr.Tests.Browser.Pages;
using static Microsoft.Playwright.Assertions;

namespace WorkTrackr.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ResellerPortalTests(BrowserApp app)
{
    [Fact]
    public async Task The_platform_admin_moves_an_organisation_to_a_reseller_who_then_sees_it_and_the_other_reseller_no_longer_does()
    {
        var platform = await app.OpenAsAsync("platform@worktrackr.test", PlatformOrganisationsPage.Path);
        var organisations = new PlatformOrganisationsPage(platform);
        await Expect(organisations.Row("Pioneer Field Ops")).ToContainTextAsync("Summit Channel");
        await organisations.LinkToResellerAsync("Pioneer Field Ops", "Bright Partners");
        await Expect(organisations.Row("Pioneer Field Ops")).ToContainTextAsync("Bright Partners");

        var bright = new ResellerPortalPage(await app.OpenAsAsync("reseller@brightpartners.test", ResellerPortalPage.Path));
        await Expect(bright.Title).ToHaveTextAsync("Bright Partners");
        await Expect(bright.Customer("Pioneer Field Ops")).ToContainTextAsync("Pro");
        await Expect(bright.Ledger).ToContainTextAsync("Pioneer Field Ops");

        var summitPage = await app.OpenAsAsync("reseller@summitchannel.test", ResellerPortalPage.Path);
        var summit = new ResellerPortalPage(summitPage);
        await Expect(summit.Title).ToHaveTextAsync("Summit Channel");
        await Expect(summit.Customers).Not.ToContainTextAsync("Pioneer Field Ops");
        await Expect(summit.Customers).ToContainTextAsync("Redwood Managed IT");

        // Nor can Summit open Bright's portal by its id (taken from the platform admin's list).
        await platform.GotoAsync(app, PlatformResellersPage.Path);
        var brightsPortal = await new PlatformResellersPage(platform).PortalAddressAsync("Bright Partners");
        await summitPage.GotoAsync(app, brightsPortal);
        await new AppShell(summitPage).WaitUntilInteractiveAsync();
        await Expect(summit.Error).ToContainTextAsync("not yours");
        await Expect(summitPage.GetByText("Pioneer Field Ops")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_organisations_people_and_resellers_are_turned_away_from_pages_that_are_not_theirs()
    {
        string[] platformPages = ["platform", PlatformOrganisationsPage.Path, PlatformResellersPage.Path, "platform/plans"];
        var admin = await app.OpenAsAsync("admin@northwind.test", "");
        foreach (var path in platformPages.Append(ResellerPortalPage.Path))
        {
            await admin.GotoAsync(app, path);
            await Expect(new AppShell(admin).AccessDenied).ToBeVisibleAsync();
        }
        var reseller = await app.OpenAsAsync("reseller@summitchannel.test", ResellerPortalPage.Path);
        foreach (var path in platformPages.Append(JobsPage.Path).Append("invoices"))
        {
            await reseller.GotoAsync(app, path);
            await Expect(new AppShell(reseller).AccessDenied).ToBeVisibleAsync();
        }
    }

    [Fact]
    public async Task Suspending_an_organisation_signs_its_open_sessions_out_within_a_minute()
    {
        var organisation = await TestOrganisations.CreateAsync(app.Factory, "Soon Suspended Ltd");
        var page = await app.NewPageAsync();
        await new LoginPage(page, app.BaseAddress).SignInAsync(organisation.Users[Roles.Manager].Email!, TestOrganisations.Password);
        await new AppShell(page).WaitUntilInteractiveAsync();

        await using (var db = app.Factory.CreateDbContext(null))
            await db.Organisations.Where(o => o.Id == organisation.Id).ExecuteUpdateAsync(o => o.SetProperty(x => x.Status, OrganisationStatus.Suspended));

        // The circuit rechecks every 30 seconds: no click or reload is needed.
        await Expect(page).ToHaveURLAsync(new Regex("Account/Login"), new() { Timeout = 60_000 });
    }

    [Fact]
    public async Task An_invited_reseller_person_sets_a_password_from_the_email_and_sees_their_portal()
    {
        var email = $"invited-{Guid.NewGuid():N}@summitchannel.test";
        var platform = await app.OpenAsAsync("platform@worktrackr.test", PlatformResellersPage.Path);
        var resellers = new PlatformResellersPage(platform);
        await resellers.InviteAsync("Summit Channel", "Ivy Invited", email);
        await Expect(resellers.Invited).ToBeVisibleAsync();

        const string password = "Inv1ted!Pass";
        var page = await app.NewPageAsync();
        var reset = new PasswordResetPages(page);
        await page.GotoAsync(await MailPickup.ResetLinkSentToAsync(app, email));
        await reset.ResetAsync(email, password);
        await Expect(reset.ResetConfirmation).ToBeVisibleAsync();

        await new LoginPage(page, app.BaseAddress).SignInAsync(email, password);
        await page.GotoAsync(app, ResellerPortalPage.Path);
        await Expect(new ResellerPortalPage(page).Title).ToHaveTextAsync("Summit Channel");
    }
}
