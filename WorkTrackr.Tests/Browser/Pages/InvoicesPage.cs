using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WorkTrackr.Tests.Browser.Pages;

/// <summary>The invoice list (invoices) with its new-invoice dialog.</summary>
public sealed class InvoicesPage(IPage page)
{
    /// <summary>Starts a draft for the first customer the dialog offers and waits until its editor is live; returns its id.</summary>
    public async Task<Guid> NewDraftForFirstCustomerAsync()
    {
        await page.GetByTestId("new-invoice").ClickAsync();
        await ComponentLibrary.ChooseFirstAsync(page.GetByTestId("invoice-contact"));
        await page.GetByTestId("create-draft").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/invoices/[0-9a-f-]{36}$"));
        await new AppShell(page).WaitUntilInteractiveAsync();
        return Guid.Parse(page.Url[^36..]);
    }
}
