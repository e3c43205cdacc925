using Microsoft.Playwright;

namespace WorkTrackr.Tests.Browser.Pages;

/// <summary>The organisation admin's jobs page (admin/jobs): the schedule of sweeps, their runs, and the queued work.</summary>
public sealed class JobsPage(IPage page)
{
    public const string Path = "admin/jobs";

    public ILocator Schedule => page.GetByTestId("job-schedule");
    public ILocator Runs => page.GetByTestId("job-runs");

    /// <summary>Runs the job named <paramref name="job"/> (a JobDefinition's name) now, for this organisation.</summary>
    public async Task RunNowAsync(string job) => await Schedule.Locator($"tr[data-job={job}]").GetByTestId("run-now").ClickAsync();
}
