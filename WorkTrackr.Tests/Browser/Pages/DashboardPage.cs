using Microsoft.Playwright;

namespace WorkTrackr.Tests.Browser.Pages;

/// <summary>The manager's dashboard (the home page of Admins and Managers): a period, and a panel per figure with its table.</summary>
public sealed class DashboardPage(IPage page)
{
    /// <summary>Every panel's name, as its test ids use it.</summary>
    public static readonly string[] Panels =
        ["open-tickets", "ticket-flow", "sla", "workload", "revenue", "receivables", "renewals", "top-products", "crm-activity"];

    public ILocator Range => page.GetByTestId("dashboard-range");
    public ILocator OpenTotal => page.GetByTestId("open-total");

    /// <summary>Picks a period by its label: "This week", "Last 90 days", "This year", "Custom"…</summary>
    public async Task ChoosePeriodAsync(string label) => await page.GetByTestId("dashboard-period").GetByText(label).ClickAsync();

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

    /// <summary>The shapes of the column series of the panel's <paramref name="chart"/>-th chart (0 = its first).</summary>
    public ILocator Columns(string panel, int chart = 0) => ComponentLibrary.ColumnSeriesShapes(ComponentLibrary.Charts(Panel(panel)).Nth(chart));

    /// <summary>The shapes of the bar series of the panel's first chart.</summary>
    public ILocator Bars(string panel) => ComponentLibrary.BarSeriesShapes(ComponentLibrary.Charts(Panel(panel)).First);

    // The custom range form.
    public ILocator CustomFrom => page.GetByLabel("From", new() { Exact = true });
    public ILocator CustomTo => page.GetByLabel("To", new() { Exact = true });
    public ILocator CustomToError => page.GetByTestId("custom-to-error");
    public async Task ApplyCustomAsync() => await page.GetByTestId("custom-apply").ClickAsync();
}
