using System.Text.RegularExpressions;
using Microsoft.Playwright;
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
        await page.GetByTestId("new-invoice").ClickAsync();
        await page.GetByTestId("invoice-contact").ClickAsync();
        await page.Locator(".rz-dropdown-item:visible").First.ClickAsync();
        await page.GetByTestId("create-draft").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/invoices/[0-9a-f-]{36}$"));
        await Expect(page.GetByTestId("invoice-title")).ToHaveTextAsync("Draft invoice");
        await new AppShell(page).WaitUntilInteractiveAsync();
        // The blank draft offers its first line; an empty description is refused beside the field.
        await page.GetByTestId("line-quantity").Locator("input").FillAsync("2");
        await page.GetByTestId("line-price").Locator("input").FillAsync("62.50");
        await page.GetByTestId("line-price").Locator("input").PressAsync("Tab");
        await page.GetByTestId("save-draft").ClickAsync();
        await Expect(page.Locator("[data-testid=invoice-line] .validation-message")).ToHaveTextAsync("Describe the line.");
        await page.GetByTestId("line-description").FillAsync("Quarterly server check");
        await page.GetByTestId("line-description").PressAsync("Tab");
        await Expect(page.GetByTestId("editor-total")).ToHaveTextAsync("$135.00"); // 125.00 + 8 % tax

        await page.GetByTestId("issue-invoice").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue", Exact = true }).ClickAsync();

        await Expect(page.GetByTestId("invoice-title")).ToHaveTextAsync(new Regex(@"^INV-\d{4}-\d{4}$"));
        var number = await page.GetByTestId("invoice-title").TextContentAsync();
        await Expect(page.GetByTestId("invoice-preview")).ToContainTextAsync("Quarterly server check");
        // The job renders it in the background; the page notices without a reload.
        await Expect(page.GetByTestId("download-pdf")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-pdf").ClickAsync());
        Assert.Equal($"{number}.pdf", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
    }
}
