using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Organisations;
using WorkTrackr.Data.Resellers;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Jobs;

namespace WorkTrackr.Web.Features.Resellers;

/// <summary>One organisation's line of a reseller's month.</summary>
public sealed record CommissionLine(Guid OrganisationId, string Organisation, DateOnly Month, int LinkedDays, int Seats, decimal MonthlyValue,
    decimal Earned, CommissionStatus Status, DateOnly? PaidOn, bool Closed);

/// <summary>
/// A reseller's commission, month by month and organisation by organisation. Closed months (before the current one)
/// are computed once, when first asked for, and kept (<see cref="CommissionEntry"/>): later changes to seats or
/// prices never rewrite them. The current month is computed live and marked provisional.
/// This is one of the named cross-organisation reads (docs/ARCHITECTURE.md, tenancy): it counts organisations' active users,
/// which are platform-level rows, and touches no organisation-owned data.
/// It opens no context and checks no capability: its steps run on the context of the operation that asks (the reseller
/// portal's reads, the Platform admin's payouts), which checked the caller's; only the monthly job, with no one signed
/// in, closes months on a platform context of its own (<see cref="CloseAllAsync"/>).
/// </summary>
public sealed class CommissionLedger(JobDatabase database, TimeProvider clock)
{
    public DateOnly CurrentMonth => Commission.MonthOf(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

    /// <summary>The reseller's lines for the months from <paramref name="from"/> to <paramref name="to"/> (first days), newest first.</summary>
    public async Task<IReadOnlyList<CommissionLine>> LinesAsync(WorkTrackrDbContext db, Guid resellerId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await CloseMonthsAsync(db, resellerId, cancellationToken);
        var names = await db.ResellerLinks.Where(l => l.ResellerId == resellerId).Select(l => new { l.OrganisationId, l.Organisation!.Name })
            .Distinct().ToDictionaryAsync(o => o.OrganisationId, o => o.Name, cancellationToken);
        var closed = await db.CommissionEntries.AsNoTracking()
            .Where(e => e.ResellerId == resellerId && e.Month >= from && e.Month <= to).ToListAsync(cancellationToken);
        var lines = closed.Select(e => new CommissionLine(e.OrganisationId, names.GetValueOrDefault(e.OrganisationId, "?"), e.Month, e.LinkedDays, e.Seats,
            e.MonthlyValue, e.Earned, e.Status, e.PaidOn, Closed: true)).ToList();
        if (CurrentMonth >= from && CurrentMonth <= to)
        {
            lines.AddRange((await ComputeAsync(db, resellerId, CurrentMonth, cancellationToken)).Select(e => new CommissionLine(e.OrganisationId,
                names.GetValueOrDefault(e.OrganisationId, "?"), e.Month, e.LinkedDays, e.Seats, e.MonthlyValue, e.Earned, CommissionStatus.Pending, null, Closed: false)));
        }
        return lines.OrderByDescending(l => l.Month).ThenBy(l => l.Organisation).ToList();
    }

    /// <summary>
    /// Stores every closed month since the reseller's first link that has no entries yet. It saves on <paramref name="db"/>,
    /// so it runs before the operation tracks changes of its own, and outside a transaction (on PostgreSQL a refused row
    /// would end it).
    /// </summary>
    public async Task CloseMonthsAsync(WorkTrackrDbContext db, Guid resellerId, CancellationToken cancellationToken = default)
    {
        var firstLink = await db.ResellerLinks.Where(l => l.ResellerId == resellerId).MinAsync(l => (DateOnly?)l.LinkedOn, cancellationToken);
        if (firstLink is null) return;
        var done = (await db.CommissionEntries.Where(e => e.ResellerId == resellerId).Select(e => e.Month).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var open = MonthsBetween(Commission.MonthOf(firstLink.Value), CurrentMonth.AddMonths(-1)).Where(m => !done.Contains(m)).ToList();
        if (open.Count == 0) return;
        var added = new List<CommissionEntry>();
        foreach (var month in open)
        {
            // A month in which nothing was linked stores no lines; it is computed again (to nothing) when next asked.
            added.AddRange((await ComputeAsync(db, resellerId, month, cancellationToken)).Where(e => e.LinkedDays > 0));
        }
        db.CommissionEntries.AddRange(added);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (DbErrors.IsUniqueViolation(exception))
        {
            // Another request closed the same months at the same moment; theirs stand, and the context forgets ours.
            foreach (var entry in added) db.Entry(entry).State = EntityState.Detached;
        }
    }

    private static List<DateOnly> MonthsBetween(DateOnly first, DateOnly last)
    {
        var months = new List<DateOnly>();
        for (var month = first; month <= last; month = month.AddMonths(1)) months.Add(month);
        return months;
    }

    /// <summary>The month's figures for every organisation linked to the reseller at some point in it.</summary>
    private static async Task<List<CommissionEntry>> ComputeAsync(WorkTrackrDbContext db, Guid resellerId, DateOnly month, CancellationToken cancellationToken)
    {
        var next = month.AddMonths(1);
        var links = await db.ResellerLinks.AsNoTracking()
            .Where(l => l.ResellerId == resellerId && l.LinkedOn < next && (l.UnlinkedOn == null || l.UnlinkedOn > month)).ToListAsync(cancellationToken);
        if (links.Count == 0) return [];
        var organisationIds = links.Select(l => l.OrganisationId).Distinct().ToList();
        var rates = (await db.ResellerRates.AsNoTracking().Where(r => r.ResellerId == resellerId).ToListAsync(cancellationToken))
            .Select(r => (r.EffectiveFrom, r.Rate)).ToList();
        var plans = (await db.OrganisationPlanChanges.AsNoTracking().Where(c => organisationIds.Contains(c.OrganisationId)).ToListAsync(cancellationToken))
            .ToLookup(c => c.OrganisationId, c => (c.EffectiveFrom, c.Plan));
        var current = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Plan, cancellationToken);
        var prices = await db.PlanPrices.AsNoTracking().ToDictionaryAsync(p => p.Plan, cancellationToken);
        var seats = await SeatsAsync(db, organisationIds, cancellationToken);

        return organisationIds.Select(id =>
        {
            // An organisation without plan history (made before it was kept) is on its current plan throughout.
            var history = plans[id].ToList() is { Count: > 0 } changes ? changes : [(DateOnly.MinValue, current[id])];
            var figure = Commission.ForMonth(month, links.Where(l => l.OrganisationId == id).Select(l => (l.LinkedOn, l.UnlinkedOn)), rates, history, prices, seats.GetValueOrDefault(id));
            return new CommissionEntry
            {
                ResellerId = resellerId, OrganisationId = id, Month = month, LinkedDays = figure.LinkedDays, Seats = seats.GetValueOrDefault(id),
                MonthlyValue = figure.MonthlyValue, Earned = figure.Earned, Status = CommissionStatus.Pending,
            };
        }).ToList();
    }

    /// <summary>Active users per organisation: the seats its plan charges for.</summary>
    public static async Task<Dictionary<Guid, int>> SeatsAsync(WorkTrackrDbContext db, IReadOnlyCollection<Guid> organisationIds, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.IsActive && u.OrganisationId != null && organisationIds.Contains(u.OrganisationId.Value))
            .GroupBy(u => u.OrganisationId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    /// <summary>
    /// Marks a closed month paid for the reseller (the Platform admin's action), on the caller's context, which saves it;
    /// false when there is nothing to pay.
    /// </summary>
    public async Task<bool> MarkPaidAsync(WorkTrackrDbContext db, Guid resellerId, DateOnly month, DateOnly paidOn, CancellationToken cancellationToken = default)
    {
        await CloseMonthsAsync(db, resellerId, cancellationToken);
        var first = Commission.MonthOf(month);
        // Loaded and saved, so the platform's audit log records each payout; the caller's operation saves them.
        var entries = await db.CommissionEntries.Where(e => e.ResellerId == resellerId && e.Month == first && e.Status == CommissionStatus.Pending).ToListAsync(cancellationToken);
        foreach (var entry in entries) (entry.Status, entry.PaidOn) = (CommissionStatus.Paid, paidOn);
        // A kept statement that said "awaiting payment" is made again at its next download (ResellerPortal).
        return entries.Count > 0;
    }

    /// <summary>
    /// Closes last month (and any other unclosed one) for every reseller: the monthly job, so a month is kept with the seats
    /// and prices it ended with. No one is signed in, so it works on a platform context (resellers are platform rows).
    /// </summary>
    public async Task<int> CloseAllAsync(CancellationToken cancellationToken = default)
    {
        await using var db = database.Platform();
        var resellers = await db.Resellers.Select(r => r.Id).ToListAsync(cancellationToken);
        foreach (var id in resellers)
        {
            await CloseMonthsAsync(db, id, cancellationToken);
            db.ChangeTracker.Clear(); // what one reseller's months saved, the next one's do not need
        }
        return resellers.Count;
    }

    /// <summary>Each reseller's rate in force on <paramref name="day"/>, from its rate history.</summary>
    public static async Task<Dictionary<Guid, decimal>> RatesOnAsync(WorkTrackrDbContext db, DateOnly day, CancellationToken cancellationToken) =>
        (await db.ResellerRates.AsNoTracking().Where(r => r.EffectiveFrom <= day).ToListAsync(cancellationToken))
            .GroupBy(r => r.ResellerId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.EffectiveFrom).Last().Rate);

    /// <summary>An organisation's monthly value now: its plan's price for its active users.</summary>
    public static decimal MonthlyValue(PlanPrice? price, int seats) => price?.MonthlyValue(seats) ?? 0m;
}
