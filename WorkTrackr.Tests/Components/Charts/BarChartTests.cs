using Bunit;
using Microsoft.AspNetCore.Components;
using WorkTrackr.Web.Components.Charts;
using Spec = WorkTrackr.Web.Components.Charts.BarChart<WorkTrackr.Tests.Components.Charts.BarChartTests.Month>.ChartSpec;

namespace WorkTrackr.Tests.Components.Charts;

/// <summary>
/// The chart wrapper: what it hands its JS module to draw (labels, one list of values per series, the layout and the
/// format), that it draws again only when that changes (or the theme does), and how the browser's report of a click on
/// a bar comes back as the item behind the bar and its series.
/// </summary>
[Trait("Category", "Component")]
public sealed class BarChartTests : ComponentTest
{
    private const string Module = "./Components/Charts/BarChart.razor.js";

    public sealed record Month(string Name, decimal Invoiced, decimal Paid);

    private static readonly IReadOnlyList<Month> Months = [new("Oct", 1200m, 800m), new("Nov", 900.5m, 900.5m), new("Dec", 0m, 150m)];
    private static readonly IReadOnlyList<BarSeries<Month>> Series = [new("Invoiced", m => m.Invoiced), new("Paid", m => m.Paid)];

    private static readonly Func<Month, string> Name = m => m.Name;

    private readonly BunitJSModuleInterop module;

    public BarChartTests()
    {
        module = Context.JSInterop.SetupModule(Module);
        module.SetupVoid("draw", _ => true).SetVoidResult();
        module.SetupVoid("dispose", _ => true).SetVoidResult();
    }

    private IRenderedComponent<BarChart<Month>> Render(Action<ComponentParameterCollectionBuilder<BarChart<Month>>>? more = null,
        IReadOnlyList<BarSeries<Month>>? series = null) =>
        Context.Render<BarChart<Month>>(p =>
        {
            p.Add(c => c.Items, Months).Add(c => c.Label, Name).Add(c => c.Series, series ?? Series);
            more?.Invoke(p);
        });

    private static Spec Drawn(JSRuntimeInvocation draw) => Assert.IsType<Spec>(draw.Arguments[2]);

    [Fact]
    public void It_draws_the_labels_and_each_series_values_in_the_items_order()
    {
        Render(p => p.Add(c => c.Horizontal, true).Add(c => c.Format, ChartValueFormat.Money("£")).Add(c => c.OnClick, (BarClick<Month> _) => { }));

        var spec = Drawn(module.VerifyInvoke("draw"));
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
    public void One_series_has_no_legend_and_without_a_click_handler_no_bar_is_clickable()
    {
        Render(series: [Series[0]]);

        var spec = Drawn(module.VerifyInvoke("draw"));
        Assert.False(spec.Legend);
        Assert.False(spec.Clickable);
        Assert.Equal(("", 0), (spec.Prefix, spec.Decimals));
    }

    [Fact]
    public void It_draws_again_only_when_the_figures_or_the_theme_change()
    {
        var cut = Render();
        module.VerifyInvoke("draw", calledTimes: 1);

        // The page around it renders again with the same figures (new lists, same values): nothing to draw.
        cut.Render(p => p.Add(c => c.Items, [.. Months]));
        module.VerifyInvoke("draw", calledTimes: 1);

        cut.Render(p => p.Add(c => c.Items, [Months[0], Months[1] with { Paid = 1m }, Months[2]]));
        var redrawn = module.VerifyInvoke("draw", calledTimes: 2);
        Assert.Equal([800m, 1m, 150m], Drawn(redrawn[1]).Series[1].Values);
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
        Assert.False(Drawn(module.VerifyInvoke("draw")).Dark);

        host.Render(p => p.Add(c => c.Name, "DarkMode").Add(c => c.Value, true).Add(c => c.ChildContent, chart));

        var draws = module.VerifyInvoke("draw", calledTimes: 2);
        Assert.True(Drawn(draws[1]).Dark);
    }

    [Fact]
    public async Task A_click_on_a_bar_reports_the_item_behind_it_and_its_series()
    {
        var clicks = new List<BarClick<Month>>();
        var cut = Render(p => p.Add(c => c.OnClick, (BarClick<Month> c) => clicks.Add(c)));

        await cut.InvokeAsync(() => cut.Instance.BrowserBarClicked(index: 1, series: 1));

        var click = Assert.Single(clicks);
        Assert.Equal(Months[1], click.Item);
        Assert.Equal("Paid", click.Series);
    }

    [Fact]
    public async Task A_click_the_chart_no_longer_has_a_bar_for_is_ignored()
    {
        var clicks = new List<BarClick<Month>>();
        var cut = Render(p => p.Add(c => c.OnClick, (BarClick<Month> c) => clicks.Add(c)));

        await cut.InvokeAsync(() => cut.Instance.BrowserBarClicked(index: 3, series: 0));
        await cut.InvokeAsync(() => cut.Instance.BrowserBarClicked(index: 0, series: 2));

        Assert.Empty(clicks);
    }

    [Fact]
    public void The_chart_is_hidden_from_screen_readers_and_keeps_the_attributes_it_is_given()
    {
        var cut = Render(p => p.Add(c => c.Height, 260).AddUnmatched("data-testid", "chart-revenue"));

        var chart = cut.ByTestId("chart-revenue");
        Assert.Equal("true", chart.GetAttribute("aria-hidden"));
        Assert.Contains("height: 260px", chart.GetAttribute("style"));
    }

    [Fact]
    public async Task Leaving_the_page_lets_the_chart_go_in_the_browser()
    {
        var cut = Render();
        module.VerifyInvoke("draw");

        await cut.Instance.DisposeAsync();

        module.VerifyInvoke("dispose");
    }
}
