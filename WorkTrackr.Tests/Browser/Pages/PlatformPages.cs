using Microsoft.Playwright;

namespace WorkTrackr.Tests.Browser.Pages;

/// <summary>The platform admin's organisations (platform/organisations): each organisation's row, and moving it to a reseller.</summary>
public sealed class PlatformOrganisationsPage(IPage page)
{
    public const string Path = "platform/organisations";

    /// <summary>The grid row of the organisation named <paramref name="name"/>.</summary>
    public ILocator Row(string name) => page.GetByTestId("org-grid").Locator("tr").Filter(new() { HasText = name });

    /// <summary>Moves the organisation to the reseller named <paramref name="reseller"/>, through the link dialog.</summary>
    public async Task LinkToResellerAsync(string organisation, string reseller)
    {
        await Row(organisation).GetByTestId("link-org").ClickAsync();
        await ComponentLibrary.ChooseInMudSelectAsync(page.GetByTestId("link-reseller"), reseller);
        await page.GetByTestId("confirm-link").ClickAsync();
    }
}

/// <summary>The platform admin's resellers (platform/resellers): each reseller's row, its portal link and invitations.</summary>
public sealed class PlatformResellersPage(IPage page)
{
    public const string Path = "platform/resellers";

    public ILocator Row(string name) => page.GetByTestId("reseller-grid").Locator("tr").Filter(new() { HasText = name });

    /// <summary>The address of the reseller's portal, as its name links to it.</summary>
    public async Task<string> PortalAddressAsync(string reseller) =>
        (await page.GetByTestId("reseller-grid").GetByRole(AriaRole.Link, new() { Name = reseller, Exact = true }).GetAttributeAsync("href"))!;

    /// <summary>Invites a person to the reseller's portal, through the invite dialog.</summary>
    public async Task InviteAsync(string reseller, string name, string email)
    {
        await Row(reseller).GetByTestId("invite-reseller-user").ClickAsync();
        await page.GetByTestId("invite-name").FillAsync(name);
        await page.GetByTestId("invite-email").FillAsync(email);
        await page.GetByTestId("send-invite").ClickAsync();
    }

    public ILocator Invited => page.GetByText("Invitation sent");
}
