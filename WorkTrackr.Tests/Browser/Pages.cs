using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WorkTrackr.Tests.Browser;

/// <summary>The sign-in page, driven as a person would: type, press the button.</summary>
public sealed class LoginPage(IPage page, Uri baseAddress)
{
    public ILocator Error => page.GetByTestId("status-message");

    public async Task GotoAsync() => await page.GotoAsync(new Uri(baseAddress, "Account/Login").ToString());

    /// <summary>Fills the form and presses Sign in, returning once the page the server answered with has loaded.</summary>
    public async Task SubmitAsync(string email, string password)
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        // The form posts as a full page load: mark this document, then wait until a new one has replaced it.
        await page.EvaluateAsync("() => window.__awaitingSignIn = true");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForFunctionAsync("() => window.__awaitingSignIn !== true");
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    /// <summary>Signs in and waits until the app shell is live over its circuit.</summary>
    public async Task<AppShell> SignInAsync(string email, string password)
    {
        await GotoAsync();
        await SubmitAsync(email, password);
        var shell = new AppShell(page);
        await shell.WaitUntilInteractiveAsync();
        return shell;
    }
}

/// <summary>The layout around every page: header, user menu and side navigation.</summary>
public sealed class AppShell(IPage page)
{
    public ILocator OrganisationName => page.GetByTestId("organisation-name");
    public ILocator UserName => page.GetByTestId("user-name");
    public ILocator NavigationLinks => page.Locator(".rz-sidebar .rz-navigation-item-text");

    /// <summary>The layout marks itself once the circuit has taken over from the prerendered HTML.</summary>
    public async Task WaitUntilInteractiveAsync() =>
        await Expect(page.Locator("[data-interactive='true']")).ToHaveCountAsync(1);

    public async Task<IReadOnlyList<string>> NavigationTextsAsync() =>
        (await NavigationLinks.AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
}

public static class BrowserAppPages
{
    /// <summary>A fresh browser page signed in as <paramref name="email"/>, on <paramref name="path"/> once its circuit is live.</summary>
    public static async Task<IPage> OpenAsAsync(this BrowserApp app, string email, string path)
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page, app.BaseAddress).SignInAsync(email, WorkTrackr.Web.Infrastructure.Database.DemoDataSeeder.Password);
        await page.GotoAsync(new Uri(app.BaseAddress, path).ToString());
        await new AppShell(page).WaitUntilInteractiveAsync(); // a click on the prerendered page would be lost
        return page;
    }
}
