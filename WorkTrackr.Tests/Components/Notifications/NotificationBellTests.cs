using Bunit;
using WorkTrackr.Data.Notifications;
using WorkTrackr.Tests.Integration;
using WorkTrackr.Web.Features.Notifications;

namespace WorkTrackr.Tests.Components.Notifications;

[Trait("Category", "Integration")]
public sealed class NotificationBellTests(SqliteApp app) : AppComponentTest(app)
{
    private ApplicationUser manager = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        manager = await SignInAsync(Roles.Manager);
        var now = DateTime.UtcNow;
        await using var db = Factory.CreateDbContext(Organisation.Id);
        db.Notifications.AddRange(
            new Notification { UserId = manager.Id, Title = "Renewal due: Alpha", CreatedAt = now.AddHours(-3) },
            new Notification { UserId = manager.Id, Title = "Renewal due: Bravo", CreatedAt = now.AddHours(-2) },
            new Notification { UserId = manager.Id, Title = "Renewal due: Charlie", Body = "Renews in 7 days", CreatedAt = now.AddHours(-1) },
            new Notification { UserId = manager.Id, Title = "Already seen", CreatedAt = now, ReadAt = now },
            // Someone else's, in the same organisation: never counted or listed for the manager.
            new Notification { UserId = Organisation.Users[Roles.Dispatcher].Id, Title = "For the dispatcher", CreatedAt = now });
        await db.SaveChangesAsync();
    }

    [Fact]
    public void The_bell_counts_only_the_signed_in_users_unread_notifications()
    {
        var cut = Context.Render<NotificationBell>();

        cut.WaitForAssertion(() => Assert.Equal("3", cut.ByTestId("bell-count").Text()));
        Assert.Equal("Notifications, 3 unread", cut.ByTestId("bell").GetAttribute("aria-label"));
        Assert.Equal("false", cut.ByTestId("bell").GetAttribute("aria-expanded"));
    }

    [Fact]
    public async Task Opening_the_bell_lists_the_users_notifications_unread_first()
    {
        var cut = Context.Render<NotificationBell>();
        cut.WaitForAssertion(() => cut.ByTestId("bell-count"));

        await cut.Button("Notifications, 3 unread").ClickAsync();

        var panel = cut.WaitForElement("[role='dialog'][aria-label='Notifications']");
        Assert.Equal("true", cut.ByTestId("bell").GetAttribute("aria-expanded"));
        var items = cut.AllByTestId("notification");
        // Unread newest first, then the read one; the dispatcher's is not there.
        Assert.Collection(items,
            i => Assert.StartsWith("Renewal due: Charlie Renews in 7 days", i.Text()),
            i => Assert.StartsWith("Renewal due: Bravo", i.Text()),
            i => Assert.StartsWith("Renewal due: Alpha", i.Text()),
            i => Assert.StartsWith("Already seen", i.Text()));
        Assert.Equal([true, true, true, false], items.Select(HasMarkRead));
        Assert.DoesNotContain("For the dispatcher", panel.Text());
    }

    [Fact]
    public async Task Marking_a_notification_read_lowers_the_unread_count()
    {
        var cut = Context.Render<NotificationBell>();
        cut.WaitForAssertion(() => cut.ByTestId("bell-count"));
        await cut.ByTestId("bell").ClickAsync();
        cut.WaitForAssertion(() => Assert.Equal(4, cut.AllByTestId("notification").Count));

        await cut.AllByTestId("notification")[0].Button("Mark as read").ClickAsync();

        cut.WaitForAssertion(() => Assert.Equal("2", cut.ByTestId("bell-count").Text()));
        Assert.Equal("Notifications, 2 unread", cut.ByTestId("bell").GetAttribute("aria-label"));
        // The one marked read moves below the unread ones and loses its button.
        var items = cut.AllByTestId("notification");
        Assert.Equal(2, items.Count(HasMarkRead));
        Assert.False(HasMarkRead(items.Single(i => i.Text().Contains("Renewal due: Charlie"))));
        await using var db = Factory.CreateDbContext(Organisation.Id);
        Assert.NotNull((await db.Notifications.SingleAsync(n => n.Title == "Renewal due: Charlie")).ReadAt);
    }

    [Fact]
    public async Task Marking_all_read_clears_the_count()
    {
        var cut = Context.Render<NotificationBell>();
        cut.WaitForAssertion(() => cut.ByTestId("bell-count"));
        await cut.ByTestId("bell").ClickAsync();
        cut.WaitForAssertion(() => cut.Button("Mark all read"));

        await cut.Button("Mark all read").ClickAsync();

        cut.WaitForAssertion(() => Assert.Empty(cut.AllByTestId("bell-count")));
        Assert.Equal("Notifications, 0 unread", cut.ByTestId("bell").GetAttribute("aria-label"));
        Assert.DoesNotContain(cut.AllByTestId("notification"), HasMarkRead);
        Assert.False(cut.HasButton("Mark all read"));
        // The dispatcher's notification is theirs to read.
        await using var db = Factory.CreateDbContext(Organisation.Id);
        Assert.Null((await db.Notifications.SingleAsync(n => n.Title == "For the dispatcher")).ReadAt);
    }

    [Fact]
    public async Task A_user_without_notifications_sees_no_count_and_an_empty_list()
    {
        await SignInAsync(Roles.Admin);
        var cut = Context.Render<NotificationBell>();

        await cut.ByTestId("bell").ClickAsync();

        cut.WaitForAssertion(() => Assert.Contains("Nothing yet", cut.ByRole("dialog", "Notifications").Text()));
        Assert.Empty(cut.AllByTestId("bell-count"));
        Assert.Empty(cut.AllByTestId("notification"));
    }

    private static bool HasMarkRead(AngleSharp.Dom.IElement item) => item.HasButton("Mark as read");
}
