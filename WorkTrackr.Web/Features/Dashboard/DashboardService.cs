using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Crm;
using WorkTrackr.Data.Invoicing;
using WorkTrackr.Data.Tickets;
using WorkTrackr.Web.Features.Services;
using WorkTrackr.Web.Features.Team;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Operations;
using WorkTrackr.Web.Infrastructure.Tenancy;
using WorkTrackr.Web.Infrastructure.TimeZones;

namespace WorkTrackr.Web.Features.Dashboard;

/// <summary>
/// The manager dashboard's panels. Each is one or two aggregate queries (GROUP BY in the database, never rows into
/// memory) on its own context, so the page runs them side by side. Days are the viewer's; instants are compared
/// against the UTC starts of those days, so a week or month boundary falls at local midnight, across DST too.
/// Money is summed as doubles of whole cents (SQLite cannot sum decimals) and rounded to cents once.
/// </summary>
public sealed class DashboardService(RecordOperations operations, CurrentUser currentUser, TeamDirectory team, TimeProvider clock)
{
    public const int FlowWeeks = 12;

    /// <summary>The panels by the name their CSV export goes by.</summary>
    public static readonly IReadOnlyDictionary<string, Func<DashboardService, DashboardRange, CancellationToken, Task<Result<IDashboardPanel>>>> Panels =
        new Dictionary<string, Func<DashboardService, DashboardRange, CancellationToken, Task<Result<IDashboardPanel>>>>
        {
            ["open-tickets"] = (s, r, c) => Widen(s.OpenTicketsAsync(r, c)),
            ["ticket-flow"] = (s, r, c) => Widen(s.TicketFlowAsync(r, c)),
            ["sla"] = (s, r, c) => Widen(s.SlaAsync(r, c)),
            ["workload"] = (s, r, c) => Widen(s.WorkloadAsync(r, c)),
            ["revenue"] = (s, r, c) => Widen(s.RevenueAsync(r, c)),
            ["receivables"] = (s, r, c) => Widen(s.ReceivablesAsync(r, c)),
            ["renewals"] = (s, r, c) => Widen(s.RenewalsAsync(c)),
            ["top-products"] = (s, r, c) => Widen(s.TopProductsAsync(r, c)),
            ["crm-activity"] = (s, r, c) => Widen(s.CrmActivityAsync(r, c)),
        };

    public DateOnly Today => TimeZones.Today(clock, currentUser.TimeZoneId);

    public DashboardRange Range(DashboardPeriod period) => DashboardRange.For(period, Today);

    /// <summary>A custom range, checked: both days given, in order, and at most three years.</summary>
    public static Result<DashboardRange> Custom(DateOnly? from, DateOnly? to)
    {
        const string fromField = nameof(CustomRangeInput.From), toField = nameof(CustomRangeInput.To);
        if (from is not { } f) return Result<DashboardRange>.From(Result.Invalid(fromField, "Choose the first day."));
        if (to is not { } t) return Result<DashboardRange>.From(Result.Invalid(toField, "Choose the last day."));
        if (t < f) return Result<DashboardRange>.From(Result.Invalid(toField, "The last day must not be before the first."));
        if (t.DayNumber - f.DayNumber + 1 > DashboardRange.MaxDays)
            return Result<DashboardRange>.From(Result.Invalid(toField, "Choose at most three years."));
        return Result<DashboardRange>.Ok(new DashboardRange(DashboardPeriod.Custom, f, t));
    }

    /// <summary>Tickets created in the range that are still open, by status and by priority.</summary>
    public Task<Result<TicketMix>> OpenTicketsAsync(DashboardRange range, CancellationToken cancellationToken = default) =>
        RunAsync(async db =>
        {
            var (from, to) = Instants(range);
            var groups = await db.Tickets
                .Where(t => t.CreatedAt >= from && t.CreatedAt < to && t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed)
                .GroupBy(t => new { t.Status, t.Priority })
                .Select(g => new { g.Key.Status, g.Key.Priority, Count = g.Count() })
                .ToListAsync(cancellationToken);
            return new TicketMix(
                [.. new[] { TicketStatus.Open, TicketStatus.InProgress, TicketStatus.OnHold }
                    .Select(s => new CountOf<TicketStatus>(s, groups.Where(g => g.Status == s).Sum(g => g.Count)))],
                [.. Enum.GetValues<TicketPriority>().Reverse()
                    .Select(p => new CountOf<TicketPriority>(p, groups.Where(g => g.Priority == p).Sum(g => g.Count)))]);
        }, cancellationToken);

