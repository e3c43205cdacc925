using Microsoft.Playwright;

namespace WorkTrackr.Tests.Browser.Pages;

/// <summary>The CRM calendar (crm): calls and visits on a week calendar, optionally narrowed to one person.</summary>
public sealed class CrmCalendarPage(IPage page)
{
    private ILocator Calendar => page.GetByTestId("crm-calendar");

    /// <summary>The box of the event titled <paramref name="title"/>.</summary>
    public ILocator Appointment(string title) => Calendar.Locator($"[data-event='{title}']");

    /// <summary>Where <paramref name="hour"/> o'clock of <paramref name="day"/> (0 = Sunday) is in the week view.</summary>
    public Task<(float X, float Y)> TimeAsync(int day, int hour) =>
        ComponentLibrary.TimePointAsync(Calendar, ComponentLibrary.CalendarColumns(Calendar).Nth(day), $"{hour:00}:00");

    public static async Task DragAsync(ILocator appointment, (float X, float Y) to) => await ComponentLibrary.DragToPointAsync(appointment, to);

    /// <summary>The chip saying whose events alone are shown, and the button that clears it.</summary>
    public ILocator PersonChip => page.GetByTestId("crm-person");
    public ILocator PersonName => PersonChip.Locator("strong");
    public async Task ClearPersonAsync() => await PersonChip.GetByRole(AriaRole.Button).ClickAsync();

    /// <summary>The hover titles of every event shown ("title · person · times").</summary>
    public async Task<string[]> EventTitlesAsync() =>
        await Calendar.Locator("[data-event] [title]").EvaluateAllAsync<string[]>("els => els.map(e => e.title)");
}
