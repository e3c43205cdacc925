using WorkTrackr.Tests.Browser.Pages;
using WorkTrackr.Web.Infrastructure.Database;
using static Microsoft.Playwright.Assertions;

namespace WorkTrackr.Tests.Browser;

/// <summary>Hangfire's dashboard is the Platform admin's, behind the app's own sign-in and policy.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class JobsDashboardTests(BrowserApp app)
{
    [Fact]
    public async Task The_platform_admin_sees_every_sweep_in_the_hangfire_dashboard()
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page, app.BaseAddress).SignInAsync("platform@worktrackr.test", DemoDataSeeder.Password);
        var dashboard = new HangfireDashboardPage(page, app.BaseAddress);

        var response = await dashboard.GotoAsync("/recurring");

        Assert.Equal(200, response!.Status);
        await Expect(dashboard.RecurringJobsHeading).ToBeVisibleAsync();
        foreach (var job in AppJobs.Names)
            await Expect(dashboard.Job(job)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_organisation_admin_is_refused_the_dashboard_and_a_visitor_is_sent_to_sign_in()
    {
        var visitor = await app.NewPageAsync();
        await new HangfireDashboardPage(visitor, app.BaseAddress).GotoAsync();
        Assert.Contains("/Account/Login", visitor.Url, StringComparison.Ordinal);

        var admin = await app.NewPageAsync();
        await new LoginPage(admin, app.BaseAddress).SignInAsync("admin@northwind.test", DemoDataSeeder.Password);
        var dashboard = new HangfireDashboardPage(admin, app.BaseAddress);
        await dashboard.GotoAsync();
        Assert.Contains("/Account/AccessDenied", admin.Url, StringComparison.Ordinal);
        await Expect(dashboard.RecurringJobsHeading).ToHaveCountAsync(0);
    }
}
