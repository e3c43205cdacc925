using Microsoft.Playwright;

namespace WorkTrackr.Tests.Browser.Pages;

/// <summary>The services page (services): the renewal board above the grid.</summary>
public sealed class ServicesPage(IPage page)
{
    /// <summary>The items of the board's column for <paramref name="window"/> (a RenewalWindow name, such as "Within30").</summary>
    public ILocator RenewalItems(string window) =>
        page.GetByTestId("renewal-board").Locator($"[data-window={window}]").GetByTestId("renewal-item");
}
