using Microsoft.Playwright;
using WorkTrackr.Web.Infrastructure.Database;
using static Microsoft.Playwright.Assertions;

namespace WorkTrackr.Tests.Browser;

/// <summary>The pages are live over a SignalR circuit: interactions update in place, and a dropped connection says so.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class CircuitTests(BrowserApp app)
{
    [Fact]
    public async Task Changing_the_renewal_window_updates_the_dashboard_in_place()
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page, app.BaseAddress).SignInAsync("dispatcher@northwind.test", DemoDataSeeder.Password);
        var renewals = page.GetByTestId("stat-renewals");
        await Expect(renewals).ToContainTextAsync("Renewals in 30 days");
        var within30 = int.Parse(await page.GetByTestId("stat-renewals-value").InnerTextAsync());
        var urlBefore = page.Url;

        await page.GetByTestId("renewal-window").GetByText("90 days").ClickAsync();

        await Expect(renewals).ToContainTextAsync("Renewals in 90 days");
        var within90 = int.Parse(await page.GetByTestId("stat-renewals-value").InnerTextAsync());
        Assert.True(within90 > within30, $"90-day renewals ({within90}) should exceed 30-day ones ({within30}) in the demo data");
        Assert.Equal(urlBefore, page.Url);
    }

    [Fact]
    public async Task A_reconnect_banner_shows_while_the_connection_is_down_and_clears_when_it_returns()
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page, app.Proxy.BaseAddress).SignInAsync("manager@northwind.test", DemoDataSeeder.Password);
        var banner = page.Locator("#components-reconnect-modal");
        await Expect(banner).ToBeHiddenAsync();

        app.Proxy.Interrupt();
        try
        {
            await Expect(banner).ToBeVisibleAsync();
            await Expect(banner).ToContainTextAsync("Reconnecting");
        }
        finally
        {
            app.Proxy.Resume();
        }

        await Expect(banner).ToBeHiddenAsync(new() { Timeout = 60_000 });
        // The same circuit carries on: an interaction still updates the page.
        await page.GetByTestId("renewal-window").GetByText("7 days").ClickAsync();
        await Expect(page.GetByTestId("stat-renewals")).ToContainTextAsync("Renewals in 7 days");
    }
}
