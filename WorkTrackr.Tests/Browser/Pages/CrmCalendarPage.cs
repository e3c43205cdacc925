using Microsoft.Playwright;

namespace WorkTrackr.Tests.Browser.Pages;

/// <summary>The CRM calendar (crm): calls and visits on a week scheduler, optionally narrowed to one person.</summary>
public sealed class CrmCalendarPage(IPage page)
{
    private ILocator Scheduler => page.GetByTestId("crm-calendar");

    /// <summary>The appointment of the event titled <paramref name="title"/>.</summary>
    public ILocator Appointment(string title) => ComponentLibrary.Appointments(Scheduler, $"[data-event='{title}']");

    /// <summary>The week view's slot of <paramref name="day"/> (0 = Sunday) at <paramref name="hour"/> o'clock.</summary>
    public ILocator SlotAt(int day, int hour) => ComponentLibrary.WeekDaySlots(Scheduler, day).Nth((hour - CalendarPage.FirstHour) * 2);

    /// <summary>The chip saying whose events alone are shown, and the button that clears it.</summary>
    public ILocator PersonChip => page.GetByTestId("crm-person");
    public ILocator PersonName => PersonChip.Locator("strong");
    public async Task ClearPersonAsync() => await page.GetByTestId("crm-person-clear").ClickAsync();

    /// <summary>The hover titles of every event shown ("title · person · times").</summary>
    public async Task<string[]> EventTitlesAsync() =>
        await page.Locator("[data-event]").EvaluateAllAsync<string[]>("els => els.map(e => e.title)");
}
