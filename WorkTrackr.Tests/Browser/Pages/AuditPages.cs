using Microsoft.Playwright;

namespace WorkTrackr.Tests.Browser.Pages;

/// <summary>The audit log viewer (/admin/audit) and a record's History.</summary>
public sealed class AuditLogPage(IPage page)
{
    public ILocator Grid => page.GetByTestId("audit-grid");
    public ILocator Rows => Grid.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell) });
    public ILocator RecordId => ComponentLibrary.InputOf(page.GetByTestId("audit-record"));
    public ILocator Csv => page.GetByTestId("audit-csv");
    public ILocator Pager => page.GetByTestId("audit-pager");
    public async Task ChooseTypeAsync(string label) => await ComponentLibrary.ChooseInMudSelectAsync(page.GetByTestId("audit-type"), label);
}

/// <summary>A record's History: the contact page's tab, the ticket and invoice pages' card.</summary>
public sealed class RecordHistoryPanel(IPage page)
{
    public ILocator Root => page.GetByTestId("record-history");
    public async Task ShowOnCardAsync() => await page.GetByTestId("show-history").ClickAsync();
}