    /// <summary>Tickets created and resolved in each of the 12 weeks up to the week the range ends in.</summary>
    public Task<Result<TicketFlow>> TicketFlowAsync(DashboardRange range, CancellationToken cancellationToken = default) =>
        RunAsync(async db =>
        {
            var firstWeek = DashboardRange.WeekStart(range.To).AddDays(-7 * (FlowWeeks - 1));
            var weekStarts = Enumerable.Range(0, FlowWeeks + 1).Select(i => firstWeek.AddDays(7 * i)).ToArray();
            var bounds = weekStarts.Select(StartUtc).ToArray();
            var (start, end) = (bounds[0], bounds[^1]);

            var created = await db.Tickets.Where(t => t.CreatedAt >= start && t.CreatedAt < end)
                .GroupBy(Bucket<Ticket, DateTime?>(t => t.CreatedAt, bounds))
                .Select(g => new { Week = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Week, g => g.Count, cancellationToken);
            var resolved = await db.Tickets.Where(t => t.ResolvedAt >= start && t.ResolvedAt < end)
                .GroupBy(Bucket<Ticket, DateTime?>(t => t.ResolvedAt, bounds))
                .Select(g => new { Week = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Week, g => g.Count, cancellationToken);
            return new TicketFlow([.. Enumerable.Range(0, FlowWeeks)
                .Select(i => new WeekFlow(weekStarts[i], created.GetValueOrDefault(i), resolved.GetValueOrDefault(i)))]);
        }, cancellationToken);

    /// <summary>
    /// Tickets whose resolution target fell in the range (and has passed): met when finished by then, breached when
    /// finished late or still open. Targets still ahead are counted as pending, outside the percentage.
    /// </summary>
    public Task<Result<SlaCompliance>> SlaAsync(DashboardRange range, CancellationToken cancellationToken = default) =>
        RunAsync(async db =>
        {
            var (from, to) = Instants(range);
            var now = clock.GetUtcNow().UtcDateTime;
            var due = db.Tickets.Where(t => t.ResolutionDueAt >= from && t.ResolutionDueAt < to);
            var counts = await due.GroupBy(_ => 1).Select(g => new
            {
                Total = g.Count(),
                Met = g.Count(t => (t.Status == TicketStatus.Resolved || t.Status == TicketStatus.Closed) && !(t.ResolvedAt > t.ResolutionDueAt)),
                Breached = g.Count(t => (t.Status == TicketStatus.Resolved || t.Status == TicketStatus.Closed)
                    ? t.ResolvedAt > t.ResolutionDueAt
                    : t.ResolutionDueAt < now),
            }).SingleOrDefaultAsync(cancellationToken);
            var breaches = await due
                .Where(t => (t.Status == TicketStatus.Resolved || t.Status == TicketStatus.Closed) ? t.ResolvedAt > t.ResolutionDueAt : t.ResolutionDueAt < now)
                .OrderByDescending(t => t.ResolutionDueAt).ThenBy(t => t.Id)
                .Take(SlaCompliance.ListLength)
                .Select(t => new BreachedTicket(t.Id, t.Number, t.Title, t.ResolutionDueAt!.Value, t.ResolvedAt, t.AssignedUser!.DisplayName))
                .ToListAsync(cancellationToken);
            var (met, breached) = (counts?.Met ?? 0, counts?.Breached ?? 0);
            return new SlaCompliance(met, breached, (counts?.Total ?? 0) - met - breached, breaches);
        }, cancellationToken);

    /// <summary>
    /// For each person tickets go to: open tickets assigned to them now, and hours scheduled within the range (visits
    /// crossing its edges count only their part inside) against their weekly capacity scaled to the range's length.
    /// </summary>
    public Task<Result<Workload>> WorkloadAsync(DashboardRange range, CancellationToken cancellationToken = default) =>
        RunAsync(async db =>
        {
            var (from, to) = Instants(range);
            var people = await team.AssignableAsync(cancellationToken);
            var ids = people.Select(p => p.Id).ToList();
            var capacity = await db.Users.Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.WeeklyCapacityHours })
                .ToDictionaryAsync(u => u.Id, u => u.WeeklyCapacityHours, cancellationToken);
            var open = await db.Tickets
                .Where(t => t.AssignedUserId != null && t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed)
                .GroupBy(t => t.AssignedUserId)
                .Select(g => new { UserId = g.Key!.Value, Count = g.Count() })
                .ToDictionaryAsync(g => g.UserId, g => g.Count, cancellationToken);
            var hours = await db.Tickets
                .Where(t => t.AssignedUserId != null && t.ScheduledStart < to && t.ScheduledEnd > from)
                .GroupBy(t => t.AssignedUserId)
                .Select(g => new
                {
                    UserId = g.Key!.Value,
                    Hours = g.Sum(t => DbTime.HoursBetween(t.ScheduledStart < from ? from : t.ScheduledStart!.Value, t.ScheduledEnd > to ? to : t.ScheduledEnd!.Value)),
                })
                .ToDictionaryAsync(g => g.UserId, g => g.Hours, cancellationToken);
            return new Workload([.. people.Select(p => new PersonWorkload(p.Id, p.DisplayName, open.GetValueOrDefault(p.Id),
                Math.Round(hours.GetValueOrDefault(p.Id), 1),
                Math.Round(capacity.GetValueOrDefault(p.Id, 0) * range.Days / 7.0, 1)))]);
        }, cancellationToken);

