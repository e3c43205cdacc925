using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WorkTrackr.Tests.Browser.Pages;

/// <summary>The manager's dashboard (the home page of Admins and Managers): a period, and a panel per figure with its table.</summary>
public sealed class DashboardPage(IPage page)
{
    /// <summary>Every panel's name, as its test ids use it.</summary>
    public static readonly string[] Panels =
        ["open-tickets", "ticket-flow", "sla", "workload", "revenue", "receivables", "renewals", "top-products", "crm-activity"];

    public ILocator Range => page.GetByTestId("dashboard-range");
    public ILocator OpenTotal => page.GetByTestId("open-total");

    /// <summary>
    /// Picks a period by its label ("This week", "Last 90 days", "This year", "Custom"…) and returns once it is chosen and
    /// no panel is still loading, so what is read or clicked next is the new period's, not the old one's.
    /// </summary>
    public async Task ChoosePeriodAsync(string label)
    {
        var choice = ComponentLibrary.MudToggleItem(page.GetByTestId("dashboard-period"), label);
        await choice.ClickAsync();
        await Expect(choice).ToBeCheckedAsync();
        // A panel says aria-busy while it loads; it starts in the same render that checks the choice.
        await Expect(page.Locator("[data-testid^='panel-'][aria-busy='true']")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
    }

    public ILocator Panel(string name) => page.GetByTestId($"panel-{name}");
    public ILocator PanelError(string name) => page.GetByTestId($"panel-{name}-error");
    public ILocator PanelEmpty(string name) => page.GetByTestId($"panel-{name}-empty");

    /// <summary>The table behind a panel's chart (in the DOM whether or not it is open).</summary>
    public ILocator Table(string name) => page.GetByTestId($"table-{name}");

    /// <summary>The body rows of a panel's table, optionally only those mentioning <paramref name="text"/>.</summary>
    public ILocator TableRows(string name, string? text = null) =>
        text is null ? Table(name).Locator("tbody tr") : Table(name).Locator("tbody tr", new() { HasText = text });

    /// <summary>The data cells (not the heading) of the table's row mentioning <paramref name="text"/>.</summary>
    public ILocator TableCells(string name, string text) => TableRows(name, text).Locator("td");

    /// <summary>The row headings of a panel's table (such as each person's name).</summary>
    public async Task<IReadOnlyList<string>> TableRowHeadingsAsync(string name) => await Table(name).Locator("tbody th").AllTextContentsAsync();

    /// <summary>Opens the table behind a panel's chart.</summary>
    public async Task OpenTableAsync(string name) => await Panel(name).GetByText("The figures as a table").ClickAsync();

    /// <summary>Clicks the bar of the <paramref name="index"/>-th item (0 = the first) of a chart's first series. Charts are named by
    /// their test ids: chart-open-by-status, chart-open-by-priority, chart-ticket-flow, chart-workload, chart-revenue…</summary>
    public async Task ClickBarAsync(string chart, int index)
    {
        var bars = await ComponentLibrary.BarsAsync(page.GetByTestId(chart));
        await ComponentLibrary.ClickAsync(page, bars.Single(b => b.Series == 0 && b.Index == index));
    }

    /// <summary>Clicks the first bar of a chart big enough to click, of whichever series.</summary>
    public async Task ClickFirstBarAsync(string chart)
    {
        var bars = await ComponentLibrary.BarsAsync(page.GetByTestId(chart));
        await ComponentLibrary.ClickAsync(page, bars.First(b => b.Visible));
    }

    // The custom range form.
    public ILocator CustomFrom => page.GetByLabel("From", new() { Exact = true });
    public ILocator CustomTo => page.GetByLabel("To", new() { Exact = true });
    public ILocator CustomToError => ComponentLibrary.FieldError(CustomTo);
    public async Task ApplyCustomAsync() => await page.GetByTestId("custom-apply").ClickAsync();
}
