using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Identity;
using WorkTrackr.Data.Organisations;
using WorkTrackr.Data.Resellers;
using WorkTrackr.Data.Services;
using WorkTrackr.Data.Tickets;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Operations;
using WorkTrackr.Web.Infrastructure.Pdf;
using WorkTrackr.Web.Infrastructure.Tenancy;

namespace WorkTrackr.Web.Features.Resellers;

/// <param name="RenewalsNext30Days">Customer services renewing in the next 30 days: a count and a value, never which ones.</param>
public sealed record CustomerOrganisation(Guid Id, string Name, OrganisationPlan Plan, OrganisationStatus Status, int ActiveUsers, decimal MonthlyValue,
    int OpenTickets, int RenewalsNext30Days, decimal RenewalsValue, DateOnly LinkedOn);

public sealed record MonthTotal(DateOnly Month, decimal Earned, bool Closed);

/// <param name="Ledger">The last twelve months' lines, newest first: the chart's totals are summed from them.</param>
public sealed record ResellerDashboard(Guid ResellerId, string Reseller, decimal Rate, IReadOnlyList<CustomerOrganisation> Customers,
    decimal ThisMonth, IReadOnlyList<MonthTotal> LastTwelveMonths, IReadOnlyList<CommissionLine> Ledger);

/// <summary>
/// What a reseller sees: the organisations linked to it now, with counts and values only (never their contacts, tickets
/// or services themselves), and its commission. The named cross-organisation read for resellers (docs/ARCHITECTURE.md,
/// tenancy): every query here is confined to the organisations linked to the caller's reseller.
/// A reseller user sees their own reseller; the Platform admin may look at any.
/// </summary>
public sealed class ResellerPortal(RecordOperations operations, CurrentUser currentUser, CommissionLedger ledger, TimeProvider clock,
    DocumentPrinter printer)
{
    /// <summary>The reseller the caller may see: their own, or (Platform admin) the one asked for; null when neither.</summary>
    private Guid? Allowed(Guid? resellerId) =>
        currentUser.IsInRole(Roles.PlatformAdmin) ? resellerId
        : currentUser.IsInRole(Roles.Reseller) && currentUser.ResellerId is { } own && (resellerId is null || resellerId == own) ? own
        : null;

    public Task<Result<ResellerDashboard>> DashboardAsync(Guid? resellerId = null, CancellationToken cancellationToken = default) =>
        operations.TryReadAsync(Capabilities.ViewResellers, (db, cancellationToken) => DashboardAsync(db, resellerId, cancellationToken), cancellationToken);

    private async Task<Result<ResellerDashboard>> DashboardAsync(WorkTrackrDbContext db, Guid? resellerId, CancellationToken cancellationToken)
    {
        if (Allowed(resellerId) is not { } id) return Result<ResellerDashboard>.From(Result.NotFound("The reseller"));
        var reseller = await db.Resellers.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (reseller is null) return Result<ResellerDashboard>.From(Result.NotFound("The reseller"));

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var links = await db.ResellerLinks.AsNoTracking().Where(l => l.ResellerId == id && l.UnlinkedOn == null)
            .Select(l => new { l.OrganisationId, l.LinkedOn, l.Organisation!.Name, l.Organisation.Plan, l.Organisation.Status }).ToListAsync(cancellationToken);
        var ids = links.Select(l => l.OrganisationId).ToList();
        var seats = await CommissionLedger.SeatsAsync(db, ids, cancellationToken);
        var prices = await db.PlanPrices.AsNoTracking().ToDictionaryAsync(p => p.Plan, cancellationToken);
        // Counts across the linked organisations only: the tenant filter is set aside by name, and the organisation list
        // in the WHERE clause is what confines it.
        var openTickets = await db.Tickets.IgnoreQueryFilters([WorkTrackrDbContext.TenantFilter])
            .Where(t => ids.Contains(t.OrganisationId) && t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed)
            .GroupBy(t => t.OrganisationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var until = today.AddDays(30);
        var renewals = await db.CustomerServices.IgnoreQueryFilters([WorkTrackrDbContext.TenantFilter])
            .Where(s => ids.Contains(s.OrganisationId) && s.IsActive && s.BillingCycle != BillingCycle.OneOff && s.RenewalDate >= today && s.RenewalDate <= until)
            .GroupBy(s => s.OrganisationId)
            .Select(g => new { g.Key, Count = g.Count(), Value = g.Sum(s => (double)(s.PriceOverride ?? s.Product!.Price) * s.Quantity) })
            .ToDictionaryAsync(g => g.Key, cancellationToken);

        var customers = links.Select(l => new CustomerOrganisation(l.OrganisationId, l.Name, l.Plan, l.Status, seats.GetValueOrDefault(l.OrganisationId),
                CommissionLedger.MonthlyValue(prices.GetValueOrDefault(l.Plan), seats.GetValueOrDefault(l.OrganisationId)),
                openTickets.GetValueOrDefault(l.OrganisationId), renewals.TryGetValue(l.OrganisationId, out var r) ? r.Count : 0,
                r is null ? 0m : Math.Round((decimal)r.Value, 2), l.LinkedOn))
            .OrderBy(c => c.Name).ToList();

        var current = ledger.CurrentMonth;
        var lines = await ledger.LinesAsync(db, id, current.AddMonths(-11), current, cancellationToken);
        var months = Enumerable.Range(0, 12).Select(i => current.AddMonths(i - 11))
            .Select(m => new MonthTotal(m, lines.Where(l => l.Month == m).Sum(l => l.Earned), m < current)).ToList();
        var rate = (await CommissionLedger.RatesOnAsync(db, today, cancellationToken)).GetValueOrDefault(id);
        return Result<ResellerDashboard>.Ok(new ResellerDashboard(id, reseller.Name, rate, customers, months[^1].Earned, months, lines));
    }

    /// <summary>The commission ledger: month by month, organisation by organisation, with status and paid date.</summary>
    public Task<Result<IReadOnlyList<CommissionLine>>> LedgerAsync(Guid? resellerId = null, int months = 12, CancellationToken cancellationToken = default) =>
        operations.TryReadAsync(Capabilities.ViewResellers, async (db, cancellationToken) =>
        {
            if (Allowed(resellerId) is not { } id) return Result<IReadOnlyList<CommissionLine>>.From(Result.NotFound("The reseller"));
            var current = ledger.CurrentMonth;
            return Result<IReadOnlyList<CommissionLine>>.Ok(await ledger.LinesAsync(db, id, current.AddMonths(1 - Math.Clamp(months, 1, 60)), current, cancellationToken));
        }, cancellationToken);

    /// <summary>A month's commission statement as a PDF, printed like invoices.</summary>
    public Task<Result<(byte[] Content, string FileName)>> StatementAsync(DateOnly month, Guid? resellerId = null, CancellationToken cancellationToken = default) =>
        operations.TryReadAsync(Capabilities.ViewResellers, (db, cancellationToken) => StatementAsync(db, month, resellerId, cancellationToken), cancellationToken);

    private async Task<Result<(byte[] Content, string FileName)>> StatementAsync(WorkTrackrDbContext db, DateOnly month, Guid? resellerId, CancellationToken cancellationToken)
    {
        if (Allowed(resellerId) is not { } id) return Result<(byte[], string)>.From(Result.NotFound("The reseller"));
        var first = Commission.MonthOf(month);
        if (first > ledger.CurrentMonth) return Result<(byte[], string)>.From(Result.Invalid("", "That month has not started yet."));
        var name = await db.Resellers.Where(r => r.Id == id).Select(r => r.Name).SingleOrDefaultAsync(cancellationToken);
        if (name is null) return Result<(byte[], string)>.From(Result.NotFound("The reseller"));
        var fileName = $"commission-{DateFormats.Format(first, DateFormats.IsoMonth)}.pdf";
        var closed = first < ledger.CurrentMonth;
        // A closed month's statement is made once and kept: every download is the same document, until the month is
        // paid (the statement says so), when it is made once more.
        var paid = closed && await IsPaidAsync(db, id, first, cancellationToken);
        var kept = closed ? await db.ResellerStatements.SingleOrDefaultAsync(s => s.ResellerId == id && s.Month == first, cancellationToken) : null;
        if (kept is not null && kept.Paid == paid) return Result<(byte[], string)>.Ok((kept.Content, fileName));
        var lines = await ledger.LinesAsync(db, id, first, first, cancellationToken);
        var title = $"Commission statement {DateFormats.Format(first, DateFormats.IsoMonth)} · {name}";
        var pdf = await printer.PrintAsync<StatementDocument>(new Dictionary<string, object?>
        {
            [nameof(StatementDocument.Reseller)] = name,
            [nameof(StatementDocument.Month)] = first,
            [nameof(StatementDocument.Lines)] = lines,
            [nameof(StatementDocument.Closed)] = closed,
        }, title, cancellationToken);
        // Kept with the paid state of the lines it shows, so a payment made while it printed is noticed at the next download.
        if (closed) pdf = await KeepAsync(db, kept, id, first, lines.Count > 0 && lines.All(l => l.Status == CommissionStatus.Paid), pdf, cancellationToken);
        return Result<(byte[], string)>.Ok((pdf, fileName));
    }

    private static async Task<bool> IsPaidAsync(WorkTrackrDbContext db, Guid resellerId, DateOnly month, CancellationToken cancellationToken)
    {
        var entries = db.CommissionEntries.Where(e => e.ResellerId == resellerId && e.Month == month);
        return await entries.AnyAsync(cancellationToken) && await entries.AllAsync(e => e.Status == CommissionStatus.Paid, cancellationToken);
    }

    /// <summary>Stores the statement (or replaces the kept one); when two downloads made it at once, the one stored first is kept, and returned.</summary>
    private async Task<byte[]> KeepAsync(WorkTrackrDbContext db, ResellerStatement? kept, Guid resellerId, DateOnly month, bool paid, byte[] pdf,
        CancellationToken cancellationToken)
    {
        var statement = kept ?? db.ResellerStatements.Add(new ResellerStatement { ResellerId = resellerId, Month = month, Content = pdf }).Entity;
        (statement.Content, statement.Paid, statement.CreatedAt) = (pdf, paid, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return pdf;
        }
        catch (DbUpdateException exception) when (DbErrors.IsUniqueViolation(exception))
        {
            db.Entry(statement).State = EntityState.Detached;
            return await db.ResellerStatements.AsNoTracking().Where(s => s.ResellerId == resellerId && s.Month == month).Select(s => s.Content).SingleOrDefaultAsync(cancellationToken) ?? pdf;
        }
    }
}
