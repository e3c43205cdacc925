// The app's Blazor JS initializer (Blazor finds it by its name): the DOM events of the app's own custom elements, so
// that components can handle them as @on... events with typed arguments.
export function afterWebStarted(blazor) {
    // <wt-bar-chart> (Components/Charts/BarChart.razor.js) → BarClickEventArgs.
    blazor.registerCustomEventType("barclick", {
        createEventArgs: event => ({ index: event.detail.index, series: event.detail.series }),
    });
}
