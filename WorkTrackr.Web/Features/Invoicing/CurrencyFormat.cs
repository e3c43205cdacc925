using System.Collections.Concurrent;
using System.Globalization;

namespace WorkTrackr.Web.Features.Invoicing;

/// <summary>Amounts in an organisation's currency: its symbol where one is known ($ 1,234.50), else its ISO code (CHF 1,234.50).</summary>
public static class CurrencyFormat
{
    private static readonly ConcurrentDictionary<string, string> Symbols = new(StringComparer.OrdinalIgnoreCase);

    public static string Format(decimal amount, string currency)
    {
        var symbol = Symbol(currency);
        var number = Math.Abs(amount).ToString("N2", CultureInfo.InvariantCulture);
        return (amount < 0 ? "-" : "") + symbol + number;
    }

    /// <summary>What <see cref="Format"/> writes before the amount: "£", "€", or the code and a space where a symbol would be unclear.</summary>
    public static string Symbol(string currency) => Symbols.GetOrAdd(currency, SymbolOf);

    private static string SymbolOf(string currency)
    {
        var symbols = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Select(c => { try { return new RegionInfo(c.Name); } catch (ArgumentException) { return null; } })
            .Where(r => r is not null && string.Equals(r.ISOCurrencySymbol, currency, StringComparison.OrdinalIgnoreCase))
            .Select(r => r!.CurrencySymbol).Distinct().ToList();
        // A symbol shared by several currencies ($ for USD, CAD, AUD…) is only clear for the main one.
        return currency.ToUpperInvariant() switch
        {
            "USD" => "$",
            "EUR" => "€",
            "GBP" => "£",
            "JPY" => "¥",
            _ when symbols.Count == 1 && symbols[0].Length == 1 && symbols[0] != "$" => symbols[0],
            _ => currency.ToUpperInvariant() + " ",
        };
    }
}
