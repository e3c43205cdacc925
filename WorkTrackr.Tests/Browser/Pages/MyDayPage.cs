using Microsoft.Playwright;

namespace WorkTrackr.Tests.Browser.Pages;

/// <summary>A dispatcher's or technician's home page: their day.</summary>
public sealed class MyDayPage(IPage page)
{
    public ILocator Schedule => page.GetByTestId("myday-schedule");
    public ILocator Open => page.GetByTestId("myday-open");
    public ILocator AtRisk => page.GetByTestId("myday-risk").GetByTestId("myday-ticket");
}
