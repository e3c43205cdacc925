using Microsoft.Playwright;

namespace WorkTrackr.Tests.Browser.Pages;

/// <summary>The contact list (contacts): search, the grid, and the ways to add contacts.</summary>
public sealed class ContactsPage(IPage page)
{
    /// <summary>The name link of each row.</summary>
    public ILocator Names => page.GetByTestId("contact-grid").GetByTestId("contact-name");

    public ILocator Empty => page.GetByTestId("contacts-empty");

    public async Task NewContactAsync() => await page.GetByTestId("new-contact").ClickAsync();
    public async Task ImportAsync() => await page.GetByTestId("import-contacts").ClickAsync();

    public async Task SearchAsync(string text)
    {
        var search = page.GetByTestId("contact-search");
        await search.FillAsync(text);
        await search.PressAsync("Enter");
    }
}
