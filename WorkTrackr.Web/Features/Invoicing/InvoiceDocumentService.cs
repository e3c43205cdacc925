using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Invoicing;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Jobs;
using WorkTrackr.Web.Infrastructure.Operations;

namespace WorkTrackr.Web.Features.Invoicing;

/// <summary>An issued invoice's PDF: downloaded when ready, and made again on an Admin's request.</summary>
public sealed class InvoiceDocumentService(RecordOperations operations, IDbContextFactory<WorkTrackrDbContext> dbFactory, TimeProvider clock, IJobTrigger jobs)
{
    /// <summary>Renders the PDF again (Admins): after a fix to the template, or when rendering failed for good.</summary>
    public async Task<Result> RegenerateAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var regenerate = new Change<Invoice>(Capabilities.ManageOrganisation, id)
        {
            What = Invoices.What,
            Validate = op => Steps.Check((op.Row.Status == InvoiceStatus.Draft, "", "A draft has no PDF; issue it first.")),
            // The invoice itself is not changed: its PDF row is queued again, or made if it never was.
            Apply = async op =>
            {
                if (!await InvoiceDocuments.RequeueAsync(op.Db, id, clock.GetUtcNow().UtcDateTime, op.CancellationToken))
                    InvoiceDocuments.Queue(op.Db, id, clock.GetUtcNow().UtcDateTime);
            },
            AfterCommit = _ => jobs.RunNowAsync(InvoicePdfJob.Job),
        };
        var result = await operations.ChangeAsync(regenerate, cancellationToken);
        // The invoice has one PDF row, so someone queueing it at the same moment is refused by its unique index and
        // answered as a conflict: it is queued either way.
        if (result.Status != ResultStatus.Conflict || !await IsQueuedAsync(id, cancellationToken)) return result;
        await jobs.RunNowAsync(InvoicePdfJob.Job);
        return Result.Ok();
    }

    /// <summary>The stored PDF, when it is ready.</summary>
    public Task<Result<(byte[] Content, string FileName)>> DownloadAsync(Guid id, CancellationToken cancellationToken = default) =>
        operations.TryReadAsync(Capabilities.ViewInvoices, async (db, cancellationToken) =>
        {
            var document = await db.InvoiceDocuments.AsNoTracking().Where(d => d.InvoiceId == id)
                .Select(d => new { d.State, d.Content, d.Invoice!.Number }).SingleOrDefaultAsync(cancellationToken);
            return document is { State: WorkState.Done, Content: not null }
                ? Result<(byte[], string)>.Ok((document.Content, $"{document.Number}.pdf"))
                : Result<(byte[], string)>.From(Result.NotFound("The invoice's PDF"));
        }, cancellationToken);

    /// <summary>The organisation's logo, as its invoices show it; not found when it has none.</summary>
    public Task<Result<(byte[] Content, string ContentType)>> LogoAsync(CancellationToken cancellationToken = default) =>
        operations.TryReadAsync(Capabilities.ViewInvoices, async (db, cancellationToken) =>
            await db.OrganisationLogos.AsNoTracking().Select(l => new { l.Content, l.ContentType }).SingleOrDefaultAsync(cancellationToken) is { } logo
                ? Result<(byte[], string)>.Ok((logo.Content, logo.ContentType))
                : Result<(byte[], string)>.From(Result.NotFound("Your organisation's logo")), cancellationToken);

    private async Task<bool> IsQueuedAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.InvoiceDocuments.AnyAsync(d => d.InvoiceId == id, cancellationToken);
    }
}
