using WorkTrackr.Tests.Browser.Pages;
using WorkTrackr.Web.Features.Services;
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
        var jobs = new JobsPage(await app.OpenAsAsync("admin@northwind.test", JobsPage.Path));
        await Expect(jobs.Schedule).ToBeVisibleAsync();
        await jobs.RunNowAsync(RenewalRemindersJob.Job.Name);
        await Expect(jobs.Runs).ToContainTextAsync("Renewal reminders", new() { Timeout = 20_000 });

        var bell = new NotificationBell(await app.OpenAsAsync("manager@northwind.test", ""));
        await Expect(bell.Count).ToBeVisibleAsync();
        var unread = await bell.UnreadAsync();
        await bell.OpenAsync();
        await Expect(bell.Notifications.First).ToContainTextAsync("renew");

        await bell.MarkAllReadAsync();
        await Expect(bell.Count).ToBeHiddenAsync();
        Assert.True(unread > 0);
    }
}
