namespace WorkTrackr.Data.Services;

/// <summary>
/// Renewal dates by billing cycle. A renewal keeps the day of the month it was set on (its anchor): a monthly renewal
/// from 31 January goes to 28 or 29 February, then back to 31 March, and an annual one from 29 February comes back to
/// 29 February in the next leap year.
/// </summary>
public static class Renewals
{
    public static int? Months(BillingCycle cycle) => cycle switch
    {
        BillingCycle.Monthly => 1,
        BillingCycle.Quarterly => 3,
        BillingCycle.Annual => 12,
        _ => null,
    };

    /// <summary>The renewal after <paramref name="current"/>, or null for a one-off (which does not renew).</summary>
    public static DateOnly? Next(DateOnly current, BillingCycle cycle, int? anchorDay = null)
    {
        if (Months(cycle) is not { } months) return null;
        var month = new DateOnly(current.Year, current.Month, 1).AddMonths(months);
        var day = Math.Min(anchorDay ?? current.Day, DateTime.DaysInMonth(month.Year, month.Month));
        return new DateOnly(month.Year, month.Month, day);
    }
}
