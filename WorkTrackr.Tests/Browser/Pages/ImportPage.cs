using Microsoft.Playwright;

namespace WorkTrackr.Tests.Browser.Pages;

/// <summary>The contact import (contacts/import): a CSV file, its preview with each row's problems, and the import buttons.</summary>
public sealed class ImportPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Import contacts from CSV" });
    public ILocator Summary => page.GetByTestId("import-summary");
    public ILocator ImportAll => page.GetByTestId("import-all");

    /// <summary>The problems the preview lists for the CSV's line <paramref name="line"/>.</summary>
    public ILocator Problems(int line) => page.GetByTestId("import-preview").Locator($"tr[data-line='{line}'] .problems");

    public async Task ChooseFileAsync(string name, string csv) =>
        await page.GetByTestId("csv-file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });

    public async Task ImportValidAsync() => await page.GetByTestId("import-valid").ClickAsync();
}
