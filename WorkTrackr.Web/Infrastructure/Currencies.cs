using System.Globalization;

namespace WorkTrackr.Web.Infrastructure;

/// <summary>An ISO 4217 currency for a picker: "EUR · Euro".</summary>
public sealed record CurrencyChoice(string Code, string Name)
{
    public string Label => $"{Code} · {Name}";
}

/// <summary>The currencies .NET knows a country for, by code: the ones an organisation may bill in.</summary>
public static class Currencies
{
    public static readonly IReadOnlyList<CurrencyChoice> All = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return new RegionInfo(c.Name); } catch (ArgumentException) { return null; } })
        .OfType<RegionInfo>()
        .Where(r => r.ISOCurrencySymbol.Length == 3)
        .GroupBy(r => r.ISOCurrencySymbol, StringComparer.Ordinal)
        .Select(g => new CurrencyChoice(g.Key, g.First().CurrencyEnglishName))
        .OrderBy(c => c.Code, StringComparer.Ordinal)
        .ToList();

    public static bool IsValid(string? code) => code is not null && All.Any(c => c.Code == code);
}
