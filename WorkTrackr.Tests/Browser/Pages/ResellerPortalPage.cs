using Microsoft.Playwright;

namespace WorkTrackr.Tests.Browser.Pages;

/// <summary>A reseller's portal (resellers): their customers, the months and the commission ledger.</summary>
public sealed class ResellerPortalPage(IPage page)
{
    public const string Path = "resellers";

    public ILocator Title => page.GetByTestId("portal-title");
    public ILocator Customers => page.GetByTestId("portal-customers");
    public ILocator Ledger => page.GetByTestId("portal-ledger");
    public ILocator Error => page.GetByTestId("portal-error");

    /// <summary>The customers table's row of the organisation named <paramref name="name"/>.</summary>
    public ILocator Customer(string name) => Customers.Locator("tr").Filter(new() { HasText = name });
}
