using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Invoicing;

namespace WorkTrackr.Web.Features.Invoicing;

/// <summary>What the invoice page, its preview and the PDF job share: the invoice as shown, and its PDF's queue row.</summary>
public static class InvoiceDocuments
{
    /// <summary>The address of the organisation's logo for the invoice page's preview (<see cref="InvoicingModule"/>).</summary>
    public const string LogoPath = "invoices/logo";

    /// <summary>
    /// The invoice with its lines, tax bands, sender and PDF state, in the context's organisation; null when not there.
    /// <paramref name="embedLogo"/> puts the logo's bytes in the sender, for a PDF (printed from HTML alone); otherwise the
    /// sender names <see cref="LogoPath"/>, so a page's circuit does not hold the file.
    /// </summary>
    public static async Task<InvoiceDetails?> LoadAsync(WorkTrackrDbContext db, Guid id, CancellationToken cancellationToken, bool embedLogo = false)
    {
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Lines).Include(i => i.Contact).Include(i => i.Ticket)
            .SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invoice is null) return null;
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == invoice.OrganisationId, cancellationToken);
        var logoUri = embedLogo
            ? await db.OrganisationLogos.AsNoTracking().Select(l => new { l.ContentType, l.Content }).SingleOrDefaultAsync(cancellationToken) is { } logo
                ? $"data:{logo.ContentType};base64,{Convert.ToBase64String(logo.Content)}" : null
            : await db.OrganisationLogos.AsNoTracking().Select(l => (DateTime?)l.UpdatedAt).SingleOrDefaultAsync(cancellationToken) is { } changed
                // The change time in the address: a new logo is a new address, so a cached old one is never shown.
                ? LogoPath + QueryString.Create("v", changed.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;
        var document = await db.InvoiceDocuments.AsNoTracking().Where(d => d.InvoiceId == id)
            .Select(d => new { d.State, d.Attempts, d.LastError, d.CompletedAt }).SingleOrDefaultAsync(cancellationToken);

        var lines = invoice.Lines.OrderBy(l => l.Position).ToList();
        var draft = invoice.Status == InvoiceStatus.Draft;
        return new InvoiceDetails(
            invoice.Id, invoice.Version, invoice.Number, invoice.Status, invoice.ContactId,
            draft ? invoice.Contact!.Name : invoice.BillToName ?? invoice.Contact!.Name,
            draft ? invoice.Contact!.BillingAddress : invoice.BillToAddress,
            invoice.TicketId, invoice.Ticket?.Number, invoice.IssueDate, invoice.DueDate, invoice.PaymentTermsDays,
            invoice.PaidOn, invoice.VoidedAt, invoice.VoidReason, invoice.Notes,
            lines.Select(l => new InvoiceLineView(l.ProductId, l.CustomerServiceId, l.PeriodStart, l.PeriodEnd, l.Description, l.Quantity, l.UnitPrice,
                l.TaxRate, l.NetAmount, l.TaxAmount)).ToList(),
            InvoiceTotals.Of(lines),
            lines.GroupBy(l => l.TaxRate).OrderBy(g => g.Key)
                .Select(g => new TaxBand(g.Key, g.Sum(l => l.NetAmount), g.Sum(l => l.TaxAmount))).ToList(),
            new InvoiceSender(organisation.Name, organisation.Currency, organisation.DefaultTaxRate)
            {
                LegalName = organisation.LegalName, Address = organisation.Address, TaxNumber = organisation.TaxNumber,
                Email = organisation.InvoiceEmail, Phone = organisation.InvoicePhone, LogoUri = logoUri,
            },
            document is null
                ? new InvoiceDocumentState(DocumentStatus.None, 0, null, null)
                : new InvoiceDocumentState(document.State switch
                {
                    WorkState.Done => DocumentStatus.Ready,
                    WorkState.Failed => DocumentStatus.Failed,
                    _ => DocumentStatus.Pending,
                }, document.Attempts, document.LastError, document.CompletedAt));
    }

    /// <summary>Adds the invoice's PDF to the queue, due now; saved with the caller's changes.</summary>
    public static void Queue(WorkTrackrDbContext db, Guid invoiceId, DateTime now) =>
        db.InvoiceDocuments.Add(new InvoiceDocument { InvoiceId = invoiceId, NextAttemptAt = now });

    /// <summary>Puts the invoice's PDF row, if it has one, back in the queue as part of the caller's next save.</summary>
    public static async Task RequeueTrackedAsync(WorkTrackrDbContext db, Guid invoiceId, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.InvoiceDocuments.SingleOrDefaultAsync(d => d.InvoiceId == invoiceId, cancellationToken) is not { } document) return;
        (document.State, document.Attempts, document.NextAttemptAt, document.LeaseUntil, document.LastError) = (WorkState.Pending, 0, now, null, null);
    }

    /// <summary>Puts an existing PDF row back in the queue with fresh attempts; false when the invoice has none.</summary>
    public static async Task<bool> RequeueAsync(WorkTrackrDbContext db, Guid invoiceId, DateTime now, CancellationToken cancellationToken) =>
        await db.InvoiceDocuments.Where(d => d.InvoiceId == invoiceId).ExecuteUpdateAsync(d => d
            .SetProperty(x => x.State, WorkState.Pending)
            .SetProperty(x => x.Attempts, 0)
            .SetProperty(x => x.NextAttemptAt, now)
            .SetProperty(x => x.LeaseUntil, (DateTime?)null)
            .SetProperty(x => x.LastError, (string?)null)
            .SetProperty(x => x.UpdatedAt, now), cancellationToken) > 0;
}