    /// <summary>Per month of the range: what was invoiced (issued, not voided) and what was paid, by their dates.</summary>
    public Task<Result<Revenue>> RevenueAsync(DashboardRange range, CancellationToken cancellationToken = default) =>
        RunAsync(async db =>
        {
            var (from, to) = (range.From, range.To);
            var invoiced = await db.Invoices
                .Where(i => i.Status != InvoiceStatus.Draft && i.Status != InvoiceStatus.Void && i.IssueDate >= from && i.IssueDate <= to)
                .GroupBy(i => new { i.IssueDate.Year, i.IssueDate.Month })
                .Select(g => new { g.Key.Year, g.Key.Month, Amount = g.Sum(i => (double)i.Total) })
                .ToListAsync(cancellationToken);
            var paid = await db.Invoices
                .Where(i => i.Status == InvoiceStatus.Paid && i.PaidOn >= from && i.PaidOn <= to)
                .GroupBy(i => new { i.PaidOn!.Value.Year, i.PaidOn!.Value.Month })
                .Select(g => new { g.Key.Year, g.Key.Month, Amount = g.Sum(i => (double)i.Total) })
                .ToListAsync(cancellationToken);
            var months = new List<MonthRevenue>();
            for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
            {
                var m = month;
                months.Add(new MonthRevenue(m,
                    Money.Round((decimal)invoiced.Where(x => x.Year == m.Year && x.Month == m.Month).Sum(x => x.Amount)),
                    Money.Round((decimal)paid.Where(x => x.Year == m.Year && x.Month == m.Month).Sum(x => x.Amount))));
            }
            return new Revenue(await CurrencyAsync(db, cancellationToken), months);
        }, cancellationToken);

