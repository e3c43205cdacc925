using WorkTrackr.Tests.Browser.Pages;
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
        var login = new LoginPage(page, app.BaseAddress);
        var reset = new PasswordResetPages(page);
        await login.GotoAsync();
        await login.ForgotPasswordLink.ClickAsync();
        // The sign-in page has an Email field too: wait until the new page has replaced it.
        await Expect(reset.ForgotHeading).ToBeVisibleAsync();
        await reset.RequestLinkAsync(email);
        await Expect(reset.ForgotConfirmation).ToBeVisibleAsync();

        await page.GotoAsync(await MailPickup.ResetLinkSentToAsync(app, email));
        await reset.ResetAsync(email, newPassword);
        await Expect(reset.ResetConfirmation).ToBeVisibleAsync();

        var shell = await login.SignInAsync(email, newPassword);
        await Expect(shell.UserName).ToContainTextAsync("Sam Spanner");
    }

    [Fact]
    public async Task Changing_the_display_name_shows_it_in_the_header()
    {
        var page = await app.NewPageAsync();
        var shell = await new LoginPage(page, app.BaseAddress).SignInAsync("admin@harbor.test", DemoDataSeeder.Password);
        var profile = new ProfilePage(page);
        await shell.OpenProfileAsync();
        await Expect(profile.Heading).ToBeVisibleAsync();

        await profile.DisplayName.FillAsync("");
        await profile.SaveAsync();
        await Expect(profile.Error).ToContainTextAsync("Enter the name others see.");

        await profile.DisplayName.FillAsync("Harriet Harbor");
        await profile.TimeZone.SelectOptionAsync("Asia/Tokyo");
        await profile.SaveAsync();

        await Expect(profile.Status).ToContainTextAsync("Your profile has been saved.");
        await Expect(shell.UserName).ToContainTextAsync("Harriet Harbor");
        await Expect(profile.TimeZone).ToHaveValueAsync("Asia/Tokyo");
    }
}
