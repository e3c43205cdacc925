using Microsoft.Playwright;

namespace WorkTrackr.Tests.Browser.Pages;

/// <summary>The form for a customer's service (services/new, or from a contact's Services tab).</summary>
public sealed class ServiceFormPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Add service" });
    public ILocator Product => page.GetByTestId("service-product");
    public ILocator Quantity => ComponentLibrary.InputOf(page.GetByTestId("service-quantity"));
    public ILocator Renewal => ComponentLibrary.InputOf(page.GetByTestId("service-renewal"));

    /// <summary>The product picker's text: the chosen product's name once one is chosen.</summary>
    public ILocator ProductText => ComponentLibrary.InputOf(Product);

    /// <summary>Searches the catalogue for <paramref name="name"/> and picks it.</summary>
    public async Task ChooseProductAsync(string name) => await ComponentLibrary.SearchAndChooseAsync(Product, name);
    public async Task SaveAsync() => await page.GetByTestId("save-service").ClickAsync();
}
