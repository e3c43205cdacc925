using Microsoft.Playwright;
using WorkTrackr.Web.Infrastructure.Database;
using static Microsoft.Playwright.Assertions;

namespace WorkTrackr.Tests.Browser.Pages;

/// <summary>The layout around every page: header, user menu, side navigation, the page's heading and its toasts.</summary>
public sealed class AppShell(IPage page)
{
    public ILocator OrganisationName => page.GetByTestId("organisation-name");
    public ILocator UserName => page.GetByTestId("user-name");
    public ILocator NavigationLinks => ComponentLibrary.NavigationItemTexts(page);

    /// <summary>The page's own heading (its one h1).</summary>
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The toast an action leaves.</summary>
    public ILocator Notification => ComponentLibrary.Notification(page);

    public ILocator AccessDenied => page.GetByTestId("access-denied");
    public ILocator ComingSoon => page.GetByTestId("coming-soon");
    public ILocator NotFound => page.GetByTestId("not-found");
    public ILocator NotFoundBack => page.GetByTestId("not-found-back");

    /// <summary>The mode the page was drawn in: "light" or "dark" (the html element's data-theme).</summary>
    public async Task<string?> ThemeAsync() => await page.Locator("html").GetAttributeAsync("data-theme");

    /// <summary>The layout marks itself once the circuit has taken over from the prerendered HTML.</summary>
    public async Task WaitUntilInteractiveAsync() =>
        await Expect(page.Locator("[data-interactive='true']")).ToHaveCountAsync(1);

    public async Task<IReadOnlyList<string>> NavigationTextsAsync() =>
        (await NavigationLinks.AllInnerTextsAsync()).Select(t => t.Trim()).ToList();

    /// <summary>A link of the side navigation (or the page) by its exact text.</summary>
    public ILocator Link(string name) => page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>Opens the profile from the user menu (on a page without a circuit, the name is a plain link to it).</summary>
    public async Task OpenProfileAsync()
    {
        var isLink = await UserName.EvaluateAsync<bool>("e => e.tagName === 'A'");
        await UserName.ClickAsync();
        if (!isLink) await page.GetByRole(AriaRole.Menuitem, new() { Name = "Your profile" }).ClickAsync();
    }

    /// <summary>Signs out from the user menu (or, on a page without a circuit, the plain button beside the name).</summary>
    public async Task SignOutAsync()
    {
        var signOut = page.GetByRole(AriaRole.Button, new() { Name = "Sign out" });
        if (!await signOut.IsVisibleAsync()) await UserName.ClickAsync();
        await signOut.ClickAsync();
    }

    /// <summary>Reloads the page and waits until its new circuit is live.</summary>
    public async Task ReloadAsync()
    {
        await page.ReloadAsync();
        await WaitUntilInteractiveAsync();
    }
}

public static class BrowserAppPages
{
    /// <summary>A fresh browser page signed in as <paramref name="email"/>, on <paramref name="path"/> once its circuit is live.</summary>
    public static async Task<IPage> OpenAsAsync(this BrowserApp app, string email, string path)
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page, app.BaseAddress).SignInAsync(email, DemoDataSeeder.Password);
        await page.GotoAsync(new Uri(app.BaseAddress, path).ToString());
        await new AppShell(page).WaitUntilInteractiveAsync(); // a click on the prerendered page would be lost
        return page;
    }

    /// <summary>Goes to <paramref name="path"/> of the app in <paramref name="page"/> (a first load, not a navigation in the circuit).</summary>
    public static async Task<IResponse?> GotoAsync(this IPage page, BrowserApp app, string path) =>
        await page.GotoAsync(new Uri(app.BaseAddress, path).ToString());
}
