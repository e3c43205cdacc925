namespace WorkTrackr.Web.Components.Charts;

/// <summary>One series of a <see cref="BarChart{TItem}"/>: its name (in the legend and tooltip) and its value for each item.</summary>
public sealed record BarSeries<TItem>(string Name, Func<TItem, decimal> Value);

/// <summary>A click on a bar: the item behind it and the series it belongs to.</summary>
public sealed record BarClick<TItem>(TItem Item, string Series);

/// <summary>How a chart writes its values on the axis and in the tooltip.</summary>
/// <param name="Prefix">Written before each value, such as a currency symbol.</param>
/// <param name="Decimals">Decimals in the tooltip; the axis rounds to whole numbers.</param>
public sealed record ChartValueFormat(string Prefix = "", int Decimals = 0)
{
    public static readonly ChartValueFormat Count = new();

    public static ChartValueFormat Money(string symbol) => new(symbol, 2);
}
