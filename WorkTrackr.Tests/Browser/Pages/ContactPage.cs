using Microsoft.Playwright;

namespace WorkTrackr.Tests.Browser.Pages;

/// <summary>A contact: its form (contacts/new, or editing one) and, once saved, its page with tabs.</summary>
public sealed class ContactPage(IPage page)
{
    public ILocator NewContactHeading => page.GetByRole(AriaRole.Heading, new() { Name = "New contact" });

    // The form.
    public ILocator Name => page.GetByTestId("contact-name");
    public ILocator Email => page.GetByTestId("contact-email");
    public ILocator Phone => page.GetByTestId("contact-phone");
    public ILocator EmailError => ComponentLibrary.FieldError(Email);
    public async Task SaveAsync() => await page.GetByTestId("save-contact").ClickAsync();

    // The saved contact.
    public ILocator Title => page.GetByTestId("contact-title");
    public ILocator Tabs => page.GetByTestId("contact-tabs");

    /// <summary>Opens the tab whose label is <paramref name="name"/>, such as "Services (0)".</summary>
    public async Task OpenTabAsync(string name) => await page.GetByRole(AriaRole.Tab, new() { Name = name }).ClickAsync();

    public async Task AddServiceAsync() => await page.GetByTestId("add-service").ClickAsync();
}
