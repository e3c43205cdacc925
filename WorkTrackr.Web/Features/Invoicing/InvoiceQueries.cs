using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Invoicing;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Operations;

namespace WorkTrackr.Web.Features.Invoicing;

/// <summary>The organisation's invoices as the list and the invoice page show them.</summary>
public sealed class InvoiceQueries(RecordOperations operations)
{
    public const int MaxPageSize = 200;

    public Task<Result<InvoiceResults>> SearchAsync(InvoiceQuery query, CancellationToken cancellationToken = default) =>
        operations.ReadAsync(Capabilities.ViewInvoices, async (db, cancellationToken) =>
        {
            var invoices = Filter(db, query);
            var total = await invoices.CountAsync(cancellationToken);
            // SQLite cannot sum decimals; every total is already whole cents, so summing doubles and rounding is exact enough.
            var outstanding = await invoices.Where(i => i.Status == InvoiceStatus.Issued || i.Status == InvoiceStatus.Overdue)
                .SumAsync(i => (double)i.Total, cancellationToken);
            var items = await invoices
                .OrderBy(i => i.Status == InvoiceStatus.Draft ? 0 : 1).ThenByDescending(i => i.IssueDate).ThenByDescending(i => i.Number).ThenBy(i => i.Id)
                .Skip(Math.Max(query.Skip, 0)).Take(Math.Clamp(query.Take, 1, MaxPageSize))
                .Select(i => new InvoiceListItem(i.Id, i.Number, i.ContactId, i.BillToName ?? i.Contact!.Name, i.IssueDate, i.DueDate, i.Status, i.Total))
                .ToListAsync(cancellationToken);
            var currency = await db.Organisations.Where(o => o.Id == db.CurrentOrganisationId).Select(o => o.Currency).SingleAsync(cancellationToken);
            return new InvoiceResults(items, total, Money.Round((decimal)outstanding), currency);
        }, cancellationToken);

    public Task<Result<InvoiceDetails>> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        operations.TryReadAsync(Capabilities.ViewInvoices, async (db, cancellationToken) =>
            await InvoiceDocuments.LoadAsync(db, id, cancellationToken) is { } details
                ? Result<InvoiceDetails>.Ok(details)
                : Result<InvoiceDetails>.From(Result.NotFound(Invoices.What)), cancellationToken);

    private static IQueryable<Invoice> Filter(WorkTrackrDbContext db, InvoiceQuery query)
    {
        var invoices = db.Invoices.AsNoTracking();
        invoices = query.Status switch
        {
            InvoiceStatusFilter.Draft => invoices.Where(i => i.Status == InvoiceStatus.Draft),
            InvoiceStatusFilter.Outstanding => invoices.Where(i => i.Status == InvoiceStatus.Issued || i.Status == InvoiceStatus.Overdue),
            InvoiceStatusFilter.Overdue => invoices.Where(i => i.Status == InvoiceStatus.Overdue),
            InvoiceStatusFilter.Paid => invoices.Where(i => i.Status == InvoiceStatus.Paid),
            InvoiceStatusFilter.Void => invoices.Where(i => i.Status == InvoiceStatus.Void),
            _ => invoices,
        };
        if (query.From is { } from) invoices = invoices.Where(i => i.IssueDate >= from);
        if (query.To is { } to) invoices = invoices.Where(i => i.IssueDate <= to);
        if (query.ContactId is { } contactId) invoices = invoices.Where(i => i.ContactId == contactId);
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var pattern = LikePattern.Containing(query.Text.Trim().ToLowerInvariant());
            #pragma warning disable CA1304, CA1311 // EF Core turns ToLower() into SQL lower(); these rules are about .NET string code (see dotnet/efcore#21758).
            invoices = invoices.Where(i => EF.Functions.Like(i.Number!.ToLower(), pattern, LikePattern.Escape)
                || EF.Functions.Like((i.BillToName ?? i.Contact!.Name).ToLower(), pattern, LikePattern.Escape));
            #pragma warning restore CA1304, CA1311
        }
        return invoices;
    }
}
