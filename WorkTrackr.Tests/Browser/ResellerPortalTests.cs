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
}
