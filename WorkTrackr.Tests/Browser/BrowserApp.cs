using Microsoft.Playwright;
using WorkTrackr.Web.Infrastructure.Pdf;

namespace WorkTrackr.Tests.Browser;

/// <summary>
/// The real app with the demo data on a fresh SQLite file, served over HTTP on loopback (directly and through a
/// <see cref="TcpProxy"/> that can drop the connection), and one headless Chromium driven by Playwright.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    private readonly TestDatabase database = TestDatabase.Sqlite();
    private IPlaywright? playwright;

    public WorkTrackrFactory Factory { get; private set; } = default!;
    public Uri BaseAddress { get; private set; } = default!;
    public TcpProxy Proxy { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    /// <summary>
    /// How long a disconnected circuit is kept (3 minutes in production): short, so a test can outlast it, and longer
    /// than blazor.web.js takes to reconnect after a brief drop (ten quick tries, then one every 5 seconds).
    /// </summary>
    public static readonly TimeSpan DisconnectedRetention = TimeSpan.FromSeconds(10);

    /// <summary>How often a signed-in page and cookie are checked again (Identity:Revalidation).</summary>
    public static readonly TimeSpan Revalidation = TimeSpan.FromSeconds(2);

    public async Task InitializeAsync()
    {
        Factory = new WorkTrackrFactory(database, seedDemoData: true);
        Factory.Settings["Jobs:Enabled"] = "true";
        Factory.Settings["Circuits:DisconnectedRetention"] = DisconnectedRetention.ToString();
        // A deactivated person's open page signs out in seconds rather than within the minute production allows.
        Factory.Settings["Identity:Revalidation:Circuit"] = Revalidation.ToString();
        Factory.Settings["Identity:Revalidation:Cookie"] = Revalidation.ToString();
        BaseAddress = Factory.ServeOverHttp();
        Proxy = new TcpProxy(BaseAddress.Port);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath(),
            Headless = true,
            Args = Chromium.Arguments,
        });
    }

    /// <summary>A fresh browser profile (no cookies) on a desktop-sized window.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            TimezoneId = "America/New_York",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        Proxy?.Dispose();
        await Factory.DisposeAsync();
        database.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "Browser";
}
