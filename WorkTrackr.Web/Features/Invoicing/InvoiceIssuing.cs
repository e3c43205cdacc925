using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Invoicing;
using WorkTrackr.Web.Features.Common;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Jobs;
using WorkTrackr.Web.Infrastructure.Operations;

namespace WorkTrackr.Web.Features.Invoicing;

/// <summary>
/// Issuing a draft: it takes the next number of this year's series (gapless), is dated and frozen, and its PDF is queued,
/// all in one transaction.
/// </summary>
public sealed class InvoiceIssuing(RecordOperations operations, IDbContextFactory<WorkTrackrDbContext> dbFactory, TimeProvider clock, IJobTrigger jobs)
{
    /// <summary>
    /// Issues a draft: the next number of this year's series is taken inside the transaction that saves the invoice, so
    /// concurrent issues queue on the series and a failed issue gives its number back. The PDF is queued with it.
    /// </summary>
    public Task<Result<string>> IssueAsync(Guid id, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        var today = default(DateOnly);
        var series = "";
        var sequence = 0;
        return operations.ChangeAsync(new Change<Invoice>(Capabilities.ManageInvoices, id)
        {
            What = Invoices.What,
            // The series row is made, if this is the year's first, on a context of its own before the transaction.
            Prepare = async cancellationToken =>
            {
                await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
                    today = await Invoices.TodayAsync(db, clock, cancellationToken);
                series = Invoice.SeriesFor(today.Year);
                await Numbering.EnsureAsync(dbFactory, series, db => HighestNumberAsync(db, today.Year), cancellationToken);
            },
            InTransaction = true,
            // The number first: taking it locks the series, so a second issue of the same draft waits here and then reads
            // the invoice as the first one left it. Any refusal below rolls back and gives the number back.
            BeforeLoad = async (db, cancellationToken) => sequence = await Numbering.NextAsync(db, series, cancellationToken),
            Query = db => db.Invoices.Include(i => i.Lines).Include(i => i.Contact),
            ExpectedVersion = expectedVersion,
            Validate = op => op.Row.Status != InvoiceStatus.Draft
                ? Steps.Errors(Invoices.NotADraft(op.Row))
                : Steps.Check((op.Row.Lines.Count == 0, "", "Add at least one line before issuing.")),
            Apply = Steps.Do<Invoice>(op =>
            {
                var invoice = op.Row;
                invoice.Number = Invoice.FormatNumber(today.Year, sequence);
                invoice.Status = InvoiceStatus.Issued;
                invoice.IssueDate = today;
                invoice.DueDate = today.AddDays(invoice.PaymentTermsDays);
                invoice.BillToName = invoice.Contact!.Name;
                invoice.BillToAddress = invoice.Contact.BillingAddress;
                invoice.Recalculate();
                InvoiceDocuments.Queue(op.Db, invoice.Id, clock.GetUtcNow().UtcDateTime);
            }),
            AfterCommit = _ => jobs.RunNowAsync(InvoicePdfJob.Job),
        }, invoice => invoice.Number!, cancellationToken: cancellationToken);
    }

    private static async Task<int> HighestNumberAsync(WorkTrackrDbContext db, int year)
    {
        var prefix = Invoice.FormatNumber(year, 0)[..^4];
        var numbers = await db.Invoices.Where(i => i.Number != null && i.Number.StartsWith(prefix)).Select(i => i.Number!).ToListAsync();
        return numbers.Select(n => int.TryParse(n[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0).DefaultIfEmpty(0).Max();
    }
}
