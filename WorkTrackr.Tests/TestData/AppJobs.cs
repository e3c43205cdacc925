using WorkTrackr.Web.Features.Invoicing;
using WorkTrackr.Web.Features.Resellers;
using WorkTrackr.Web.Features.Services;
using WorkTrackr.Web.Infrastructure.Email;
using WorkTrackr.Web.Infrastructure.Jobs;

namespace WorkTrackr.Tests.TestData;

/// <summary>
/// The jobs the app has, for tests that set or check every one (a separate process's settings, the Hangfire dashboard).
/// <c>JobsAndSettingsTests</c> holds it equal to the running app's <see cref="JobCatalog"/>, so a new job fails there first.
/// </summary>
public static class AppJobs
{
    public static readonly IReadOnlyList<JobDefinition> All =
        [EmailJob.Job, InvoicePdfJob.Job, OverdueInvoicesJob.Job, RenewalRemindersJob.Job, CommissionMonthsJob.Job];

    public static IEnumerable<string> Names => All.Select(j => j.Name);
}
