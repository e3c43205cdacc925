using System.Globalization;
using WorkTrackr.Data.Crm;
using WorkTrackr.Data.Tickets;
using WorkTrackr.Web.Features.Services;
using WorkTrackr.Web.Infrastructure;

namespace WorkTrackr.Web.Features.Dashboard;

public enum DashboardPeriod { ThisWeek, ThisMonth, Last30Days, Last90Days, ThisYear, Custom }

/// <summary>
/// A custom range as the user picks it, both days optional until checked (<see cref="DashboardService.Custom"/> keys its
/// errors by these properties' names, so the range form shows each beside its day).
/// </summary>
public sealed class CustomRangeInput
{
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
}

/// <summary>The days a dashboard covers, both inclusive, in the viewer's time zone.</summary>
public sealed record DashboardRange(DashboardPeriod Period, DateOnly From, DateOnly To)
{
    public const int MaxDays = 3 * 366;

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>Weeks start on Monday.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static DashboardRange For(DashboardPeriod period, DateOnly today) => period switch
    {
        DashboardPeriod.ThisWeek => new(period, WeekStart(today), WeekStart(today).AddDays(6)),
        DashboardPeriod.ThisMonth => new(period, new DateOnly(today.Year, today.Month, 1), new DateOnly(today.Year, today.Month, 1).AddMonths(1).AddDays(-1)),
        DashboardPeriod.Last30Days => new(period, today.AddDays(-29), today),
        DashboardPeriod.Last90Days => new(period, today.AddDays(-89), today),
        DashboardPeriod.ThisYear => new(period, new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31)),
        _ => throw new ArgumentOutOfRangeException(nameof(period), "A custom range needs its dates."),
    };

    public static string Label(DashboardPeriod period) => period switch
    {
        DashboardPeriod.ThisWeek => "This week",
        DashboardPeriod.ThisMonth => "This month",
        DashboardPeriod.Last30Days => "Last 30 days",
        DashboardPeriod.Last90Days => "Last 90 days",
        DashboardPeriod.ThisYear => "This year",
        _ => "Custom",
    };

    public string Describe() => From.Year == To.Year
        ? $"{DateFormats.Format(From, DateFormats.ShortDate)} – {DateFormats.Format(To)}"
        : $"{DateFormats.Format(From)} – {DateFormats.Format(To)}";

    /// <summary>yyyy-MM-dd, as links and exports carry dates.</summary>
    public static string Iso(DateOnly day) => DateFormats.Format(day, DateFormats.IsoDate);
}

/// <summary>
/// A panel's figures as rows and columns: the accessible table behind its chart and its CSV export are both this, so
/// they can never disagree with each other.
/// </summary>
public sealed record PanelTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

public interface IDashboardPanel
{
    PanelTable ToTable();
}

public sealed record CountOf<TKey>(TKey Key, int Count);

public sealed record TicketMix(IReadOnlyList<CountOf<TicketStatus>> ByStatus, IReadOnlyList<CountOf<TicketPriority>> ByPriority) : IDashboardPanel
{
    public int Total => ByStatus.Sum(s => s.Count);

    public PanelTable ToTable() => new(["Group", "Value", "Open tickets"],
        [.. ByStatus.Select(s => Row("Status", s.Key.ToString(), s.Count)), .. ByPriority.Select(p => Row("Priority", p.Key.ToString(), p.Count))]);

    private static IReadOnlyList<string> Row(string group, string value, int count) => [group, value, Figures.Whole(count)];
}

public sealed record WeekFlow(DateOnly WeekStart, int Created, int Resolved)
{
    public string Label => DateFormats.Format(WeekStart, DateFormats.ShortDate);
}

public sealed record TicketFlow(IReadOnlyList<WeekFlow> Weeks) : IDashboardPanel
{
    public PanelTable ToTable() => new(["Week starting", "Created", "Resolved"],
        [.. Weeks.Select(w => (IReadOnlyList<string>)[DashboardRange.Iso(w.WeekStart), Figures.Whole(w.Created), Figures.Whole(w.Resolved)])]);
}

public sealed record BreachedTicket(Guid Id, string Number, string Title, DateTime DueAt, DateTime? ResolvedAt, string? Assignee);

/// <summary>Tickets whose resolution target fell in the range: met, breached, and still running (not counted).</summary>
public sealed record SlaCompliance(int Met, int Breached, int Pending, IReadOnlyList<BreachedTicket> Breaches) : IDashboardPanel
{
    public const int ListLength = 10;

    /// <summary>Null when no target has come due yet.</summary>
    public double? Percent => Met + Breached == 0 ? null : Math.Round(100.0 * Met / (Met + Breached), 1);

    public PanelTable ToTable() => new(["Outcome", "Tickets"],
    [
        ["Met", Figures.Whole(Met)],
        ["Breached", Figures.Whole(Breached)],
        ["Still open, not yet due", Figures.Whole(Pending)],
        ["Compliance %", Percent?.ToString("0.0", CultureInfo.InvariantCulture) ?? ""],
    ]);
}

public sealed record PersonWorkload(Guid UserId, string Name, int OpenTickets, double ScheduledHours, double CapacityHours)
{
    public double LoadPercent => CapacityHours <= 0 ? 0 : Math.Round(100 * ScheduledHours / CapacityHours);
}

