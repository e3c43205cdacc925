using System.Text.RegularExpressions;
using WorkTrackr.Tests.Browser.Pages;
using static Microsoft.Playwright.Assertions;

namespace WorkTrackr.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class InvoiceTests(BrowserApp app)
{
    [Fact]
    public async Task A_manager_issues_an_invoice_watches_its_pdf_become_ready_and_downloads_it()
    {
        var page = await app.OpenAsAsync("manager@northwind.test", "invoices");
        await new InvoicesPage(page).NewDraftForFirstCustomerAsync();
        var invoice = new InvoicePage(page);
        await Expect(invoice.Title).ToHaveTextAsync("Draft invoice");

        // The blank draft offers its first line; an empty description is refused beside the field.
        await invoice.FillLineAsync(quantity: "2", price: "62.50");
        await invoice.SaveDraftAsync();
        await Expect(invoice.LineError).ToHaveTextAsync("Describe the line.");
        await invoice.FillLineAsync(description: "Quarterly server check");
        await Expect(invoice.EditorTotal).ToHaveTextAsync("$135.00"); // 125.00 + 8 % tax

        await invoice.IssueAsync();

        await Expect(invoice.Title).ToHaveTextAsync(new Regex(@"^INV-\d{4}-\d{4}$"));
        var number = await invoice.Title.TextContentAsync();
        await Expect(invoice.Preview).ToContainTextAsync("Quarterly server check");
        // The job renders it in the background; the page notices without a reload.
        await Expect(invoice.DownloadPdf).ToBeVisibleAsync(new() { Timeout = 30_000 });

        var download = await page.RunAndWaitForDownloadAsync(() => invoice.DownloadPdf.ClickAsync());
        Assert.Equal($"{number}.pdf", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
    }
}
