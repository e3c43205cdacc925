// BarChart.razor's side in the browser: the <wt-bar-chart> element. It draws its data-spec (JSON, see ChartSpec) with
// Apache ECharts (npm echarts, its "common" build, served from wwwroot/lib) as SVG, in the theme's colours and
// typeface (MudBlazor's CSS variables); again whenever data-spec changes or the element changes size. A click on a bar
// of a clickable chart is dispatched as a "barclick" event (detail: the item's index and the series'), which Blazor
// reads as BarClickEventArgs. App.razor loads this module on every page, so a prerendered chart is drawn as soon as
// the page and the library are in, before the circuit is live.
//
// A dashboard draws many charts at once: those that ask in the same task are measured together (one layout) and each is
// drawn at its measured size, so no chart makes the browser lay the page out again for the next.

import { loadScript } from "../../js/load.js";

const palette = ["primary", "secondary", "tertiary", "warning", "info", "success", "error"];

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
function categoryLabels(width, spec, colour) {
    const share = Math.max(24, Math.floor((width - 48) / Math.max(1, spec.categories.length)) - 8);
    return spec.horizontal
        ? { color: colour, interval: 0 }
        : { color: colour, interval: 0, width: share, overflow: "break", lineHeight: 14 };
}

function options(width, spec, t) {
    const axisValue = formatter(spec, 0);
    const category = {
        type: "category", data: spec.categories, inverse: spec.horizontal,
        axisLabel: categoryLabels(width, spec, t.text),
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
            // Drawn inside the chart's own SVG: ECharts' HTML tooltip reads the page's layout as each chart is made,
            // so a dashboard of charts laid the page out once per chart.
            renderMode: "richText",
            trigger: "item", valueFormatter: formatter(spec, spec.decimals),
            backgroundColor: t.surface, borderColor: t.lines, textStyle: { color: t.textPrimary, fontFamily: t.font, fontSize: 13 },
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

// The charts that asked to be drawn in this task, drawn together once it is done (before the browser paints).
const waiting = new Set();

// Drawn charts whose element has just left the page, by test id and spec, until the end of the task. When the page goes
// live, Blazor replaces the prerendered elements with new ones of the same spec: each new one takes the drawing over
// (whichever of the two is attached first) rather than drawing it again.
const leaving = new Map();

function drawWaiting() {
    const charts = [...waiting].filter(c => c.isConnected && !c.takeOver());
    waiting.clear();
    const sizes = charts.map(c => [c.clientWidth, c.clientHeight]); // one layout for all of them
    const t = theme();
    charts.forEach((chart, i) => chart.draw(sizes[i][0], sizes[i][1], t));
}

class BarChartElement extends HTMLElement {
    static observedAttributes = ["data-spec"];
    chart = null;
    #observer = null;
    #spec = null;
    #size = "";

    connectedCallback() { this.#ask(); }

    attributeChangedCallback() { if (this.isConnected) this.#ask(); }

    disconnectedCallback() {
        waiting.delete(this);
        this.#observer?.disconnect();
        this.#observer = null;
        if (!this.chart) return;
        const key = this.#key();
        const before = leaving.get(key);
        if (before) { clearTimeout(before.timer); if (before.element !== this) before.element.#letGo(); }
        leaving.set(key, { element: this, timer: setTimeout(() => { leaving.delete(key); this.#letGo(); }, 0) });
    }

    #key() { return `${this.dataset.testid ?? ""}\n${this.dataset.spec}`; }

    #letGo() {
        this.chart?.dispose();
        this.chart = this.#spec = null;
        this.#size = "";
    }

    async #ask() {
        const text = this.dataset.spec;
        if (!text) return;
        if (typeof echarts === "undefined") {
            try { await loadScript(JSON.parse(text).scriptUrl); } catch (e) { console.error(e); return; }
            if (!this.isConnected) return;
        }
        if (waiting.size === 0) queueMicrotask(drawWaiting);
        waiting.add(this);
    }

    /** Takes over the drawing of the same chart that has just left the page (or of this one, moved), if there is one. */
    takeOver() {
        if (this.chart) return false;
        const key = this.#key();
        const left = leaving.get(key);
        if (!left) return false;
        leaving.delete(key);
        clearTimeout(left.timer);
        const from = left.element;
        if (from !== this) {
            this.replaceChildren(...from.childNodes);
            // Where ECharts finds a chart's instance from its element (echarts.getInstanceByDom).
            this.setAttribute("_echarts_instance_", from.getAttribute("_echarts_instance_"));
            [this.chart, this.#spec, this.#size] = [from.chart, from.#spec, from.#size];
            from.chart = from.#spec = null;
            this.chart.owner = this;
        }
        this.#observe();
        return true;
    }

    draw(width, height, t) {
        const spec = this.#spec = JSON.parse(this.dataset.spec);
        this.#size = `${width}x${height}`;
        if (!this.chart) {
            const chart = this.chart = echarts.init(this, null, { renderer: "svg", width, height });
            chart.owner = this;
            chart.on("click", p => chart.owner.#clicked(p));
            this.#observe();
        } else {
            this.chart.resize({ width, height });
        }
        this.chart.setOption(options(width, spec, t), { notMerge: true });
    }

    // Drawn again at a new size only: the observer's first report is of the size last drawn.
    #observe() {
        this.#observer = new ResizeObserver(() => {
            const [w, h] = [this.clientWidth, this.clientHeight];
            if (`${w}x${h}` === this.#size) return;
            this.#size = `${w}x${h}`;
            if (!this.#spec.horizontal) this.chart.setOption({ xAxis: { axisLabel: categoryLabels(w, this.#spec, theme().text) } });
            this.chart.resize({ width: w, height: h });
        });
        this.#observer.observe(this);
    }

    #clicked(p) {
        if (!this.#spec?.clickable) return;
        this.dispatchEvent(new CustomEvent("barclick", { bubbles: true, detail: { index: p.dataIndex, series: p.seriesIndex } }));
    }
}

if (!customElements.get("wt-bar-chart")) customElements.define("wt-bar-chart", BarChartElement);
