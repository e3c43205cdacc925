using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using WorkTrackr.Data;

namespace WorkTrackr.Tests.Infrastructure;

/// <summary>
/// The real app (Program.cs, middleware, Identity, migrations at start-up) on a real database of the chosen provider.
/// With <see cref="ServeOverHttp"/> it listens on a loopback port for a browser.
/// </summary>
public class WorkTrackrFactory(TestDatabase database, bool seedDemoData = false) : WebApplicationFactory<Program>
{
    private int? port;
    private DbContextOptions<WorkTrackrDbContext>? options;

    public TestDatabase Database { get; } = database;
    public string MailFolder { get; } = Directory.CreateTempSubdirectory("worktrackr-mail-").FullName;
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Starts Kestrel on a free loopback port and returns the base address.</summary>
    public Uri ServeOverHttp()
    {
        port ??= FreePort();
        UseKestrel(port.Value);
        StartServer();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:WorkTrackr", Database.ConnectionString);
        builder.UseSetting("Seed:DemoData", seedDemoData ? "true" : "false");
        builder.UseSetting("Email:PickupFolder", MailFolder);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        // Service tests run the workers themselves, when they choose; browser and job tests switch Hangfire's server on (Settings).
        builder.UseSetting("Jobs:Enabled", "false");
        // The suite signs in and downloads from one address far faster than a person: RateLimitTests sets the limits it tests.
        builder.UseSetting("RateLimits:AccountFormsPerMinute", "100000");
        builder.UseSetting("RateLimits:DownloadsPerMinute", "100000");
        builder.UseSetting("RateLimits:FeedReadsPerMinute", "100000");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        if (port is { } p) builder.UseUrls($"http://127.0.0.1:{p}");
    }

    /// <summary>A context that sees one organisation, for arranging and checking data behind the app's back.</summary>
    public WorkTrackrDbContext CreateDbContext(Guid? organisationId)
    {
        // Built here rather than resolved: the app's options are scoped and would die with the scope they came from.
        options ??= (DbContextOptions<WorkTrackrDbContext>)DataServiceCollectionExtensions
            .Configure(new DbContextOptionsBuilder<WorkTrackrDbContext>(), Database.Provider, Database.ConnectionString)
            .AddInterceptors(Services.GetRequiredService<AuditableInterceptor>(), Services.GetRequiredService<TenancyInterceptor>(),
                Services.GetRequiredService<ChangeStampInterceptor>())
            .Options;
        return new WorkTrackrDbContext(options, new FixedTenant(organisationId));
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        try { Directory.Delete(MailFolder, recursive: true); } catch (IOException) { }
    }
}
