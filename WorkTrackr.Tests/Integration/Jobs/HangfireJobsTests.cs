using Hangfire;
using Hangfire.Storage;
using WorkTrackr.Web.Features.Administration;
using WorkTrackr.Web.Features.Invoicing;
using WorkTrackr.Web.Features.Services;
using WorkTrackr.Web.Infrastructure.Email;
using WorkTrackr.Web.Infrastructure.Jobs;

namespace WorkTrackr.Tests.Integration.Jobs;

/// <summary>
/// The app with its Hangfire server on: emails are swept every 2 seconds (the safety net), invoice PDFs only hourly,
/// so a PDF made within seconds was made because the commit woke the worker.
/// </summary>
public abstract class JobsApp : TenantApp
{
    protected override void Configure(WorkTrackrFactory factory)
    {
        factory.Settings["Jobs:Enabled"] = "true";
        factory.Settings["Jobs:PollingInterval"] = "00:00:01";
        factory.Settings[$"Jobs:Sweeps:{EmailJob.Job.Name}"] = "00:00:02";
        factory.Settings[$"Jobs:Sweeps:{InvoicePdfJob.Job.Name}"] = "01:00:00";
    }
}

public sealed class SqliteJobsApp : JobsApp
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresJobsApp : JobsApp
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => SharedPostgres.CreateDatabaseAsync();
}

