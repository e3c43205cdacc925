using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WorkTrackr.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ResellerPortalTests(BrowserApp app)
{
    [Fact]
    public async Task The_platform_admin_moves_an_organisation_to_a_reseller_who_then_sees_it_and_the_other_reseller_no_longer_does()
    {
        var platform = await app.OpenAsAsync("platform@worktrackr.test", "platform/organisations");
        var row = platform.Locator("[data-testid=org-grid] tr").Filter(new() { HasText = "Pioneer Field Ops" });
        await Expect(row).ToContainTextAsync("Summit Channel");
        await row.GetByTestId("link-org").ClickAsync();
        await platform.GetByTestId("link-reseller").ClickAsync();
        await platform.Locator(".rz-dropdown-item:visible").Filter(new() { HasText = "Bright Partners" }).ClickAsync();
        await platform.GetByTestId("confirm-link").ClickAsync();
        await Expect(row).ToContainTextAsync("Bright Partners");

        var bright = await app.OpenAsAsync("reseller@brightpartners.test", "resellers");
        await Expect(bright.GetByTestId("portal-title")).ToHaveTextAsync("Bright Partners");
        var customer = bright.Locator("[data-testid=portal-customers] tr").Filter(new() { HasText = "Pioneer Field Ops" });
        await Expect(customer).ToContainTextAsync("Pro");
        await Expect(bright.GetByTestId("portal-ledger")).ToContainTextAsync("Pioneer Field Ops");

        var summit = await app.OpenAsAsync("reseller@summitchannel.test", "resellers");
        await Expect(summit.GetByTestId("portal-title")).ToHaveTextAsync("Summit Channel");
        await Expect(summit.GetByTestId("portal-customers")).Not.ToContainTextAsync("Pioneer Field Ops");
        await Expect(summit.GetByTestId("portal-customers")).ToContainTextAsync("Redwood Managed IT");

        // Nor can Summit open Bright's portal by its id (taken from the platform admin's list).
        await platform.GotoAsync(new Uri(app.BaseAddress, "platform/resellers").ToString());
        var href = await platform.Locator("[data-testid=reseller-grid] a.cell-title", new() { HasTextString = "Bright Partners" }).GetAttributeAsync("href");
        await summit.GotoAsync(new Uri(app.BaseAddress, href!).ToString());
        await new AppShell(summit).WaitUntilInteractiveAsync();
        await Expect(summit.GetByTestId("portal-error")).ToContainTextAsync("not yours");
        await Expect(summit.GetByText("Pioneer Field Ops")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_organisations_people_and_resellers_are_turned_away_from_pages_that_are_not_theirs()
    {
        string[] platformPages = ["platform", "platform/organisations", "platform/resellers", "platform/plans"];
        var admin = await app.OpenAsAsync("admin@northwind.test", "");
        foreach (var path in platformPages.Append("resellers"))
        {
            await admin.GotoAsync(new Uri(app.BaseAddress, path).ToString());
            await Expect(admin.GetByTestId("access-denied")).ToBeVisibleAsync();
        }
        var reseller = await app.OpenAsAsync("reseller@summitchannel.test", "resellers");
        foreach (var path in platformPages.Append("admin/jobs").Append("invoices"))
        {
            await reseller.GotoAsync(new Uri(app.BaseAddress, path).ToString());
            await Expect(reseller.GetByTestId("access-denied")).ToBeVisibleAsync();
        }
    }

    [Fact]
    public async Task Suspending_an_organisation_signs_its_open_sessions_out_within_a_minute()
    {
        var organisation = await TestData.TestOrganisations.CreateAsync(app.Factory, "Soon Suspended Ltd");
        var page = await app.NewPageAsync();
        await new LoginPage(page, app.BaseAddress).SignInAsync(organisation.Users[Data.Identity.Roles.Manager].Email!, TestData.TestOrganisations.Password);
        await new AppShell(page).WaitUntilInteractiveAsync();

        await using (var db = app.Factory.CreateDbContext(null))
            await db.Organisations.Where(o => o.Id == organisation.Id).ExecuteUpdateAsync(o => o.SetProperty(x => x.Status, Data.Organisations.OrganisationStatus.Suspended));

        // The circuit rechecks every 30 seconds: no click or reload is needed.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("Account/Login"), new() { Timeout = 60_000 });
    }

    [Fact]
    public async Task An_invited_reseller_person_sets_a_password_from_the_email_and_sees_their_portal()
    {
        var email = $"invited-{Guid.NewGuid():N}@summitchannel.test";
        var platform = await app.OpenAsAsync("platform@worktrackr.test", "platform/resellers");
        await platform.Locator("[data-testid=reseller-grid] tr").Filter(new() { HasText = "Summit Channel" }).GetByTestId("invite-reseller-user").ClickAsync();
        await platform.GetByTestId("invite-name").FillAsync("Ivy Invited");
        await platform.GetByTestId("invite-email").FillAsync(email);
        await platform.GetByTestId("send-invite").ClickAsync();
        await Expect(platform.GetByText("Invitation sent")).ToBeVisibleAsync();

        const string password = "Inv1ted!Pass";
        var page = await app.NewPageAsync();
        await page.GotoAsync(await MailPickup.ResetLinkSentToAsync(app, email));
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Confirm new password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Reset password" }).ClickAsync();
        await Expect(page.GetByTestId("reset-confirmation")).ToBeVisibleAsync();

        await new LoginPage(page, app.BaseAddress).SignInAsync(email, password);
        await page.GotoAsync(new Uri(app.BaseAddress, "resellers").ToString());
        await Expect(page.GetByTestId("portal-title")).ToHaveTextAsync("Summit Channel");
    }
}
