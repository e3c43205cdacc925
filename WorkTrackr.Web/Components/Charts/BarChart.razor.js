// BarChart.razor's side in the browser: Apache ECharts (npm echarts, its "common" build, served from wwwroot/lib),
// drawn as SVG in the component's element, in the theme's colours and typeface (MudBlazor's CSS variables), and
// drawn again whenever the element changes size.

import { loadScript } from "../../js/load.js";

const palette = ["primary", "secondary", "tertiary", "warning", "info", "success", "error"];
// Each element's chart, its resize observer and what it last drew.
const charts = new WeakMap();

function theme() {
    const css = getComputedStyle(document.documentElement);
    const read = name => css.getPropertyValue(`--mud-${name}`).trim();
    return {
        colours: palette.map(p => read(`palette-${p}`)),
        text: read("palette-text-secondary"),
        lines: read("palette-lines-default"),
        surface: read("palette-surface"),
        textPrimary: read("palette-text-primary"),
        font: read("typography-default-family"),
    };
}

// en-GB, as DateFormats and CurrencyFormat write numbers: grouped thousands, a point for decimals.
function formatter(spec, decimals) {
    const number = new Intl.NumberFormat("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    return value => (value < 0 ? "-" : "") + spec.prefix + number.format(Math.abs(value));
}

// Upright bars share the width: each label may take its bar's share, and breaks onto a second line rather than hide.
function categoryLabels(element, spec, colour) {
    const share = Math.max(24, Math.floor((element.clientWidth - 48) / Math.max(1, spec.categories.length)) - 8);
    return spec.horizontal
        ? { color: colour, interval: 0 }
        : { color: colour, interval: 0, width: share, overflow: "break", lineHeight: 14 };
}

function options(element, spec) {
    const t = theme();
    const axisValue = formatter(spec, 0);
    const category = {
        type: "category", data: spec.categories, inverse: spec.horizontal,
        axisLabel: categoryLabels(element, spec, t.text),
        axisLine: { lineStyle: { color: t.lines } }, axisTick: { show: false },
    };
    const value = {
        type: "value", minInterval: spec.prefix ? 0 : 1,
        axisLabel: { color: t.text, formatter: axisValue },
        splitLine: { lineStyle: { color: t.lines } },
    };
    return {
        animation: false, // figures for work, not a show: a bar is where it belongs from the first frame
        color: t.colours,
        backgroundColor: "transparent",
        textStyle: { fontFamily: t.font, fontSize: 12 },
        grid: { left: 8, right: 16, top: spec.legend ? 36 : 12, bottom: 4, containLabel: true },
        legend: { show: spec.legend, top: 0, textStyle: { color: t.text }, itemWidth: 14, itemHeight: 10 },
        tooltip: {
            trigger: "item", valueFormatter: formatter(spec, spec.decimals),
            backgroundColor: t.surface, borderColor: t.lines, textStyle: { color: t.textPrimary },
        },
        xAxis: spec.horizontal ? value : category,
        yAxis: spec.horizontal ? category : value,
        series: spec.series.map(s => ({
            type: "bar", name: s.name, data: s.values, stack: spec.stacked ? "all" : undefined,
            barMaxWidth: 40, cursor: spec.clickable ? "pointer" : "default",
            emphasis: { focus: "none" },
        })),
    };
}

export async function draw(element, dotnet, spec) {
    await loadScript(spec.scriptUrl);
    let drawn = charts.get(element);
    if (!drawn) {
        const chart = echarts.init(element, null, { renderer: "svg" });
        drawn = { chart, spec };
        drawn.observer = new ResizeObserver(() => {
            if (!drawn.spec.horizontal) chart.setOption({ xAxis: { axisLabel: categoryLabels(element, drawn.spec, theme().text) } });
            chart.resize();
        });
        drawn.observer.observe(element);
        charts.set(element, drawn);
    }
    drawn.spec = spec;
    drawn.chart.setOption(options(element, spec), { notMerge: true });
    drawn.chart.off("click");
    if (spec.clickable) drawn.chart.on("click", p => dotnet.invokeMethodAsync("BrowserBarClicked", p.dataIndex, p.seriesIndex));
}

export function dispose(element) {
    const drawn = charts.get(element);
    if (!drawn) return;
    drawn.observer.disconnect();
    drawn.chart.dispose();
    charts.delete(element);
}
