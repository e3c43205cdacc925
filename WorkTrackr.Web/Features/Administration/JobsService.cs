using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Invoicing;
using WorkTrackr.Data.Notifications;
using WorkTrackr.Web.Features.Invoicing;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Email;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Jobs;
using WorkTrackr.Web.Infrastructure.Operations;
using WorkTrackr.Web.Infrastructure.Tenancy;

namespace WorkTrackr.Web.Features.Administration;

public sealed record JobView(string Name, string Description, TimeSpan Every, DateTime? LastCheckAt, DateTime? NextCheckAt);

/// <param name="Processed">How many rows the run handled; shown to the Platform admin, and to an Admin for runs they asked for.</param>
public sealed record JobRunView(string Job, DateTime StartedAt, int DurationMs, bool Succeeded, int? Processed, string? Error);

public enum WorkKind { InvoicePdf, Email }

public sealed record WorkItemView(WorkKind Kind, Guid Id, string What, WorkState State, int Attempts, DateTime NextAttemptAt, string? Error, string? Link);

public sealed record JobsOverview(bool Running, IReadOnlyList<JobView> Jobs, IReadOnlyList<JobRunView> Runs, IReadOnlyList<WorkItemView> Items, bool AllOrganisations);

/// <summary>
/// The jobs page: each job's schedule, recent runs, and queued work that is waiting or failed, with run-now and retry.
/// An Admin sees their organisation's work; the Platform admin sees all of it (the one cross-organisation read here,
/// through <see cref="JobDatabase.AcrossOrganisations{T}"/>).
/// </summary>
public sealed class JobsService(RecordOperations operations, JobDatabase database, CurrentUser currentUser, JobStorage storage, JobCatalog catalog, IJobTrigger jobs,
    TimeProvider clock)
{
    public const int RunsShown = 30;
    public const int ItemsShown = 100;

    private bool Platform => currentUser.IsInRole(Data.Identity.Roles.PlatformAdmin);

    /// <summary>The jobs' schedules and recent runs, and the work in view: JobDatabase's contexts, not the caller's, are read.</summary>
    public Task<Result<JobsOverview>> OverviewAsync(CancellationToken cancellationToken = default) =>
        operations.AllowedAsync(Capabilities.ViewJobs, OverviewCoreAsync, cancellationToken);

    private async Task<Result<JobsOverview>> OverviewCoreAsync(CancellationToken cancellationToken)
    {
        var (running, schedule) = await ScheduleAsync(cancellationToken);

        await using var platform = database.Platform();
        var runs = await platform.JobRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(RunsShown).ToListAsync(cancellationToken);
        var runViews = runs.Select(r => new JobRunView(r.Job, r.StartedAt, r.DurationMs, r.Succeeded, Platform ? r.Processed : null, Platform ? r.Error : null)).ToList();

        var items = new List<WorkItemView>();
        if (Platform)
        {
            items.AddRange(await DocumentsAsync(database.AcrossOrganisations<InvoiceDocument>(platform), cancellationToken));
            items.AddRange(await EmailsAsync(platform.EmailMessages.AsNoTracking(), cancellationToken));
        }
        else
        {
            var organisationId = currentUser.OrganisationId!.Value;
            await using var own = database.For(organisationId);
            items.AddRange(await DocumentsAsync(own.InvoiceDocuments.AsNoTracking(), cancellationToken));
            items.AddRange(await EmailsAsync(own.EmailMessages.AsNoTracking().Where(m => m.OrganisationId == organisationId), cancellationToken));
        }
        return Result<JobsOverview>.Ok(new JobsOverview(running, schedule, runViews,
            items.OrderBy(i => i.State == WorkState.Failed ? 0 : 1).ThenBy(i => i.NextAttemptAt).ToList(), Platform));
    }

    private static async Task<List<WorkItemView>> DocumentsAsync(IQueryable<InvoiceDocument> documents, CancellationToken cancellationToken) =>
        (await documents.Where(d => d.State != WorkState.Done).OrderByDescending(d => d.UpdatedAt).Take(ItemsShown)
            .Select(d => new { d.Id, d.InvoiceId, d.Invoice!.Number, d.State, d.Attempts, d.NextAttemptAt, d.LastError }).ToListAsync(cancellationToken))
        .Select(d => new WorkItemView(WorkKind.InvoicePdf, d.Id, $"PDF of {d.Number}", d.State, d.Attempts, d.NextAttemptAt, d.LastError, $"invoices/{d.InvoiceId}")).ToList();

    private static async Task<List<WorkItemView>> EmailsAsync(IQueryable<EmailMessage> emails, CancellationToken cancellationToken) =>
        (await emails.Where(m => m.State != WorkState.Done).OrderByDescending(m => m.UpdatedAt).Take(ItemsShown)
            .Select(m => new { m.Id, m.To, m.Subject, m.State, m.Attempts, m.NextAttemptAt, m.LastError }).ToListAsync(cancellationToken))
        .Select(m => new WorkItemView(WorkKind.Email, m.Id, $"“{m.Subject}” to {m.To}", m.State, m.Attempts, m.NextAttemptAt, m.LastError, null)).ToList();

    /// <summary>
    /// Each sweep's schedule as Hangfire keeps it, and whether any Hangfire server (on this node or another sharing the
    /// storage) is alive to run it.
    /// </summary>
    private async Task<(bool Running, IReadOnlyList<JobView> Jobs)> ScheduleAsync(CancellationToken cancellationToken) =>
        await Task.Run(() =>
        {
            var running = storage.GetMonitoringApi().Servers().Count > 0;
            using var connection = storage.GetConnection();
            var recurring = connection.GetRecurringJobs([.. catalog.Names]).ToDictionary(j => j.Id);
            IReadOnlyList<JobView> views = catalog.All.Select(job =>
            {
                var schedule = recurring.GetValueOrDefault(job.Name);
                return new JobView(job.Name, job.Description, catalog.Every[job.Name], schedule?.LastExecution, running ? schedule?.NextExecution : null);
            }).ToList();
            return (running, views);
        }, cancellationToken); // Hangfire's storage API is synchronous; keep it off the circuit's thread.

    /// <summary>Runs a job now. For an Admin, renewal reminders run for their organisation only, at any hour.</summary>
    public async Task<Result> RunNowAsync(string job) =>
        await operations.AllowedAsync(Capabilities.ViewJobs, async _ =>
        {
            if (!catalog.Contains(job)) return Result<bool>.From(Result.NotFound("The job"));
            await jobs.RunNowAsync(job, manual: true, organisationId: Platform ? null : currentUser.OrganisationId);
            return Result<bool>.Ok(true);
        });

    /// <summary>Puts failed work back in the queue with fresh attempts: one item, or (with no id) every failed item in view.</summary>
    public Task<Result<int>> RetryAsync(WorkKind? kind = null, Guid? id = null, CancellationToken cancellationToken = default) =>
        operations.AllowedAsync(Capabilities.ViewJobs, cancellationToken => RetryCoreAsync(kind, id, cancellationToken), cancellationToken);

    private async Task<Result<int>> RetryCoreAsync(WorkKind? kind, Guid? id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var retried = 0;
        await using var platform = database.Platform();
        var organisationId = currentUser.OrganisationId;
        await using var own = Platform ? null : database.For(organisationId!.Value);
        if (kind is null or WorkKind.InvoicePdf)
        {
            var documents = Platform ? database.AcrossOrganisations<InvoiceDocument>(platform) : own!.InvoiceDocuments;
            retried += await WorkQueue.RetryAsync(id is { } d ? documents.Where(x => x.Id == d) : documents, now, cancellationToken);
        }
        if (kind is null or WorkKind.Email)
        {
            var emails = Platform ? platform.EmailMessages : own!.EmailMessages.Where(m => m.OrganisationId == organisationId);
            retried += await WorkQueue.RetryAsync(id is { } e ? emails.Where(x => x.Id == e) : emails, now, cancellationToken);
        }
        if (retried > 0)
        {
            await jobs.RunNowAsync(InvoicePdfJob.Job);
            await jobs.RunNowAsync(EmailJob.Job);
        }
        return Result<int>.Ok(retried);
    }
}
