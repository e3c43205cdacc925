using WorkTrackr.Web.Features.Administration;
using WorkTrackr.Web.Infrastructure.Jobs;

namespace WorkTrackr.Tests.Integration.Administration;

/// <summary>The jobs page's service and the invoice and reminder settings, with their roles and tenancy.</summary>
[Trait("Category", "Integration")]
public abstract class JobsAndSettingsTests<TApp>(TApp app) where TApp : TenantApp
{
    private async Task FailDocumentAsync(Guid organisationId)
    {
        await using var db = app.Factory.CreateDbContext(organisationId);
        await db.InvoiceDocuments.ExecuteUpdateAsync(d => d.SetProperty(x => x.State, WorkState.Failed).SetProperty(x => x.Attempts, 5).SetProperty(x => x.LastError, "Chromium crashed"));
    }

    [Fact]
    public async Task An_admin_sees_and_retries_only_their_own_organisations_failed_work()
    {
        var a = await TestOrganisations.CreateAsync(app.Factory, "Jobs Alpha");
        var b = await TestOrganisations.CreateAsync(app.Factory, "Jobs Bravo");
        await FailDocumentAsync(a.Id);
        await FailDocumentAsync(b.Id);
        var admin = a.Users[Roles.Admin];

        var overview = (await app.Factory.RunAsAsync(admin, (JobsService s) => s.OverviewAsync())).Value!;
        var failed = Assert.Single(overview.Items);
        Assert.Equal((WorkKind.InvoicePdf, WorkState.Failed, "Chromium crashed"), (failed.Kind, failed.State, failed.Error));
        Assert.False(overview.AllOrganisations);
        Assert.All(overview.Runs, r => Assert.Null(r.Processed));

        var retried = await app.Factory.RunAsAsync(admin, (JobsService s) => s.RetryAsync());
        Assert.Equal(1, retried.Value);
        await using (var db = app.Factory.CreateDbContext(a.Id))
        {
            var document = await db.InvoiceDocuments.AsNoTracking().SingleAsync();
            Assert.Equal((WorkState.Pending, 0), (document.State, document.Attempts));
        }
        await using (var db = app.Factory.CreateDbContext(b.Id))
            Assert.Equal(WorkState.Failed, await db.InvoiceDocuments.Select(d => d.State).SingleAsync());

        // Another organisation's item cannot be retried by id either.
        var other = await app.Factory.RunAsAsync(admin, async (JobsService s) =>
        {
            await using var db = app.Factory.CreateDbContext(b.Id);
            var id = await db.InvoiceDocuments.Select(d => d.Id).SingleAsync();
            return await s.RetryAsync(WorkKind.InvoicePdf, id);
        });
        Assert.Equal(0, other.Value);

        foreach (var role in new[] { Roles.Manager, Roles.Dispatcher, Roles.Technician })
        {
            Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(a.Users[role], (JobsService s) => s.OverviewAsync())).Status);
            Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(a.Users[role], (JobsService s) => s.RetryAsync())).Status);
        }
        Assert.Equal(ResultStatus.NotFound, (await app.Factory.RunAsAsync(admin, (JobsService s) => s.RunNowAsync("no-such-job"))).Status);
    }

    [Fact]
    public async Task With_jobs_switched_off_no_job_server_runs_and_the_page_says_so()
    {
        // These tests' app runs with Jobs:Enabled=false (WorkTrackrFactory).
        var overview = (await app.Factory.RunAsAsync(app.A.Users[Roles.Admin], (JobsService s) => s.OverviewAsync())).Value!;

        Assert.False(overview.Running);
        Assert.Equal(app.Factory.Services.GetRequiredService<JobCatalog>().Names, overview.Jobs.Select(j => j.Name));
        Assert.All(overview.Jobs, j => Assert.Null(j.NextCheckAt));
        Assert.Empty(app.Factory.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi().Servers());
    }

    [Fact]
    public async Task Every_scheduled_job_is_added_by_its_feature_or_platform_part()
    {
        // The engine schedules what the modules add; a module left out of Program would leave its job out.
        var catalog = app.Factory.Services.GetRequiredService<JobCatalog>();
        Assert.Equal(AppJobs.Names.Order(), catalog.Names.Order());
        await using var scope = app.Factory.Services.CreateAsyncScope();
        Assert.All(catalog.Names, job => Assert.NotNull(scope.ServiceProvider.GetRequiredKeyedService<RecordedJob>(job)));
    }

    [Fact]
    public async Task Settings_are_checked_beside_each_field_and_saved_for_new_invoices_and_reminders()
    {
        var organisation = await TestOrganisations.CreateAsync(app.Factory, "Settings Studio");
        var admin = organisation.Users[Roles.Admin];

        var refused = await app.Factory.RunAsAsync(admin, (BillingSettings s) => s.SaveAsync(new BillingSettingsInput { DefaultTaxPercent = 120, PaymentTermsDays = -1, ReminderDays = "30, soon" }));
        Assert.Equal(ResultStatus.Invalid, refused.Status);
        Assert.Equal(["Enter a tax rate from 0 to 100 %."], refused.Errors[nameof(BillingSettingsInput.DefaultTaxPercent)]);
        Assert.Equal(["Enter 0 to 365 days."], refused.Errors[nameof(BillingSettingsInput.PaymentTermsDays)]);
        Assert.StartsWith("List up to 6 whole numbers", refused.Errors[nameof(BillingSettingsInput.ReminderDays)].Single());

        var saved = await app.Factory.RunAsAsync(admin, (BillingSettings s) => s.SaveAsync(new BillingSettingsInput
        {
            DefaultTaxPercent = 17.5m, PaymentTermsDays = 0, ReminderDays = " 7,60 ,7, 0", ReminderRecipients = ReminderRecipients.Managers,
        }));
        Assert.True(saved.Succeeded, saved.Message);
        await using var db = app.Factory.CreateDbContext(organisation.Id);
        var stored = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisation.Id);
        Assert.Equal((0.175m, 0, "60,7,0", ReminderRecipients.Managers), (stored.DefaultTaxRate, stored.PaymentTermsDays, stored.ReminderDays, stored.ReminderRecipients));

        var draftInput = await app.Factory.RunAsAsync(organisation.Users[Roles.Manager], (WorkTrackr.Web.Features.Invoicing.InvoiceDrafts s) => s.NewInputAsync());
        Assert.Equal((0, 17.5m), (draftInput.PaymentTermsDays, draftInput.Lines.Single().TaxPercent));

        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(organisation.Users[Roles.Manager], (BillingSettings s) => s.SaveAsync(new BillingSettingsInput()))).Status);
    }
}

public sealed class SqliteJobsAndSettingsTests(SqliteTenantApp app) : JobsAndSettingsTests<SqliteTenantApp>(app), IClassFixture<SqliteTenantApp>;

public sealed class PostgresJobsAndSettingsTests(PostgresTenantApp app) : JobsAndSettingsTests<PostgresTenantApp>(app), IClassFixture<PostgresTenantApp>;
