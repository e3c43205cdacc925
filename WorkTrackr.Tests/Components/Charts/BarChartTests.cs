using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Components;
using WorkTrackr.Web.Components.Charts;
using Spec = WorkTrackr.Web.Components.Charts.BarChart<WorkTrackr.Tests.Components.Charts.BarChartTests.Month>.ChartSpec;

namespace WorkTrackr.Tests.Components.Charts;

/// <summary>
/// The chart wrapper: what it gives its &lt;wt-bar-chart&gt; element to draw (labels, one list of values per series,
/// the layout and the format, as JSON in data-spec), that the spec changes only when the figures or the theme do, and
/// how the element's "barclick" event comes back as the item behind the bar and its series. It draws from the
/// prerendered page too, so it needs no JS interop at all.
/// </summary>
[Trait("Category", "Component")]
public sealed class BarChartTests : ComponentTest
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record Month(string Name, decimal Invoiced, decimal Paid);

    private static readonly IReadOnlyList<Month> Months = [new("Oct", 1200m, 800m), new("Nov", 900.5m, 900.5m), new("Dec", 0m, 150m)];
    private static readonly IReadOnlyList<BarSeries<Month>> Series = [new("Invoiced", m => m.Invoiced), new("Paid", m => m.Paid)];

    private static readonly Func<Month, string> Name = m => m.Name;

    private IRenderedComponent<BarChart<Month>> Render(Action<ComponentParameterCollectionBuilder<BarChart<Month>>>? more = null,
        IReadOnlyList<BarSeries<Month>>? series = null) =>
        Context.Render<BarChart<Month>>(p =>
        {
            p.Add(c => c.Items, Months).Add(c => c.Label, Name).Add(c => c.Series, series ?? Series);
            more?.Invoke(p);
        });

    private static string SpecText<T>(IRenderedComponent<T> cut) where T : IComponent => cut.Find("wt-bar-chart").GetAttribute("data-spec")!;

    private static Spec Drawn<T>(IRenderedComponent<T> cut) where T : IComponent => JsonSerializer.Deserialize<Spec>(SpecText(cut), Json)!;

    [Fact]
    public void It_gives_the_element_the_labels_and_each_series_values_in_the_items_order()
    {
        var cut = Render(p => p.Add(c => c.Horizontal, true).Add(c => c.Format, ChartValueFormat.Money("£")).Add(c => c.OnClick, (BarClick<Month> _) => { }));

        var spec = Drawn(cut);
        Assert.Equal(["Oct", "Nov", "Dec"], spec.Categories);
        Assert.Equal(["Invoiced", "Paid"], spec.Series.Select(s => s.Name));
        Assert.Equal([1200m, 900.5m, 0m], spec.Series[0].Values);
        Assert.Equal([800m, 900.5m, 150m], spec.Series[1].Values);
        Assert.True(spec.Horizontal);
        Assert.False(spec.Stacked);
        Assert.True(spec.Legend); // two series
        Assert.True(spec.Clickable);
        Assert.Equal(("£", 2), (spec.Prefix, spec.Decimals));
        Assert.EndsWith("lib/echarts/echarts.common.min.js", spec.ScriptUrl);
    }

    [Fact]
    public void The_spec_is_camel_case_as_the_element_reads_it()
    {
        using var spec = JsonDocument.Parse(SpecText(Render()));

        Assert.Equal(["categories", "series", "horizontal", "stacked", "legend", "prefix", "decimals", "clickable", "dark", "scriptUrl"],
            spec.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Invoiced", spec.RootElement.GetProperty("series")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void One_series_has_no_legend_and_without_a_click_handler_no_bar_is_clickable()
    {
        var spec = Drawn(Render(series: [Series[0]]));

        Assert.False(spec.Legend);
        Assert.False(spec.Clickable);
        Assert.Equal(("", 0), (spec.Prefix, spec.Decimals));
    }

    [Fact]
    public void The_spec_changes_only_when_the_figures_change()
    {
        var cut = Render();
        var first = SpecText(cut);

        // The page around it renders again with the same figures (new lists, same values): nothing new to draw.
        cut.Render(p => p.Add(c => c.Items, [.. Months]));
        Assert.Equal(first, SpecText(cut));

        cut.Render(p => p.Add(c => c.Items, [Months[0], Months[1] with { Paid = 1m }, Months[2]]));
        Assert.NotEqual(first, SpecText(cut));
        Assert.Equal([800m, 1m, 150m], Drawn(cut).Series[1].Values);
    }

    [Fact]
    public void A_theme_switch_draws_the_chart_again_in_the_other_colours()
    {
        RenderFragment chart = b =>
        {
            b.OpenComponent<BarChart<Month>>(0);
            b.AddAttribute(1, nameof(BarChart<Month>.Items), Months);
            b.AddAttribute(2, nameof(BarChart<Month>.Label), Name);
            b.AddAttribute(3, nameof(BarChart<Month>.Series), Series);
            b.CloseComponent();
        };
        var host = Context.Render<CascadingValue<bool>>(p => p.Add(c => c.Name, "DarkMode").Add(c => c.Value, false).Add(c => c.ChildContent, chart));
        Assert.False(Drawn(host).Dark);

        host.Render(p => p.Add(c => c.Name, "DarkMode").Add(c => c.Value, true).Add(c => c.ChildContent, chart));

        Assert.True(Drawn(host).Dark);
    }

    [Fact]
    public async Task A_click_on_a_bar_reports_the_item_behind_it_and_its_series()
    {
        var clicks = new List<BarClick<Month>>();
        var cut = Render(p => p.Add(c => c.OnClick, (BarClick<Month> c) => clicks.Add(c)));

        await cut.Find("wt-bar-chart").TriggerEventAsync("onbarclick", new BarClickEventArgs { Index = 1, Series = 1 });

        var click = Assert.Single(clicks);
        Assert.Equal(Months[1], click.Item);
        Assert.Equal("Paid", click.Series);
    }

    [Fact]
    public async Task A_click_the_chart_no_longer_has_a_bar_for_is_ignored()
    {
        var clicks = new List<BarClick<Month>>();
        var cut = Render(p => p.Add(c => c.OnClick, (BarClick<Month> c) => clicks.Add(c)));

        await cut.Find("wt-bar-chart").TriggerEventAsync("onbarclick", new BarClickEventArgs { Index = 3, Series = 0 });
        await cut.Find("wt-bar-chart").TriggerEventAsync("onbarclick", new BarClickEventArgs { Index = 0, Series = 2 });

        Assert.Empty(clicks);
    }

    [Fact]
    public void The_chart_is_hidden_from_screen_readers_and_keeps_the_attributes_it_is_given()
    {
        var cut = Render(p => p.Add(c => c.Height, 260).AddUnmatched("data-testid", "chart-revenue"));

        var chart = cut.ByTestId("chart-revenue");
        Assert.Equal("wt-bar-chart", chart.LocalName);
        Assert.Equal("true", chart.GetAttribute("aria-hidden"));
        Assert.Contains("height: 260px", chart.GetAttribute("style"));
    }

    [Fact]
    public void Prerendered_it_draws_from_its_spec_and_has_the_browser_fetch_the_library_at_once()
    {
        Context.SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = Render();

        Assert.Equal(["Oct", "Nov", "Dec"], Drawn(cut).Categories);
        var preload = Assert.Single(cut.FindAll("link[rel=preload]"));
        Assert.EndsWith("lib/echarts/echarts.common.min.js", preload.GetAttribute("href"));
        Assert.Empty(Context.JSInterop.Invocations);
    }

    [Fact]
    public void Live_it_preloads_nothing_and_calls_no_javascript()
    {
        var cut = Render(p => p.Add(c => c.OnClick, (BarClick<Month> _) => { }));
        cut.Render(p => p.Add(c => c.Items, [Months[0]]));

        Assert.Empty(cut.FindAll("link"));
        Assert.Empty(Context.JSInterop.Invocations);
    }
}
