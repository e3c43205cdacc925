using Microsoft.Playwright;

namespace WorkTrackr.Tests.Browser.Pages;

/// <summary>
/// The dispatch calendar (calendar): scheduled tickets on the calendar, dragged to move them, their lower edge dragged
/// to change their length, a free time clicked to start one; the unscheduled list beside it, dragged onto a time or a
/// technician's lane.
/// </summary>
public sealed class CalendarPage(IPage page)
{
    private ILocator Calendar => page.GetByTestId("dispatch-calendar");

    public async Task ShowDayAsync() => await ShowAsync("Day");
    public async Task ShowLanesDayAsync() => await ShowAsync("Lanes: day");
    public async Task ShowAsync(string view) => await ComponentLibrary.ToggleAsync(Calendar, view);

    /// <summary>The range on show ("2 Dec 2026").</summary>
    public ILocator Range => page.GetByTestId("calendar-range");

    /// <summary>Where <paramref name="time"/> ("13:00") is in the day view (its one day column).</summary>
    public Task<(float X, float Y)> TimeAsync(string time) =>
        ComponentLibrary.TimePointAsync(Calendar, ComponentLibrary.CalendarColumns(Calendar).First, time);

    /// <summary>Where <paramref name="time"/> is in <paramref name="technician"/>'s lane of the lanes-day view.</summary>
    public Task<(float X, float Y)> LaneTimeAsync(string technician, string time) =>
        ComponentLibrary.TimePointAsync(Calendar, ComponentLibrary.CalendarColumn(Calendar, technician), time);

    /// <summary>The box of the ticket numbered <paramref name="number"/>.</summary>
    public ILocator Appointment(string number) => Calendar.Locator($"[data-ticket='{number}']");

    /// <summary>The part of a box whose title (its tooltip) gives the ticket, its technician and its local times ("… 09:00–10:00").</summary>
    public static ILocator Times(ILocator appointment) => appointment.Locator("[title]");

    public static async Task DragAsync(ILocator appointment, (float X, float Y) to) => await ComponentLibrary.DragToPointAsync(appointment, to);

    public async Task ClickAsync((float X, float Y) at) => await page.Mouse.ClickAsync(at.X, at.Y);

    /// <summary>Drags the lower edge of <paramref name="appointment"/> by <paramref name="pixels"/>.</summary>
    public static async Task StretchAsync(ILocator appointment, float pixels) => await ComponentLibrary.DragLowerEdgeAsync(appointment, pixels);

    /// <summary>How far apart two hours are on screen (their labels, read without scrolling between), for stretching a booking by an hour.</summary>
    public async Task<float> HourHeightAsync()
    {
        var ten = await Calendar.GetByText("10:00", new() { Exact = true }).First.BoundingBoxAsync();
        var eleven = await Calendar.GetByText("11:00", new() { Exact = true }).First.BoundingBoxAsync();
        return eleven!.Y - ten!.Y;
    }

    /// <summary>The unscheduled list's entry of the ticket numbered <paramref name="number"/>.</summary>
    public ILocator Unscheduled(string number) => page.GetByTestId("unscheduled-ticket").Filter(new() { HasText = number });

    /// <summary>Drags an unscheduled ticket onto a point of the calendar.</summary>
    public async Task DropAsync(ILocator unscheduled, (float X, float Y) at) => await ComponentLibrary.DragOntoPointAsync(unscheduled, Calendar, at);
}