public sealed record Workload(IReadOnlyList<PersonWorkload> People) : IDashboardPanel
{
    public PanelTable ToTable() => new(["Person", "Open tickets", "Scheduled hours", "Capacity hours", "Load %"],
        [.. People.Select(p => (IReadOnlyList<string>)[p.Name, Figures.Whole(p.OpenTickets), Figures.Hours(p.ScheduledHours),
            Figures.Hours(p.CapacityHours), Figures.Whole((int)p.LoadPercent)])]);
}

public sealed record MonthRevenue(DateOnly Month, decimal Invoiced, decimal Paid)
{
    public string Label => DateFormats.Format(Month, DateFormats.ShortMonth);
}

public sealed record Revenue(string Currency, IReadOnlyList<MonthRevenue> Months) : IDashboardPanel
{
    public PanelTable ToTable() => new(["Month", $"Invoiced ({Currency})", $"Paid ({Currency})"],
        [.. Months.Select(m => (IReadOnlyList<string>)[DateFormats.Format(m.Month, DateFormats.IsoMonth), Figures.Money(m.Invoiced), Figures.Money(m.Paid)])]);
}

public enum AgeBand { Days0To30, Days31To60, Days61To90, Over90 }

public sealed record AgedAmount(AgeBand Band, int Invoices, decimal Amount)
{
    public string Label => Receivables.Label(Band);
}

/// <summary>What was owed at the end of the range (or today, if sooner), by the age of each invoice on that day.</summary>
public sealed record Receivables(string Currency, DateOnly AsOf, IReadOnlyList<AgedAmount> Bands) : IDashboardPanel
{
    public decimal Total => Bands.Sum(b => b.Amount);

    public static string Label(AgeBand band) => band switch
    {
        AgeBand.Days0To30 => "0–30 days",
        AgeBand.Days31To60 => "31–60 days",
        AgeBand.Days61To90 => "61–90 days",
        _ => "Over 90 days",
    };

    /// <summary>The issue dates of a band's invoices, as seen on <paramref name="asOf"/>.</summary>
    public static (DateOnly? From, DateOnly To) IssuedBetween(AgeBand band, DateOnly asOf) => band switch
    {
        AgeBand.Days0To30 => (asOf.AddDays(-30), asOf),
        AgeBand.Days31To60 => (asOf.AddDays(-60), asOf.AddDays(-31)),
        AgeBand.Days61To90 => (asOf.AddDays(-90), asOf.AddDays(-61)),
        _ => (null, asOf.AddDays(-91)),
    };

    public PanelTable ToTable() => new(["Age", "Invoices", $"Outstanding ({Currency})"],
        [.. Bands.Select(b => (IReadOnlyList<string>)[b.Label, Figures.Whole(b.Invoices), Figures.Money(b.Amount)])]);
}

public sealed record RenewalBand(RenewalWindow Window, int Services, decimal Value)
{
    public string Label => RenewalWindows.Label(Window);
}

public sealed record RenewalsDue(string Currency, IReadOnlyList<RenewalBand> Bands) : IDashboardPanel
{
    public int Services => Bands.Sum(b => b.Services);
    public decimal Value => Bands.Sum(b => b.Value);

    public PanelTable ToTable() => new(["Due", "Services", $"Value per cycle ({Currency})"],
        [.. Bands.Select(b => (IReadOnlyList<string>)[b.Label, Figures.Whole(b.Services), Figures.Money(b.Value)])]);
}

public sealed record ProductMargin(Guid ProductId, string Name, decimal Revenue, decimal Cost)
{
    public decimal Margin => Revenue - Cost;
    public double? MarginPercent => Revenue == 0 ? null : Math.Round((double)(Margin / Revenue) * 100, 1);
}

public sealed record TopProducts(string Currency, IReadOnlyList<ProductMargin> Products) : IDashboardPanel
{
    public const int Length = 10;

    public PanelTable ToTable() => new(["Product", $"Revenue ({Currency})", $"Cost ({Currency})", $"Margin ({Currency})", "Margin %"],
        [.. Products.Select(p => (IReadOnlyList<string>)[p.Name, Figures.Money(p.Revenue), Figures.Money(p.Cost), Figures.Money(p.Margin),
            p.MarginPercent?.ToString("0.0", CultureInfo.InvariantCulture) ?? ""])]);
}

public sealed record PersonActivities(Guid? UserId, string Name, IReadOnlyList<CountOf<CrmEventType>> ByType)
{
    public int Total => ByType.Sum(t => t.Count);
    public int Of(CrmEventType type) => ByType.FirstOrDefault(t => t.Key == type)?.Count ?? 0;
}

public sealed record CrmActivity(IReadOnlyList<PersonActivities> People) : IDashboardPanel
{
    public PanelTable ToTable() => new(["Person", .. Enum.GetValues<CrmEventType>().Select(t => t.ToString()), "Total"],
        [.. People.Select(p => (IReadOnlyList<string>)[p.Name, .. Enum.GetValues<CrmEventType>().Select(t => Figures.Whole(p.Of(t))), Figures.Whole(p.Total)])]);
}

/// <summary>Numbers as the tables and CSV files write them: invariant, so a spreadsheet reads them anywhere.</summary>
public static class Figures
{
    public static string Whole(int value) => value.ToString(CultureInfo.InvariantCulture);
    public static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
    public static string Hours(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
