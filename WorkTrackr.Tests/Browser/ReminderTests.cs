using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WorkTrackr.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ReminderTests(BrowserApp app)
{
    [Fact]
    public async Task Renewal_reminders_on_the_demo_data_arrive_in_the_managers_bell()
    {
        // Reminders go out from 07:00 New York time; an Admin's "Run now" gives their organisation's at any hour.
        var admin = await app.OpenAsAsync("admin@northwind.test", "admin/jobs");
        await Expect(admin.GetByTestId("job-schedule")).ToBeVisibleAsync();
        await admin.Locator("[data-testid=job-schedule] tr[data-job=renewal-reminders]").GetByTestId("run-now").ClickAsync();
        await Expect(admin.GetByTestId("job-runs")).ToContainTextAsync("Renewal reminders", new() { Timeout = 20_000 });

        var manager = await app.OpenAsAsync("manager@northwind.test", "");
        await Expect(manager.GetByTestId("bell-count")).ToBeVisibleAsync();
        var unread = int.Parse((await manager.GetByTestId("bell-count").TextContentAsync())!.TrimEnd('+'));
        await manager.GetByTestId("bell").ClickAsync();
        var first = manager.GetByTestId("notification").First;
        await Expect(first).ToContainTextAsync("renew");

        await manager.GetByTestId("mark-all-read").ClickAsync();
        await Expect(manager.GetByTestId("bell-count")).ToBeHiddenAsync();
        Assert.True(unread > 0);
    }
}
