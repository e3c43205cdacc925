using System.Text.RegularExpressions;
using Microsoft.Playwright;
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
        { "admin@northwind.test", "Northwind Facilities", ["Dashboard", "Tickets", "Calendar", "Contacts", "CRM calendar", "Products", "Services", "Invoices", "Admin"] },
        { "manager@northwind.test", "Northwind Facilities", ["Dashboard", "Tickets", "Calendar", "Contacts", "CRM calendar", "Products", "Services", "Invoices"] },
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
    public async Task Registering_an_organisation_signs_in_its_admin_on_an_empty_dashboard()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, "Account/Register").ToString());
        var email = $"owner-{Guid.NewGuid():N}@newco.test";

        await page.GetByLabel("Organisation name").FillAsync("Newco Plumbing");
        await page.GetByLabel("Time zone").SelectOptionAsync("Europe/Dublin");
        await page.GetByLabel("Your name").FillAsync("Nora Owner");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("short");
        await page.GetByLabel("Confirm password").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create organisation" }).ClickAsync();

        // The policy's complaint stands beside the password, and what was typed elsewhere is kept.
        await Expect(page.Locator(".field:has(#password) .field-error").First).ToContainTextAsync("at least 8 characters");
        await Expect(page.GetByLabel("Organisation name")).ToHaveValueAsync("Newco Plumbing");

        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("Str0ng!Passw0rd");
        await page.GetByLabel("Confirm password").FillAsync("Str0ng!Passw0rd");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create organisation" }).ClickAsync();

        var shell = new AppShell(page);
        await shell.WaitUntilInteractiveAsync();
        await Expect(shell.OrganisationName).ToHaveTextAsync("Newco Plumbing");
        await Expect(shell.UserName).ToContainTextAsync("Nora Owner");
        // A new organisation's dashboard says plainly that there is nothing yet, panel by panel.
        await Expect(page.GetByTestId("panel-open-tickets-empty")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("panel-revenue-empty")).ToBeVisibleAsync();
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
        await Expect(page.GetByTestId("locked-out")).ToBeVisibleAsync();

        // Locked means locked: even the right password is refused now.
        await login.GotoAsync();
        await login.SubmitAsync("tech2@northwind.test", Password);
        await Expect(page.GetByTestId("locked-out")).ToBeVisibleAsync();
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
        var frozen = await TestData.TestOrganisations.CreateAsync(app.Factory, "Frozen Ltd", Data.Organisations.OrganisationStatus.Suspended);
        var email = frozen.Users[Data.Identity.Roles.Admin].Email!;
        var page = await app.NewPageAsync();
        var login = new LoginPage(page, app.BaseAddress);
        await login.GotoAsync();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await login.SubmitAsync(email, "a wrong guess");
            await Expect(login.Error).ToContainTextAsync("The email or password is not right.");
        }
        // The account is now locked, so even the right password earns no explanation.
        await login.SubmitAsync(email, TestData.TestOrganisations.Password);

        await Expect(login.Error).ToContainTextAsync("The email or password is not right.");
        await Expect(login.Error).Not.ToContainTextAsync("suspended");
    }

    [Fact]
    public async Task A_return_address_on_another_site_is_ignored_after_sign_in()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, "Account/Login?ReturnUrl=https%3A%2F%2Fevil.example%2Fphish").ToString());

        await new LoginPage(page, app.BaseAddress).SubmitAsync("manager@northwind.test", Password);

        await new AppShell(page).WaitUntilInteractiveAsync();
        Assert.Equal(app.BaseAddress.ToString(), page.Url);
    }

    [Fact]
    public async Task A_forbidden_address_shows_access_denied()
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page, app.BaseAddress).SignInAsync("tech1@northwind.test", Password);

        await page.GotoAsync(new Uri(app.BaseAddress, "invoices").ToString());

        await Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("coming-soon")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in_and_come_back_afterwards()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, "contacts").ToString());
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));

        await new LoginPage(page, app.BaseAddress).SubmitAsync("dispatcher@northwind.test", Password);

        await Expect(page).ToHaveURLAsync(new Regex("/contacts$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Contacts" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page, app.BaseAddress).SignInAsync("manager@northwind.test", Password);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));

        await page.GotoAsync(app.BaseAddress.ToString());
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
    }
}
