using Microsoft.AspNetCore.Components;

namespace WorkTrackr.Web.Components.Charts;

/// <summary>
/// A click on a bar of a &lt;wt-bar-chart&gt;: the index of the item behind it and of its series. The element
/// dispatches it as the DOM event "barclick"; WorkTrackr.Web.lib.module.js tells Blazor how to read it.
/// </summary>
public sealed class BarClickEventArgs : EventArgs
{
    public int Index { get; set; }
    public int Series { get; set; }
}

/// <summary>Lets a component write <c>@onbarclick</c>. Razor finds event handlers only on a class named EventHandlers.</summary>
[EventHandler("onbarclick", typeof(BarClickEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
public static class EventHandlers;
