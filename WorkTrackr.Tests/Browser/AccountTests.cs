using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WorkTrackr.Web.Infrastructure.Database;
using static Microsoft.Playwright.Assertions;

namespace WorkTrackr.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AccountTests(BrowserApp app)
{
    [Fact]
    public async Task A_forgotten_password_is_reset_through_the_emailed_link()
    {
        const string email = "tech3@northwind.test";
        const string newPassword = "N3w!Passw0rd";
        var page = await app.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, "Account/Login").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        // The sign-in page has an Email field too: wait until the new page has replaced it.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Forgot your password?" })).ToBeVisibleAsync();
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reset link" }).ClickAsync();
        await Expect(page.GetByTestId("forgot-confirmation")).ToBeVisibleAsync();

        var link = await MailPickup.ResetLinkSentToAsync(app, email);
        await page.GotoAsync(link);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(newPassword);
        await page.GetByLabel("Confirm new password").FillAsync(newPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Reset password" }).ClickAsync();
        await Expect(page.GetByTestId("reset-confirmation")).ToBeVisibleAsync();

        var shell = await new LoginPage(page, app.BaseAddress).SignInAsync(email, newPassword);
        await Expect(shell.UserName).ToContainTextAsync("Sam Spanner");
    }

    [Fact]
    public async Task Changing_the_display_name_shows_it_in_the_header()
    {
        var page = await app.NewPageAsync();
        var shell = await new LoginPage(page, app.BaseAddress).SignInAsync("admin@harbor.test", DemoDataSeeder.Password);
        await shell.UserName.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your profile" })).ToBeVisibleAsync();

        await page.GetByLabel("Display name").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Expect(page.Locator(".field-error")).ToContainTextAsync("Enter the name others see.");

        await page.GetByLabel("Display name").FillAsync("Harriet Harbor");
        await page.GetByLabel("Time zone").SelectOptionAsync("Asia/Tokyo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();

        await Expect(page.GetByTestId("status-message")).ToContainTextAsync("Your profile has been saved.");
        await Expect(shell.UserName).ToContainTextAsync("Harriet Harbor");
        await Expect(page.GetByLabel("Time zone")).ToHaveValueAsync("Asia/Tokyo");
    }
}
