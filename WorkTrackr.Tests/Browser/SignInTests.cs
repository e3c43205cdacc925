using System.Text.RegularExpressions;
using WorkTrackr.Tests.Browser.Pages;
using WorkTrackr.Web.Infrastructure.Database;
using static Microsoft.Playwright.Assertions;

namespace WorkTrackr.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class SignInTests(BrowserApp app)
{
    private const string Password = DemoDataSeeder.Password;

    public static TheoryData<string, string, string[]> RoleNavigation => new()
    {
        { "admin@northwind.test", "Northwind Facilities", ["Dashboard", "Tickets", "Calendar", "Contacts", "CRM calendar", "Products", "Services", "Invoices", "Audit log", "Admin"] },
        { "manager@northwind.test", "Northwind Facilities", ["Dashboard", "Tickets", "Calendar", "Contacts", "CRM calendar", "Products", "Services", "Invoices", "Audit log"] },
        { "dispatcher@northwind.test", "Northwind Facilities", ["Dashboard", "Tickets", "Calendar", "Contacts", "CRM calendar", "Products", "Services"] },
        { "tech1@northwind.test", "Northwind Facilities", ["Dashboard", "Tickets", "Calendar"] },
        { "reseller@brightpartners.test", "Reseller portal", ["Resellers"] },
        { "platform@worktrackr.test", "Platform administration", ["Resellers", "Admin"] },
    };

    [Theory]
    [MemberData(nameof(RoleNavigation))]
    public async Task Each_role_signs_in_and_sees_only_its_navigation(string email, string context, string[] expected)
    {
        var page = await app.NewPageAsync();
        var shell = await new LoginPage(page, app.BaseAddress).SignInAsync(email, Password);

        await Expect(shell.OrganisationName).ToHaveTextAsync(context);
        Assert.Equal(expected, await shell.NavigationTextsAsync());
    }

    [Fact]
    public async Task Registering_an_organisation_opens_it_once_the_admin_confirms_their_email_on_an_empty_dashboard()
    {
        var page = await app.NewPageAsync();
        var register = new RegisterPage(page, app.BaseAddress);
        await register.GotoAsync();
        var email = $"owner-{Guid.NewGuid():N}@newco.test";

        await register.OrganisationName.FillAsync("Newco Plumbing");
        await register.TimeZone.SelectOptionAsync("Europe/Dublin");
        await register.YourName.FillAsync("Nora Owner");
        await register.Email.FillAsync(email);
        await register.SetPasswordAsync("short");
        await register.SubmitAsync();

        // The policy's complaint stands beside the password, and what was typed elsewhere is kept.
        await Expect(register.PasswordError).ToContainTextAsync("at least 8 characters");
        await Expect(register.OrganisationName).ToHaveValueAsync("Newco Plumbing");

        await register.SetPasswordAsync("Str0ng!Passw0rd");
        await register.SubmitAsync();
        await Expect(page.GetByTestId("register-confirmation")).ToContainTextAsync("We have emailed you a link");

        // Not before the address is confirmed.
        var login = new LoginPage(page, app.BaseAddress);
        await login.GotoAsync();
        await login.SubmitAsync(email, "Str0ng!Passw0rd");
        await Expect(login.Error).ToContainTextAsync("Confirm your email address first");
        await page.GotoAsync(await MailPickup.ConfirmationLinkSentToAsync(app, email));
        await Expect(page.GetByTestId("email-confirmed")).ToBeVisibleAsync();

        var shell = await login.SignInAsync(email, "Str0ng!Passw0rd");
        await Expect(shell.OrganisationName).ToHaveTextAsync("Newco Plumbing");
        await Expect(shell.UserName).ToContainTextAsync("Nora Owner");
        // A new organisation's dashboard says plainly that there is nothing yet, panel by panel.
        var dashboard = new DashboardPage(page);
        await Expect(dashboard.PanelEmpty("open-tickets")).ToBeVisibleAsync();
        await Expect(dashboard.PanelEmpty("revenue")).ToBeVisibleAsync();
        Assert.Contains("Admin", await shell.NavigationTextsAsync());
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_repeated_failures_lock_the_account()
    {
        var page = await app.NewPageAsync();
        var login = new LoginPage(page, app.BaseAddress);
        await login.GotoAsync();

        await login.SubmitAsync("tech2@northwind.test", "not-the-password");
        await Expect(login.Error).ToContainTextAsync("The email or password is not right.");
        for (var attempt = 2; attempt <= 5; attempt++)
        {
            await login.SubmitAsync("tech2@northwind.test", "not-the-password");
        }
        await Expect(login.LockedOut).ToBeVisibleAsync();

        // Locked means locked: even the right password is refused now.
        await login.GotoAsync();
        await login.SubmitAsync("tech2@northwind.test", Password);
        await Expect(login.LockedOut).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Members_of_a_suspended_organisation_are_told_why_they_cannot_sign_in()
    {
        var page = await app.NewPageAsync();
        var login = new LoginPage(page, app.BaseAddress);
        await login.GotoAsync();

        await login.SubmitAsync("admin@lakeside.test", Password);

        await Expect(login.Error).ToContainTextAsync("organisation's WorkTrackr account is suspended");
        Assert.EndsWith("/Account/Login", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task Guessing_the_password_of_a_suspended_member_is_throttled_and_reveals_nothing()
    {
        var frozen = await TestOrganisations.CreateAsync(app.Factory, "Frozen Ltd", OrganisationStatus.Suspended);
        var email = frozen.Users[Roles.Admin].Email!;
        var page = await app.NewPageAsync();
        var login = new LoginPage(page, app.BaseAddress);
        await login.GotoAsync();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await login.SubmitAsync(email, "a wrong guess");
            await Expect(login.Error).ToContainTextAsync("The email or password is not right.");
        }
        // The account is now locked, so even the right password earns no explanation.
        await login.SubmitAsync(email, TestOrganisations.Password);

        await Expect(login.Error).ToContainTextAsync("The email or password is not right.");
        await Expect(login.Error).Not.ToContainTextAsync("suspended");
    }

    [Fact]
    public async Task A_return_address_on_another_site_is_ignored_after_sign_in()
    {
        var page = await app.NewPageAsync();
        var login = new LoginPage(page, app.BaseAddress);
        await login.GotoAsync("?ReturnUrl=https%3A%2F%2Fevil.example%2Fphish");

        await login.SubmitAsync("manager@northwind.test", Password);

        await new AppShell(page).WaitUntilInteractiveAsync();
        Assert.Equal(app.BaseAddress.ToString(), page.Url);
    }

    [Fact]
    public async Task A_forbidden_address_shows_access_denied()
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page, app.BaseAddress).SignInAsync("tech1@northwind.test", Password);

        await page.GotoAsync(app, "invoices");

        var shell = new AppShell(page);
        await Expect(shell.AccessDenied).ToBeVisibleAsync();
        await Expect(shell.ComingSoon).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in_and_come_back_afterwards()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(app, "contacts");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));

        await new LoginPage(page, app.BaseAddress).SubmitAsync("dispatcher@northwind.test", Password);

        await Expect(page).ToHaveURLAsync(new Regex("/contacts$"));
        await Expect(new AppShell(page).Heading).ToHaveTextAsync("Contacts");
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var page = await app.NewPageAsync();
        var shell = await new LoginPage(page, app.BaseAddress).SignInAsync("manager@northwind.test", Password);

        await shell.SignOutAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));

        await page.GotoAsync(app.BaseAddress.ToString());
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
    }
}
