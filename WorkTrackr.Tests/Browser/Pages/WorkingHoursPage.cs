using Microsoft.Playwright;

namespace WorkTrackr.Tests.Browser.Pages;

/// <summary>The admin's working hours (admin/working-hours): each person's weekly hours.</summary>
public sealed class WorkingHoursPage(IPage page)
{
    private ILocator Row(string person) => page.Locator($"tr[data-person='{person}']");

    public ILocator Hours(string person) => Row(person).GetByTestId("weekly-hours");
    public ILocator Hint(string person) => Row(person).Locator(".sla-hint");
    public ILocator Saved => page.GetByText("Working hours saved");

    /// <summary>From the admin page (admin).</summary>
    public async Task OpenFromAdminAsync() => await page.GetByTestId("admin-working-hours").ClickAsync();

    public async Task SaveAsync() => await page.GetByTestId("save-working-hours").ClickAsync();
}
