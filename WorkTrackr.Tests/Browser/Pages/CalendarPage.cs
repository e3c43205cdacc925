using Microsoft.Playwright;

namespace WorkTrackr.Tests.Browser.Pages;

/// <summary>The dispatch calendar (calendar): scheduled tickets on a scheduler, dragged to move them, an empty slot clicked to start one.</summary>
public sealed class CalendarPage(IPage page)
{
    /// <summary>The hour the day view starts at; it has half-hour slots.</summary>
    public const int FirstHour = 6;

    private ILocator Scheduler => page.GetByTestId("dispatch-calendar");

    public async Task ShowDayAsync() => await page.GetByRole(AriaRole.Button, new() { Name = "Day", Exact = true }).ClickAsync();

    /// <summary>The day view's slot starting at <paramref name="hour"/> o'clock.</summary>
    public ILocator SlotAt(int hour) => ComponentLibrary.DaySlots(Scheduler).Nth((hour - FirstHour) * 2);

    /// <summary>The appointment of the ticket numbered <paramref name="number"/>.</summary>
    public ILocator Appointment(string number) => ComponentLibrary.Appointments(Scheduler, $"[data-ticket='{number}']");

    /// <summary>The part of an appointment whose title gives the ticket and its local times ("… 09:00–10:00").</summary>
    public static ILocator Times(ILocator appointment) => appointment.Locator("[data-ticket]");
}
