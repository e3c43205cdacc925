using Microsoft.Playwright;

namespace WorkTrackr.Tests.Browser.Pages;

/// <summary>The sign-in page, driven as a person would: type, press the button.</summary>
public sealed class LoginPage(IPage page, Uri baseAddress)
{
    public ILocator Error => page.GetByTestId("status-message");
    public ILocator LockedOut => page.GetByTestId("locked-out");
    public ILocator ForgotPasswordLink => page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" });

    public async Task GotoAsync(string? query = null) => await page.GotoAsync(new Uri(baseAddress, "Account/Login" + query).ToString());

    /// <summary>Fills the form and presses Sign in, returning once the page the server answered with has loaded.</summary>
    public async Task SubmitAsync(string email, string password)
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        // The form posts as a full page load: mark this document, then wait until a new one has replaced it.
        await page.EvaluateAsync("() => window.__awaitingSignIn = true");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // The new document's state is read from the document itself: a CI run once waited 15 s for Playwright's
        // DOMContentLoaded event after the signed-in page had replaced the form.
        await page.WaitForFunctionAsync("() => window.__awaitingSignIn !== true && document.readyState !== 'loading'");
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
