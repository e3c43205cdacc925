using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace WorkTrackr.Web.Infrastructure.Pdf;

public sealed class PdfOptions
{
    public const string Section = "Pdf";
    /// <summary>Chromium's executable; empty finds <c>chromium</c> on PATH.</summary>
    public string? ChromiumPath { get; set; }
    /// <summary>Pages printed at once by the one warm browser.</summary>
    public int MaxConcurrency { get; set; } = 4;
}

/// <summary>
/// Prints HTML to PDF with headless Chromium (STACK.md: QuestPDF is not in the registry). One browser is started on
/// first use and kept warm; each document gets its own page, a few at a time. Paper size, margins and page numbers
/// come from the document's own <c>@page</c> rules, and its fonts are embedded in the HTML, so the output does not
/// depend on the fonts a machine has.
/// </summary>
public sealed class PdfRenderer(IOptions<PdfOptions> options, ILogger<PdfRenderer> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim starting = new(1, 1);
    private readonly SemaphoreSlim printing = new(Math.Max(1, options.Value.MaxConcurrency));
    private IPlaywright? playwright;
    private IBrowser? browser;

    public async Task<byte[]> RenderAsync(string html, CancellationToken cancellationToken = default)
    {
        await printing.WaitAsync(cancellationToken);
        try
        {
            var chromium = await BrowserAsync(cancellationToken);
            await using var context = await chromium.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
            var page = await context.NewPageAsync();
            // Nothing outside the document is fetched: its fonts and styles are inline.
            await page.RouteAsync("**/*", route => route.AbortAsync());
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
            await page.EvaluateAsync("document.fonts.ready").ConfigureAwait(false);
            return await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true, Tagged = true });
        }
        finally
        {
            printing.Release();
        }
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken cancellationToken)
    {
        if (browser is { IsConnected: true }) return browser;
        await starting.WaitAsync(cancellationToken);
        try
        {
            if (browser is { IsConnected: true }) return browser;
            if (browser is not null) await browser.DisposeAsync();
            playwright ??= await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium.ExecutablePath(options.Value.ChromiumPath),
                Args = Chromium.Arguments,
                Headless = true,
            });
            logger.LogInformation("Started Chromium {Version} for PDFs", browser.Version);
            return browser;
        }
        finally
        {
            starting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        starting.Dispose();
        printing.Dispose();
    }
}
