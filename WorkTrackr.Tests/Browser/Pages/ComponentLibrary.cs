using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace WorkTrackr.Tests.Browser.Pages;

/// <summary>
/// The one place that knows how the component libraries (MudBlazor, and the calendar and chart libraries behind the app's
/// own components) render what the pages are built from: the popup items of a dropdown, the inner input of a numeric or
/// date field, chart bars, calendar slots and events,
/// toast notifications and the side navigation. Page objects go through here, so a move to another library changes
/// this file (and the page objects' test ids where markup moves), never a test.
/// </summary>
public static class ComponentLibrary
{
    /// <summary>Opens <paramref name="dropdown"/> and picks the item whose text contains <paramref name="option"/>.</summary>
    /// <remarks>A MudSelect or MudAutocomplete opens on a click and lists <c>role="option"</c> items in its popover, which is empty while closed.</remarks>
    public static async Task ChooseAsync(ILocator dropdown, string option)
    {
        await dropdown.ClickAsync();
        await dropdown.Page.GetByRole(AriaRole.Option, new() { Name = option }).ClickAsync();
    }

    /// <summary>Opens <paramref name="dropdown"/> and picks its first item.</summary>
    public static async Task ChooseFirstAsync(ILocator dropdown)
    {
        await dropdown.ClickAsync();
        await dropdown.Page.GetByRole(AriaRole.Option).First.ClickAsync();
    }

    /// <summary>Opens a MudSelect (<paramref name="select"/> is its combobox, where the select puts its test id) and picks the option of exactly that text.</summary>
    /// <remarks>MudBlazor lists the options as <c>role="option"</c> in a <c>role="listbox"</c> popover, present only while open; it closes on the pick.</remarks>
    public static async Task ChooseInMudSelectAsync(ILocator select, string option)
    {
        await select.ClickAsync();
        var listbox = select.Page.GetByRole(AriaRole.Listbox);
        await listbox.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(listbox).ToHaveCountAsync(0);
    }

    /// <summary>
    /// The text box of a field found by its test id: MudBlazor's text, numeric and select fields put the id on the input
    /// itself, and the date wrappers on an element around the field. Either way, this is it.
    /// </summary>
    public static ILocator InputOf(ILocator field) =>
        field.Locator("xpath=./descendant-or-self::*[self::input[not(@type='hidden')] or self::textarea]").First;

    // MudBlazor.

    /// <summary>
    /// The message a MudBlazor field shows under itself (its error helper text, from the form's validation messages),
    /// for the field whose input is <paramref name="input"/>.
    /// </summary>
    /// <remarks>MudBlazor renders it as text in the field's <c>mud-input-control</c> box, with no role of its own.</remarks>
    public static ILocator FieldError(ILocator input) =>
        input.Locator("xpath=./ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' mud-input-control ')][1]")
            .Locator(".mud-input-helper-text.mud-input-error");

    /// <summary>The messages shown inside <paramref name="scope"/>: MudBlazor fields' own, and role="alert" ones (ValidationMessage, FieldMessage).</summary>
    public static ILocator FieldErrors(ILocator scope) =>
        scope.Locator(".mud-input-helper-text.mud-input-error").Or(scope.GetByRole(AriaRole.Alert));

    /// <summary>
    /// Types <paramref name="text"/> into a MudAutocomplete (which searches the server) and picks the option named
    /// <paramref name="option"/> (by default the text typed) from the list it opens (<c>role="option"</c> in its popover).
    /// </summary>
    public static async Task SearchAndChooseAsync(ILocator autocomplete, string text, string? option = null)
    {
        var input = InputOf(autocomplete);
        await input.ClickAsync();
        await input.FillAsync(text);
        await autocomplete.Page.GetByRole(AriaRole.Option, new() { Name = option ?? text }).ClickAsync();
    }

    /// <summary>The item of a MudToggleGroup (a quick-view bar) whose text is <paramref name="text"/>: MudBlazor renders each as a
    /// button of role <c>checkbox</c>, checked when chosen.</summary>
    public static ILocator MudToggleItem(ILocator group, string text) =>
        group.GetByRole(AriaRole.Checkbox, new() { Name = text, Exact = true });

