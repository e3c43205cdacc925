using Microsoft.Playwright;
using WorkTrackr.Web.Infrastructure.Jobs;

namespace WorkTrackr.Tests.Browser.Pages;

/// <summary>Hangfire's own dashboard, served by the app behind its sign-in and the platform admin's policy.</summary>
public sealed class HangfireDashboardPage(IPage page, Uri baseAddress)
{
    public ILocator RecurringJobsHeading => page.GetByRole(AriaRole.Heading, new() { Name = "Recurring Jobs" });

    /// <summary>The first cell reading exactly <paramref name="job"/> (a recurring job's id, then its name).</summary>
    public ILocator Job(string job) => page.GetByRole(AriaRole.Cell, new() { Name = job, Exact = true }).First;

    /// <summary>Opens the dashboard, or one of its pages such as "/recurring".</summary>
    public async Task<IResponse?> GotoAsync(string path = "") =>
        await page.GotoAsync(new Uri(baseAddress, JobsServiceCollectionExtensions.DashboardPath.TrimStart('/') + path).ToString());
}