[Trait("Category", "Integration")]
public abstract class HangfireJobsTests<TApp>(TApp app) where TApp : JobsApp
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private ApplicationUser Manager => app.A.Users[Roles.Manager];

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"After {Patience.TotalSeconds:0} s, still not {what}: {value}");
            await Task.Delay(200);
        }
    }

    private async Task<Guid> DraftAsync(string customer)
    {
        var contactId = (await app.Factory.AddAsync(app.A.Id, Build.Contact(customer))).Id;
        var draft = await app.Factory.RunAsAsync(Manager,
            (InvoiceDrafts s) => s.CreateDraftAsync(new InvoiceInput { ContactId = contactId, PaymentTermsDays = 14, Lines = [new() { Description = "Boiler service", Quantity = 1, UnitPrice = 95m, TaxPercent = 20 }] }));
        Assert.True(draft.Succeeded, draft.Message);
        return draft.Value;
    }

    /// <summary>The ids of Hangfire jobs of <paramref name="job"/> that a wake-up created, not the schedule.</summary>
    private HashSet<string> WakeUps(string job)
    {
        var storage = app.Factory.Services.GetRequiredService<JobStorage>();
        var monitoring = storage.GetMonitoringApi();
        var ids = monitoring.EnqueuedJobs("default", 0, 1000).Select(j => j.Key)
            .Concat(monitoring.ProcessingJobs(0, 1000).Select(j => j.Key))
            .Concat(monitoring.SucceededJobs(0, 1000).Select(j => j.Key))
            .Concat(monitoring.FailedJobs(0, 1000).Select(j => j.Key))
            .Concat(monitoring.DeletedJobs(0, 1000).Select(j => j.Key))
            .Distinct();
        using var connection = storage.GetConnection();
        return ids.Where(id => connection.GetJobData(id) is { } data && Equals(data.Job?.Args is [var first, ..] ? first : null, job)
            && connection.GetJobParameter(id, "RecurringJobId") is null).ToHashSet();
    }

    private async Task<WorkState?> EmailStateAsync(string to)
    {
        await using var db = app.Factory.CreateDbContext(null);
        return await db.EmailMessages.Where(m => m.To == to).Select(m => (WorkState?)m.State).SingleOrDefaultAsync();
    }

    [Fact]
    public async Task Issuing_an_invoice_wakes_the_pdf_worker_at_once()
    {
        var id = await DraftAsync("Wake Street Surgery");
        var version = (await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Queries.GetAsync(id))).Value!.Version;
        var before = WakeUps(InvoicePdfJob.Job.Name);

        var issued = await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Issuing.IssueAsync(id, version));
        Assert.True(issued.Succeeded, issued.Message);

        // The PDF sweep's own schedule is hourly: only the fire-and-forget job enqueued after the commit can do this.
        await EventuallyAsync(async () =>
        {
            await using var db = app.Factory.CreateDbContext(app.A.Id);
            return await db.InvoiceDocuments.Where(d => d.InvoiceId == id).Select(d => d.State).SingleAsync();
        }, state => state == WorkState.Done, "made");
        Assert.NotEmpty(WakeUps(InvoicePdfJob.Job.Name).Except(before));
    }

    [Fact]
    public async Task A_refused_issue_queues_no_pdf_and_wakes_nothing()
    {
        var id = await DraftAsync("Stale Version Stores");
        var opened = (await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Queries.GetAsync(id))).Value!;
        var before = WakeUps(InvoicePdfJob.Job.Name);

        // Someone saved the draft since it was opened: the issue is refused inside its transaction.
        var changed = opened.ToInput();
        changed.Notes = "Changed by a colleague";
        Assert.True((await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Drafts.SaveDraftAsync(id, changed, opened.Version))).Succeeded);
        var refused = await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Issuing.IssueAsync(id, opened.Version));

        Assert.Equal(WorkTrackr.Web.Infrastructure.ResultStatus.Conflict, refused.Status);
        // A wake-up is enqueued before IssueAsync returns, so one would be listed by now.
        Assert.Empty(WakeUps(InvoicePdfJob.Job.Name).Except(before));
        await using (var db = app.Factory.CreateDbContext(app.A.Id))
        {
            Assert.False(await db.InvoiceDocuments.AnyAsync(d => d.InvoiceId == id));
            var invoice = await db.Invoices.AsNoTracking().SingleAsync(i => i.Id == id);
            Assert.Equal((InvoiceStatus.Draft, null), (invoice.Status, invoice.Number));
        }

        // The same draft at its current version issues, and that commit wakes the worker once.
        var current = (await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Queries.GetAsync(id))).Value!.Version;
        Assert.True((await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Issuing.IssueAsync(id, current))).Succeeded);
        var woken = await EventuallyAsync(() => Task.FromResult(WakeUps(InvoicePdfJob.Job.Name).Except(before).Count()), count => count > 0, "woken");
        Assert.Equal(1, woken);
    }

    [Fact]
    public async Task Work_committed_without_a_wake_up_is_done_by_the_recurring_sweep()
    {
        // What a process killed between its commit and its enqueue leaves behind: the row, and no Hangfire job.
        var to = $"after-crash-{Guid.NewGuid():N}@example.test";
        await using (var db = app.Factory.CreateDbContext(null))
        {
            EmailOutbox.Queue(db, app.A.Id, to, "Your invoice", "<p>Attached.</p>", DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        await EventuallyAsync(() => EmailStateAsync(to), state => state == WorkState.Done, "sent by the safety net");
    }

    [Fact]
    public async Task Rows_of_a_rolled_back_transaction_are_never_worked_even_when_woken()
    {
        var invoiceId = await DraftAsync("Rollback Roofing");
        var to = $"rolled-back-{Guid.NewGuid():N}@example.test";
        await using (var db = app.Factory.CreateDbContext(app.A.Id))
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.InvoiceDocuments.Add(new InvoiceDocument { InvoiceId = invoiceId, NextAttemptAt = DateTime.UtcNow });
            EmailOutbox.Queue(db, app.A.Id, to, "Never sent", "<p>Rolled back.</p>", DateTime.UtcNow);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }
        // Even a wake-up for both workers (which the services only send after a commit) finds nothing to do.
        var since = DateTime.UtcNow; // runs started earlier (another test's wake-up) are not this one's
        var trigger = app.Factory.Services.GetRequiredService<IJobTrigger>();
        await trigger.RunNowAsync(InvoicePdfJob.Job.Name, manual: true);
        await trigger.RunNowAsync(EmailJob.Job.Name, manual: true);

        var runs = await EventuallyAsync(async () =>
        {
            await using var db = app.Factory.CreateDbContext(null);
            return await db.JobRuns.AsNoTracking().Where(r => r.StartedAt >= since && (r.Job == InvoicePdfJob.Job.Name || r.Job == EmailJob.Job.Name)).ToListAsync();
        }, found => found.Select(r => r.Job).Distinct().Count() == 2, "both woken jobs run");

        Assert.All(runs, r => Assert.True(r.Succeeded, r.Error));
        Assert.Null(await EmailStateAsync(to));
        await using var check = app.Factory.CreateDbContext(app.A.Id);
        Assert.False(await check.InvoiceDocuments.AnyAsync(d => d.InvoiceId == invoiceId));
        Assert.Equal(InvoiceStatus.Draft, await check.Invoices.Where(i => i.Id == invoiceId).Select(i => i.Status).SingleAsync());
    }

    [Fact]
    public async Task With_jobs_on_the_jobs_page_shows_the_server_and_each_sweeps_next_run()
    {
        var overview = (await app.Factory.RunAsAsync(app.A.Users[Roles.Admin], (JobsService s) => s.OverviewAsync())).Value!;

        Assert.True(overview.Running);
        Assert.All(overview.Jobs, j => Assert.True(j.NextCheckAt > DateTime.UtcNow.AddMinutes(-1), $"{j.Name} next at {j.NextCheckAt}"));
        Assert.Equal(TimeSpan.FromSeconds(2), overview.Jobs.Single(j => j.Name == EmailJob.Job.Name).Every);
    }

    [Fact]
    public void Every_sweep_is_a_recurring_job_on_its_configured_schedule_and_hangfire_never_retries()
    {
        using var connection = app.Factory.Services.GetRequiredService<JobStorage>().GetConnection();
        var recurring = connection.GetRecurringJobs([.. AppJobs.Names]).ToDictionary(j => j.Id);

        Assert.Equal(AppJobs.Names.Order(), recurring.Keys.Order());
        Assert.Equal("*/2 * * * * *", recurring[EmailJob.Job.Name].Cron);
        Assert.Equal("0 0 * * * *", recurring[InvoicePdfJob.Job.Name].Cron);
        Assert.Equal("0 */15 * * * *", recurring[RenewalRemindersJob.Job.Name].Cron);
        // The rows' own attempts and back-off are the one retry policy: of the filters Hangfire applies to a sweep (the
        // global ones included, whose AutomaticRetry makes ten attempts), the one retry filter makes none.
        var sweep = Hangfire.Common.Job.FromExpression<JobRunner>(r => r.RunAsync(EmailJob.Job.Name, false, null, CancellationToken.None));
        var filters = app.Factory.Services.GetRequiredService<Hangfire.Common.IJobFilterProvider>().GetFilters(sweep);
        var retry = Assert.Single(filters.Select(f => f.Instance).OfType<AutomaticRetryAttribute>());
        Assert.Equal((0, AttemptsExceededAction.Delete), (retry.Attempts, retry.OnAttemptsExceeded));
    }
}

public sealed class SqliteHangfireJobsTests(SqliteJobsApp app) : HangfireJobsTests<SqliteJobsApp>(app), IClassFixture<SqliteJobsApp>;

public sealed class PostgresHangfireJobsTests(PostgresJobsApp app) : HangfireJobsTests<PostgresJobsApp>(app), IClassFixture<PostgresJobsApp>;