    /// <summary>The data rows of a MudTable (role <c>row</c> in its body) that hold <paramref name="marker"/>, the row's own link or cell.</summary>
    public static ILocator MudTableRows(ILocator table, ILocator marker) =>
        table.GetByRole(AriaRole.Row).Filter(new() { Has = marker });

    /// <summary>The notice a page shows after an action: a MudBlazor snackbar (an alert inside the layout's snackbar host).</summary>
    public static ILocator Notification(IPage page) => page.GetByTestId("notices").GetByRole(AriaRole.Alert);

    /// <summary>The links of the side navigation (the drawer's nav, named by its aria-label).</summary>
    public static ILocator NavigationItemTexts(IPage page) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link);

    /// <summary>A bar a chart drew: the <see cref="Index"/>-th item of its <see cref="Series"/>-th series, and where it is on the page.</summary>
    public sealed record Bar(int Series, int Index, float X, float Y, float Width, float Height)
    {
        public bool Visible => Width > 3 && Height > 3;
    }

    /// <summary>
    /// The bars of a chart (the app's BarChart, found by its test id), once it has drawn them. ECharts draws each as an
    /// SVG shape with no role or name, so where a bar is comes from the chart's own layout of it, read until it holds still.
    /// </summary>
    public static async Task<IReadOnlyList<Bar>> BarsAsync(ILocator chart)
    {
        await chart.ScrollIntoViewIfNeededAsync();
        var handle = await chart.Page.WaitForFunctionAsync(
            """
            e => {
                const c = window.echarts?.getInstanceByDom(e);
                if (!c) return null;
                const box = e.getBoundingClientRect(), bars = [];
                c.getModel().eachSeries((series, s) => {
                    const data = series.getData();
                    for (let i = 0; i < data.count(); i++) {
                        const l = data.getItemLayout(i);
                        if (!l) continue;
                        bars.push([s, i, box.x + Math.min(l.x, l.x + l.width), box.y + Math.min(l.y, l.y + l.height), Math.abs(l.width), Math.abs(l.height)]);
                    }
                });
                // Only bars that stayed put between two looks: the chart may be drawing new figures just now.
                const seen = JSON.stringify(bars), same = e.wtBarsSeen === seen;
                e.wtBarsSeen = seen;
                return same && bars.length ? bars : null;
            }
            """, await chart.ElementHandleAsync(), new() { Timeout = 15_000, PollingInterval = 250 });
        var bars = await handle.JsonValueAsync<float[][]>();
        return [.. bars.Select(b => new Bar((int)b[0], (int)b[1], b[2], b[3], b[4], b[5]))];
    }

    /// <summary>
    /// Keeps, from the first page load on, the first drawing (ECharts' SVG) each chart of a page makes, by the chart's
    /// test id; <see cref="ChartsDrawnAgainAsync"/> then says which charts have since been drawn anew. Call before the
    /// page loads.
    /// </summary>
    public static async Task RecordFirstChartDrawingsAsync(IPage page) => await page.AddInitScriptAsync(
        """
        window.wtFirstDrawings = new Map();
        new MutationObserver(() => {
            for (const chart of document.querySelectorAll("wt-bar-chart")) {
                const svg = chart.querySelector("svg");
                if (svg && !window.wtFirstDrawings.has(chart.dataset.testid)) window.wtFirstDrawings.set(chart.dataset.testid, svg);
            }
        }).observe(document, { childList: true, subtree: true });
        """);

    /// <summary>The test ids of the page's charts, once every one has drawn, each with whether its drawing is not the first it made.</summary>
    public static async Task<IReadOnlyDictionary<string, bool>> ChartsDrawnAgainAsync(IPage page)
    {
        await page.WaitForFunctionAsync("""() => [...document.querySelectorAll("wt-bar-chart")].every(c => c.querySelector("svg"))""");
        return await page.EvaluateAsync<Dictionary<string, bool>>(
            """() => Object.fromEntries([...document.querySelectorAll("wt-bar-chart")].map(c => [c.dataset.testid, window.wtFirstDrawings.get(c.dataset.testid) !== c.querySelector("svg")]))""");
    }

    /// <summary>Clicks the middle of a bar, as a person does.</summary>
    public static async Task ClickAsync(IPage page, Bar bar) => await page.Mouse.ClickAsync(bar.X + bar.Width / 2, bar.Y + bar.Height / 2);

    /// <summary>Switches a MudBlazor toggle group (the calendar's views) to the item named <paramref name="name"/>: MudBlazor draws each item as a checkbox.</summary>
    public static async Task ToggleAsync(ILocator scope, string name) =>
        await scope.GetByRole(AriaRole.Checkbox, new() { Name = name, Exact = true }).ClickAsync();

    /// <summary>
    /// The column headings of the calendar, in order: the days of the day and week views, the technicians of the lane
    /// views. The app leaves EventCalendar's grid as plain boxes (no table roles: EventCalendar.razor.js), so they are
    /// found by the library's class.
    /// </summary>
    public static ILocator CalendarColumns(ILocator calendar) => calendar.Locator(".ec-col-head");

    /// <summary>The column headed exactly <paramref name="heading"/> (a technician's lane).</summary>
    public static ILocator CalendarColumn(ILocator calendar, string heading) =>
        CalendarColumns(calendar).Filter(new() { HasTextRegex = new Regex($"^{Regex.Escape(heading)}$") });

    /// <summary>
    /// Where on the page the time <paramref name="time"/> ("13:00") of <paramref name="column"/> (one of the calendar's
    /// column headers: a day, or a technician in the lanes) begins, as a person finds it: below the column's header, on
    /// the line of the time's label (two pixels in). The time's label is scrolled to the middle first.
    /// </summary>
    public static async Task<(float X, float Y)> TimePointAsync(ILocator calendar, ILocator column, string time)
    {
        var label = calendar.GetByText(time, new() { Exact = true }).First;
        // To the middle of the calendar, not its edge: a drag that ends near an edge makes the calendar scroll under it.
        await label.EvaluateAsync("e => e.scrollIntoView({ block: 'center', inline: 'nearest' })");
        var (at, header) = (await BoxAsync(label), await BoxAsync(column));
        return (header.X + header.Width / 2, at.Y + at.Height / 2 + 2);
    }

    /// <summary>
    /// Drags <paramref name="box"/> with the mouse so that its top lands on <paramref name="to"/>: it is held a few
    /// pixels below its top, and let go the same few pixels below the point.
    /// </summary>
    public static async Task DragToPointAsync(ILocator box, (float X, float Y) to)
    {
        var from = await BoxAsync(box);
        var page = box.Page;
        var hold = Math.Min(8, from.Height / 2);
        await page.Mouse.MoveAsync(from.X + from.Width / 2, from.Y + hold);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(to.X, to.Y + hold - 2, new() { Steps = 12 });
        await page.Mouse.UpAsync();
    }

    /// <summary>Drags the lower edge of <paramref name="box"/> down (or up) by <paramref name="pixels"/>, as a person lengthens a booking.</summary>
    public static async Task DragLowerEdgeAsync(ILocator box, float pixels)
    {
        await box.HoverAsync();
        var edge = await BoxAsync(box);
        var page = box.Page;
        var (x, y) = (edge.X + edge.Width / 2, edge.Y + edge.Height - 3);
        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(x, y + pixels, new() { Steps = 12 });
        await page.Mouse.UpAsync();
    }

    /// <summary>Drags an element that is draggable the HTML way (the unscheduled tickets) onto a point of the page.</summary>
    public static async Task DragOntoPointAsync(ILocator item, ILocator target, (float X, float Y) to)
    {
        var onto = await BoxAsync(target);
        await item.DragToAsync(target, new() { TargetPosition = new TargetPosition { X = to.X - onto.X, Y = to.Y - onto.Y } });
    }

    private static async Task<LocatorBoundingBoxResult> BoxAsync(ILocator locator) =>
        await locator.BoundingBoxAsync() ?? throw new InvalidOperationException($"{locator} is not on screen.");
}
