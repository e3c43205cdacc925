using WorkTrackr.Data.Common;
using WorkTrackr.Data.Organisations;

namespace WorkTrackr.Data.Resellers;

/// <summary>One organisation's commission for a reseller in one month.</summary>
public readonly record struct CommissionFigure(int LinkedDays, decimal MonthlyValue, decimal Earned);

/// <summary>
/// Commission maths. A reseller earns, for each day of a month an organisation was linked to it, its rate that day
/// times the organisation's monthly value that day (its plan's price for its active users) divided by the month's
/// days; the month's sum is rounded to cents once. So a mid-month link or unlink pro-rates by days, and a rate or
/// plan change applies from its date.
/// </summary>
public static class Commission
{
    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <param name="month">Any day of the month.</param>
    /// <param name="links">The periods the organisation was linked to this reseller: from, until (exclusive, null = still linked).</param>
    /// <param name="rates">The reseller's rate changes, each from its date.</param>
    /// <param name="plans">The organisation's plan changes, each from its date.</param>
    /// <param name="seats">The organisation's active users.</param>
    public static CommissionFigure ForMonth(DateOnly month, IEnumerable<(DateOnly From, DateOnly? Until)> links,
        IReadOnlyList<(DateOnly From, decimal Rate)> rates, IReadOnlyList<(DateOnly From, OrganisationPlan Plan)> plans,
        IReadOnlyDictionary<OrganisationPlan, PlanPrice> prices, int seats)
    {
        var first = MonthOf(month);
        var days = DateTime.DaysInMonth(first.Year, first.Month);
        var periods = links.ToList();
        var linkedDays = 0;
        var earned = 0m;
        decimal? monthlyValue = null;
        for (var day = first; day.Month == first.Month; day = day.AddDays(1))
        {
            if (!periods.Any(p => p.From <= day && (p.Until is null || day < p.Until))) continue;
            if (On(plans, day) is not { } plan || !prices.TryGetValue(plan, out var price)) continue;
            var value = price.MonthlyValue(seats);
            monthlyValue = value;
            linkedDays++;
            earned += (On(rates, day) ?? 0m) * value / days;
        }
        return new CommissionFigure(linkedDays, monthlyValue ?? 0m, Money.Round(earned));
    }

    /// <summary>The value in force on <paramref name="day"/>: the latest change from that day or before; null before the first.</summary>
    public static T? On<T>(IReadOnlyList<(DateOnly From, T Value)> changes, DateOnly day) where T : struct
    {
        T? current = null;
        var since = DateOnly.MinValue;
        foreach (var (from, value) in changes)
            if (from <= day && from >= since) (current, since) = (value, from);
        return current;
    }
}
