using Microsoft.Playwright;

namespace WorkTrackr.Tests.Browser.Pages;

/// <summary>Blazor's own reconnection dialog, shown while the circuit's connection is down (the framework gives it this id).</summary>
public sealed class ReconnectDialog(IPage page)
{
    public ILocator Root => page.Locator("#components-reconnect-modal");

    /// <summary>The visible "reconnecting" text of the dialog, while it tries again.</summary>
    public ILocator Reconnecting => Root.GetByText("reconnecting", new() { Exact = false }).Filter(new() { Visible = true });
}
