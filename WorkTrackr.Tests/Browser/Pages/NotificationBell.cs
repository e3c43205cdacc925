using Microsoft.Playwright;

namespace WorkTrackr.Tests.Browser.Pages;

/// <summary>The notification bell in the header, with its unread count and the list it opens.</summary>
public sealed class NotificationBell(IPage page)
{
    public ILocator Count => page.GetByTestId("bell-count");
    public ILocator Notifications => page.GetByTestId("notification");

    /// <summary>The unread count shown ("9+" counts as 9).</summary>
    public async Task<int> UnreadAsync() => int.Parse((await Count.TextContentAsync())!.TrimEnd('+'), CultureInfo.InvariantCulture);

    public async Task OpenAsync() => await page.GetByTestId("bell").ClickAsync();
    public async Task MarkAllReadAsync() => await page.GetByTestId("mark-all-read").ClickAsync();
}