    /// <summary>
    /// What customers owed at the end of the range, or today if the range ends later: invoices issued by then and
    /// neither paid nor voided by then, aged by days since their issue date.
    /// </summary>
    public Task<Result<Receivables>> ReceivablesAsync(DashboardRange range, CancellationToken cancellationToken = default) =>
        RunAsync(async db =>
        {
            var asOf = range.To < Today ? range.To : Today;
            var endOfDay = StartUtc(asOf.AddDays(1));
            var bands = Enum.GetValues<AgeBand>();
            // Band i holds issue dates from bounds[i + 1] (exclusive) back: 0–30 days old, 31–60, 61–90, older.
            var bounds = new DateOnly?[] { asOf.AddDays(-30), asOf.AddDays(-60), asOf.AddDays(-90) };
            var rows = await db.Invoices
                .Where(i => i.Status != InvoiceStatus.Draft && i.IssueDate <= asOf
                    && !(i.Status == InvoiceStatus.Paid && i.PaidOn <= asOf)
                    && !(i.Status == InvoiceStatus.Void && i.VoidedAt < endOfDay))
                .GroupBy(i => i.IssueDate >= bounds[0] ? 0 : i.IssueDate >= bounds[1] ? 1 : i.IssueDate >= bounds[2] ? 2 : 3)
                .Select(g => new { Band = g.Key, Count = g.Count(), Amount = g.Sum(i => (double)i.Total) })
                .ToListAsync(cancellationToken);
            return new Receivables(await CurrencyAsync(db, cancellationToken), asOf, [.. bands.Select((band, i) =>
                rows.FirstOrDefault(r => r.Band == i) is { } row
                    ? new AgedAmount(band, row.Count, Money.Round((decimal)row.Amount))
                    : new AgedAmount(band, 0, 0))]);
        }, cancellationToken);

    /// <summary>Active, renewing services due in the next 90 days, in the renewal board's three windows, with their value per cycle.</summary>
    public Task<Result<RenewalsDue>> RenewalsAsync(CancellationToken cancellationToken = default) =>
        RunAsync(async db =>
        {
            var totals = await ServiceSubscriptions.WindowTotalsAsync(db, Today, includeOverdue: false, cancellationToken);
            var bands = new List<RenewalBand>();
            foreach (var window in new[] { RenewalWindow.Within30, RenewalWindow.Within60, RenewalWindow.Within90 })
            {
                var (count, value) = totals.GetValueOrDefault(window);
                bands.Add(new RenewalBand(window, count, value));
            }
            return new RenewalsDue(await CurrencyAsync(db, cancellationToken), bands);
        }, cancellationToken);

    /// <summary>
    /// The ten products with the largest margin on invoices issued in the range (voids and drafts left out): net line
    /// amounts less quantity × the product's cost. Costs are today's; the catalogue keeps no cost history.
    /// </summary>
    public Task<Result<TopProducts>> TopProductsAsync(DashboardRange range, CancellationToken cancellationToken = default) =>
        RunAsync(async db =>
        {
            var billed = db.Invoices.Where(i => i.Status != InvoiceStatus.Draft && i.Status != InvoiceStatus.Void
                && i.IssueDate >= range.From && i.IssueDate <= range.To);
            // Lines are summed per product first and the few sums then joined to the catalogue, so no line fetches its
            // product: the cost of a product's lines is their quantity times its cost.
            var sold =
                from line in db.InvoiceLines
                join invoice in billed on line.InvoiceId equals invoice.Id
                where line.ProductId != null
                group line by line.ProductId into g
                select new
                {
                    ProductId = g.Key,
                    Revenue = g.Sum(l => (double)l.Quantity * (double)l.UnitPrice),
                    Quantity = g.Sum(l => (double)l.Quantity),
                };
            var top = await (
                    from s in sold
                    join product in db.Products on s.ProductId equals product.Id
                    let cost = s.Quantity * (double)product.Cost
                    orderby s.Revenue - cost descending, product.Id
                    select new { product.Id, product.Name, s.Revenue, Cost = cost })
                .Take(TopProducts.Length)
                .ToListAsync(cancellationToken);
            return new TopProducts(await CurrencyAsync(db, cancellationToken),
                [.. top.Select(t => new ProductMargin(t.Id, t.Name, Money.Round((decimal)t.Revenue), Money.Round((decimal)t.Cost)))]);
        }, cancellationToken);

