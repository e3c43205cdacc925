using Microsoft.Playwright;

namespace WorkTrackr.Tests.Browser.Pages;

/// <summary>An invoice (invoices/{id}): the draft's line editor, issuing, and the issued invoice's preview and PDF.</summary>
public sealed class InvoicePage(IPage page)
{
    public ILocator Title => page.GetByTestId("invoice-title");
    public ILocator Summary => page.GetByTestId("invoice-summary");
    public ILocator Preview => page.GetByTestId("invoice-preview");
    public ILocator EditorTotal => page.GetByTestId("editor-total");
    public ILocator DraftNotRestored => page.GetByTestId("draft-not-restored");
    public ILocator DownloadPdf => page.GetByTestId("download-pdf");

    // The first line of the draft.
    public ILocator LineDescription => page.GetByTestId("line-description");
    public ILocator LineQuantity => ComponentLibrary.InputOf(page.GetByTestId("line-quantity"));
    public ILocator LinePrice => ComponentLibrary.InputOf(page.GetByTestId("line-price"));

    /// <summary>The message beside a field of the line.</summary>
    public ILocator LineError => ComponentLibrary.FieldErrors(page.GetByTestId("invoice-line"));

    /// <summary>Fills the first line; leaving the price sends it to the server, which recomputes the totals.</summary>
    public async Task FillLineAsync(string? description = null, string? quantity = null, string? price = null)
    {
        if (description is not null) await LineDescription.FillAsync(description);
        if (quantity is not null) await LineQuantity.FillAsync(quantity);
        if (price is not null) await LinePrice.FillAsync(price);
        if (price is not null) await LinePrice.PressAsync("Tab");
        else await LineDescription.PressAsync("Tab");
    }

    public async Task SaveDraftAsync() => await page.GetByTestId("save-draft").ClickAsync();

    /// <summary>Issues the draft, confirming in the dialog.</summary>
    public async Task IssueAsync()
    {
        await page.GetByTestId("issue-invoice").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue", Exact = true }).ClickAsync();
    }
}
