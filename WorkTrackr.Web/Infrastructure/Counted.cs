using System.Globalization;

namespace WorkTrackr.Web.Infrastructure;

/// <summary>A count with its noun agreeing: "1 invoice", "3 invoices", "0 CRM events".</summary>
public static class Counted
{
    /// <param name="count">How many.</param>
    /// <param name="one">The noun for one.</param>
    /// <param name="many">The noun for any other count; by default <paramref name="one"/> with an "s".</param>
    public static string Of(int count, string one, string? many = null) =>
        $"{count.ToString("N0", CultureInfo.InvariantCulture)} {(count == 1 ? one : many ?? one + "s")}";
}
