using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Invoicing;
using WorkTrackr.Data.Organisations;
using WorkTrackr.Web.Infrastructure.Jobs;
using TimeZones = WorkTrackr.Web.Infrastructure.TimeZones.TimeZones;

namespace WorkTrackr.Web.Features.Invoicing;

/// <summary>Renders queued invoice PDFs: claims each due row, renders it in its organisation, stores it or records the failure.</summary>
public sealed partial class InvoicePdfWorker(JobDatabase database, InvoicePdf pdf, TimeProvider clock, ILogger<InvoicePdfWorker> logger)
{
    public const int BatchSize = 20;

    /// <summary>Renders what is due now, a batch at a time until none is left; returns how many PDFs were stored.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var stored = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            List<(Guid Id, Guid OrganisationId, int Attempts)> due;
            await using (var sweep = database.Platform())
            {
                var now = clock.GetUtcNow().UtcDateTime;
                due = (await WorkQueue.Due(database.AcrossOrganisations<InvoiceDocument>(sweep), now)
                        .OrderBy(d => d.NextAttemptAt).Take(BatchSize)
                        .Select(d => new { d.Id, d.OrganisationId, d.Attempts }).ToListAsync(cancellationToken))
                    .Select(d => (d.Id, d.OrganisationId, d.Attempts)).ToList();
            }
            if (due.Count == 0) break;
            var results = await Task.WhenAll(due.Select(d => RenderOneAsync(d.Id, d.OrganisationId, d.Attempts, cancellationToken)));
            stored += results.Count(r => r);
            if (due.Count < BatchSize) break;
        }
        return stored;
    }

    private async Task<bool> RenderOneAsync(Guid id, Guid organisationId, int attempts, CancellationToken cancellationToken)
    {
        await using var db = database.For(organisationId);
        if (await WorkQueue.ClaimAsync(db.InvoiceDocuments, id, attempts, clock.GetUtcNow().UtcDateTime, cancellationToken) is not { } claim) return false;
        bool stored;
        try
        {
            var invoiceId = await db.InvoiceDocuments.Where(d => d.Id == id).Select(d => d.InvoiceId).SingleAsync(cancellationToken);
            var invoice = await InvoiceDocuments.LoadAsync(db, invoiceId, cancellationToken, embedLogo: true)
                ?? throw new InvalidOperationException("The invoice is gone.");
            var content = await pdf.RenderAsync(invoice, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            stored = await WorkQueue.Held(db.InvoiceDocuments, claim).ExecuteUpdateAsync(d => d
                .SetProperty(x => x.State, WorkState.Done)
                .SetProperty(x => x.Content, content)
                .SetProperty(x => x.LeaseUntil, (DateTime?)null)
                .SetProperty(x => x.LastError, (string?)null)
                .SetProperty(x => x.CompletedAt, now)
                .SetProperty(x => x.UpdatedAt, now), cancellationToken) == 1;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(logger, exception, id, claim.Attempt);
            await WorkQueue.FailAsync(db.InvoiceDocuments, claim, exception.Message, clock.GetUtcNow().UtcDateTime, CancellationToken.None);
            stored = false;
        }
        // A bulk update raises no change stamp by itself; an open invoice page waits for one to show the PDF's new state.
        await ChangeStampInterceptor.RaiseAsync(db, organisationId, CancellationToken.None);
        return stored;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Invoice PDF {Document} failed on attempt {Attempt}")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid document, int attempt);
}

/// <summary>Marks issued invoices overdue once their due date has passed in their organisation's time zone.</summary>
public sealed class OverdueInvoices(JobDatabase database, TimeProvider clock)
{
    /// <summary>Returns how many invoices became overdue. Running it twice changes nothing more.</summary>
    public async Task<int> MarkAsync(CancellationToken cancellationToken = default)
    {
        List<(Guid Id, string TimeZoneId)> organisations;
        await using (var platform = database.Platform())
        {
            organisations = (await platform.Organisations.AsNoTracking().Where(o => o.Status == OrganisationStatus.Active)
                .Select(o => new { o.Id, o.TimeZoneId }).ToListAsync(cancellationToken)).Select(o => (o.Id, o.TimeZoneId)).ToList();
        }
        var marked = 0;
        foreach (var (id, timeZoneId) in organisations)
        {
            var today = TimeZones.Today(clock, timeZoneId);
            var now = clock.GetUtcNow().UtcDateTime;
            await using var db = database.For(id);
            marked += await db.Invoices.Where(i => i.Status == InvoiceStatus.Issued && i.DueDate < today)
                .ExecuteUpdateAsync(i => i.SetProperty(x => x.Status, InvoiceStatus.Overdue).SetProperty(x => x.UpdatedAt, now), cancellationToken);
        }
        return marked;
    }
}

public sealed class InvoicePdfJob(InvoicePdfWorker worker, JobDatabase database, TimeProvider clock, ILogger<InvoicePdfJob> logger) : RecordedJob(database, clock, logger)
{
    public static readonly JobDefinition Job = new("invoice-pdfs", "Invoice PDFs", TimeSpan.FromSeconds(30));

    protected override string Name => Job.Name;
    protected override Task<int> RunAsync(Guid? organisationId, CancellationToken cancellationToken) => worker.SweepAsync(cancellationToken);
}

public sealed class OverdueInvoicesJob(OverdueInvoices overdue, JobDatabase database, TimeProvider clock, ILogger<OverdueInvoicesJob> logger) : RecordedJob(database, clock, logger)
{
    public static readonly JobDefinition Job = new("overdue-invoices", "Overdue invoices", TimeSpan.FromMinutes(15));

    protected override string Name => Job.Name;
    protected override Task<int> RunAsync(Guid? organisationId, CancellationToken cancellationToken) => overdue.MarkAsync(cancellationToken);
}
