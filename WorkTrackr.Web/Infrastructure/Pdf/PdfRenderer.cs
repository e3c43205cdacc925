using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace WorkTrackr.Web.Infrastructure.Pdf;

public sealed class PdfOptions
{
    public const string Section = "Pdf";
    /// <summary>Chromium's executable; empty finds <c>chromium</c> on PATH.</summary>
    public string? ChromiumPath { get; set; }
    /// <summary>Pages printed at once by the one warm browser: one per core measured best (bench/run.sh invoices).</summary>
    public int MaxConcurrency { get; set; } = Environment.ProcessorCount;
}

/// <summary>
/// Prints HTML to PDF with headless Chromium (docs/STACK.md, PDF: QuestPDF is not served by the registry). One browser is started on
/// first use and kept warm, with a few pages reused from one document to the next. Paper size, margins and page numbers
/// come from the document's own <c>@page</c> rules; its typeface ships inside this assembly (<see cref="Assets"/>) and is
/// embedded in every PDF, so the output does not depend on the fonts a machine has.
/// </summary>
public sealed partial class PdfRenderer(IOptions<PdfOptions> options, ILogger<PdfRenderer> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim starting = new(1, 1);
    private readonly SemaphoreSlim printing = new(Math.Max(1, options.Value.MaxConcurrency));
    // Pages are reused: opening a context and a page for every document costs more than printing it.
    private readonly System.Collections.Concurrent.ConcurrentBag<IPage> idle = [];
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>The origin documents may load <see cref="Assets"/> from; nothing else is reachable.</summary>
    public const string AssetOrigin = "https://assets.worktrackr.invalid/";

    /// <summary>Files documents can use by absolute URL under <see cref="AssetOrigin"/>, such as the embedded typeface.</summary>
    public static readonly IReadOnlyDictionary<string, (string ContentType, byte[] Content)> Assets = new Dictionary<string, (string, byte[])>
    {
        [AssetOrigin + "fonts/invoice-sans-latin.woff2"] = ("font/woff2", Resource("Pdf/SourceSans3-latin.woff2")),
        [AssetOrigin + "fonts/invoice-sans-latin-ext.woff2"] = ("font/woff2", Resource("Pdf/SourceSans3-latin-ext.woff2")),
    };

    private static byte[] Resource(string name)
    {
        using var stream = typeof(PdfRenderer).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is missing from the assembly.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    public async Task<byte[]> RenderAsync(string html, CancellationToken cancellationToken = default)
    {
        await printing.WaitAsync(cancellationToken);
        IPage? page = null;
        try
        {
            page = await PageAsync(cancellationToken);
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
            await page.EvaluateAsync("document.fonts.ready");
            var pdf = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true, Tagged = true });
            idle.Add(page);
            page = null;
            return pdf;
        }
        finally
        {
            if (page is not null) await DiscardAsync(page);
            printing.Release();
        }
    }

    /// <summary>A page that failed is not reused, nor its context kept.</summary>
    private async Task DiscardAsync(IPage page)
    {
        try
        {
            await page.Context.CloseAsync();
        }
        catch (PlaywrightException exception)
        {
            LogCloseFailed(logger, exception);
        }
    }

    private async Task<IPage> PageAsync(CancellationToken cancellationToken)
    {
        while (idle.TryTake(out var page))
            if (!page.IsClosed && browser is { IsConnected: true }) return page;
        var chromium = await BrowserAsync(cancellationToken);
        var context = await chromium.NewContextAsync();
        var fresh = await context.NewPageAsync();
        // Nothing outside the document is fetched but our own assets (the typeface), served from memory; the page's
        // memory cache then keeps a decoded font from one document to the next.
        await fresh.RouteAsync("**/*", route => Assets.TryGetValue(route.Request.Url, out var asset)
            ? route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = asset.ContentType, BodyBytes = asset.Content, Headers = new Dictionary<string, string> { ["Cache-Control"] = "max-age=31536000" } })
            : route.AbortAsync());
        return fresh;
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
            LogStarted(logger, browser.Version);
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closing a failed PDF page")]
    private static partial void LogCloseFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Started Chromium {Version} for PDFs")]
    private static partial void LogStarted(ILogger logger, string version);
}
