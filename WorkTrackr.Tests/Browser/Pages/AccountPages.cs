using Microsoft.Playwright;

namespace WorkTrackr.Tests.Browser.Pages;

/// <summary>Registering an organisation (Account/Register): the organisation, its admin, and a password.</summary>
public sealed class RegisterPage(IPage page, Uri baseAddress)
{
    public ILocator OrganisationName => page.GetByLabel("Organisation name");
    public ILocator TimeZone => page.GetByLabel("Time zone");
    public ILocator YourName => page.GetByLabel("Your name");
    public ILocator Email => page.GetByLabel("Email");
    public ILocator Password => page.GetByLabel("Password", new() { Exact = true });
    public ILocator ConfirmPassword => page.GetByLabel("Confirm password");

    /// <summary>The first of the password policy's complaints, beside the password.</summary>
    public ILocator PasswordError => page.Locator(".field:has(#password) .field-error").First;

    public async Task GotoAsync() => await page.GotoAsync(new Uri(baseAddress, "Account/Register").ToString());

    public async Task SetPasswordAsync(string password)
    {
        await Password.FillAsync(password);
        await ConfirmPassword.FillAsync(password);
    }

    public async Task SubmitAsync() => await page.GetByRole(AriaRole.Button, new() { Name = "Create organisation" }).ClickAsync();
}

/// <summary>The forgotten-password page and the reset page its emailed link opens.</summary>
public sealed class PasswordResetPages(IPage page)
{
    public ILocator ForgotHeading => page.GetByRole(AriaRole.Heading, new() { Name = "Forgot your password?" });
    public ILocator ForgotConfirmation => page.GetByTestId("forgot-confirmation");
    public ILocator ResetConfirmation => page.GetByTestId("reset-confirmation");

    public async Task RequestLinkAsync(string email)
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reset link" }).ClickAsync();
    }

    /// <summary>On the page the emailed link opened: the email and the new password twice.</summary>
    public async Task ResetAsync(string email, string password)
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Confirm new password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Reset password" }).ClickAsync();
    }
}

/// <summary>The signed-in person's profile (Account/Manage), opened from their name in the header.</summary>
public sealed class ProfilePage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Your profile" });
    public ILocator DisplayName => page.GetByLabel("Display name");
    public ILocator TimeZone => page.GetByLabel("Time zone");
    public ILocator Error => page.Locator(".field-error");
    public ILocator Status => page.GetByTestId("status-message");

    public async Task SaveAsync() => await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
}
