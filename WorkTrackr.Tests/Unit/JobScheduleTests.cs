using WorkTrackr.Web.Features.Invoicing;
using WorkTrackr.Web.Infrastructure.Email;
using WorkTrackr.Web.Infrastructure.Jobs;

namespace WorkTrackr.Tests.Unit;

/// <summary>Sweep intervals (Jobs:Sweeps) become Hangfire cron expressions that fire on the clock.</summary>
[Trait("Category", "Unit")]
public sealed class JobScheduleTests
{
    [Theory]
    [InlineData("00:00:02", "*/2 * * * * *")]
    [InlineData("00:00:30", "*/30 * * * * *")]
    [InlineData("00:01:00", "0 * * * * *")]
    [InlineData("00:15:00", "0 */15 * * * *")]
    [InlineData("01:00:00", "0 0 * * * *")]
    [InlineData("06:00:00", "0 0 */6 * * *")]
    [InlineData("1.00:00:00", "0 0 0 * * *")]
    public void An_interval_that_divides_its_unit_becomes_a_cron_step(string every, string cron) =>
        Assert.Equal(cron, JobOptions.Cron(TimeSpan.Parse(every, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("00:00:07")]
    [InlineData("00:01:30")]
    [InlineData("00:45:00")]
    [InlineData("05:00:00")]
    [InlineData("00:00:00")]
    public void An_interval_that_would_drift_off_the_clock_is_refused_with_the_setting_named(string every)
    {
        var options = new JobOptions();
        options.Sweeps[EmailJob.Job.Name] = TimeSpan.Parse(every, System.Globalization.CultureInfo.InvariantCulture);

        var error = Assert.Throws<InvalidOperationException>(options.Validate);
        Assert.Contains("Jobs:Sweeps:emails", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_job_in_the_settings_is_refused()
    {
        var options = new JobOptions();
        options.Sweeps["email"] = TimeSpan.FromSeconds(30);

        var error = Assert.Throws<InvalidOperationException>(() => new JobCatalog([EmailJob.Job], options));
        Assert.Contains("Jobs:Sweeps:email is not a job; the jobs are emails.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_job_sweeps_at_its_own_interval_unless_the_settings_give_one()
    {
        var options = new JobOptions();
        options.Sweeps[EmailJob.Job.Name] = TimeSpan.FromSeconds(2);

        var catalog = new JobCatalog([EmailJob.Job, OverdueInvoicesJob.Job], options);

        Assert.Equal(TimeSpan.FromSeconds(2), catalog.Every[EmailJob.Job.Name]);
        Assert.Equal(TimeSpan.FromMinutes(15), catalog.Every[OverdueInvoicesJob.Job.Name]);
        Assert.Equal("Overdue invoices", catalog.Describe(OverdueInvoicesJob.Job.Name));
    }
}