    /// <summary>CRM events marked done that started in the range, per person and type; unassigned ones as "Nobody".</summary>
    public Task<Result<CrmActivity>> CrmActivityAsync(DashboardRange range, CancellationToken cancellationToken = default) =>
        RunAsync(async db =>
        {
            var (from, to) = Instants(range);
            var groups = await db.CrmEvents
                .Where(e => e.Status == CrmEventStatus.Done && e.StartsAt >= from && e.StartsAt < to)
                .GroupBy(e => new { e.AssignedUserId, e.Type })
                .Select(g => new { g.Key.AssignedUserId, g.Key.Type, Count = g.Count() })
                .ToListAsync(cancellationToken);
            var names = await team.NamesAsync(cancellationToken);
            return new CrmActivity([.. groups.GroupBy(g => g.AssignedUserId)
                .Select(p => new PersonActivities(p.Key, p.Key is { } id ? names.GetValueOrDefault(id, "Former member") : "Nobody",
                    [.. p.OrderBy(x => x.Type).Select(x => new CountOf<CrmEventType>(x.Type, x.Count))]))
                .OrderByDescending(p => p.Total).ThenBy(p => p.Name)]);
        }, cancellationToken);

    /// <summary>A panel's table (<see cref="IDashboardPanel.ToTable"/>) as CSV.</summary>
    public async Task<Result> ExportCsvAsync(string panel, DashboardRange range, TextWriter writer, CancellationToken cancellationToken = default)
    {
        if (!Panels.TryGetValue(panel, out var load)) return Result.NotFound("The panel");
        var figures = await load(this, range, cancellationToken);
        if (!figures.Succeeded) return figures;
        var table = figures.Value!.ToTable();
        await CsvExport.WriteAsync(writer, [.. table.Headers], table.Rows.ToAsyncEnumerable(), row => [.. row], cancellationToken);
        return Result.Ok();
    }

    /// <summary>One panel's queries, on a context of its own, for those who see the manager dashboard.</summary>
    private Task<Result<T>> RunAsync<T>(Func<WorkTrackrDbContext, Task<T>> panel, CancellationToken cancellationToken) =>
        operations.ReadAsync(Capabilities.ViewManagerDashboard, (db, _) => panel(db), cancellationToken);

    private static async Task<Result<IDashboardPanel>> Widen<T>(Task<Result<T>> panel) where T : IDashboardPanel
    {
        var result = await panel;
        return result.Succeeded ? Result<IDashboardPanel>.Ok(result.Value!) : Result<IDashboardPanel>.From(result);
    }

    private static Task<string> CurrencyAsync(WorkTrackrDbContext db, CancellationToken cancellationToken) =>
        db.Organisations.Where(o => o.Id == db.CurrentOrganisationId).Select(o => o.Currency).SingleAsync(cancellationToken);

    private DateTime StartUtc(DateOnly day) => TimeZones.StartOfDayUtc(day, currentUser.TimeZoneId);

    /// <summary>The range as UTC instants: from the start of its first day up to (excluding) the start of the day after its last.</summary>
    private (DateTime From, DateTime To) Instants(DashboardRange range) => (StartUtc(range.From), StartUtc(range.To.AddDays(1)));

    /// <summary>
    /// value &lt; bounds[1] ? 0 : value &lt; bounds[2] ? 1 : … : n − 1, one CASE in SQL, for rows already limited to
    /// [bounds[0], bounds[n]). The bounds are read through a field, as a lambda reads a captured variable, so EF sends
    /// them as parameters and every set of weeks shares one translated query (a bare constant array would be inlined).
    /// </summary>
    private static Expression<Func<T, int>> Bucket<T, TValue>(Expression<Func<T, TValue>> value, DateTime[] bounds)
    {
        var captured = Expression.Field(Expression.Constant(new StrongBox<DateTime[]>(bounds)), nameof(StrongBox<DateTime[]>.Value));
        Expression body = Expression.Constant(bounds.Length - 2);
        for (var i = bounds.Length - 2; i >= 1; i--)
        {
            var bound = Expression.Convert(Expression.ArrayIndex(captured, Expression.Constant(i)), typeof(TValue));
            body = Expression.Condition(Expression.LessThan(value.Body, bound), Expression.Constant(i - 1), body);
        }
        return Expression.Lambda<Func<T, int>>(body, value.Parameters);
    }
}
