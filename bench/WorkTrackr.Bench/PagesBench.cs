using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WorkTrackr.Data;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Tickets;
using WorkTrackr.Web.Infrastructure.Pdf;

/// <summary>
/// The pages as a person sees them: the published app (Release) on the demo data grown to 100,000 tickets, driven by
/// headless Chromium. For each page, the time from navigation to its rows being visible, p50 and p95 over
/// <see cref="Loads"/> full page loads; and the server's resident memory per live circuit on the ticket list, as the
/// slope over 0, 10, 20 and 40 signed-in pages (least squares, on a freshly started server).
/// What "rows visible" means for each page is in <see cref="Pages"/>; it uses only the app's own markup (test ids,
/// roles, its <c>data-ticket</c> attribute), so the same bench measures any component library.
/// </summary>
internal static class PagesBench
{
    private const int Tickets = 100_000;
    private static readonly int Loads = int.TryParse(Environment.GetEnvironmentVariable("BENCH_LOADS"), out var loads) ? loads : 30;
    /// <summary>
    /// BENCH_PAGES=tickets,dashboard,circuits measures only those (the page names of <see cref="Pages"/>, and "circuits"
    /// for the memory figure), for a quicker look while working; the figures that count are the whole run's.
    /// </summary>
    private static readonly string[]? Only = Environment.GetEnvironmentVariable("BENCH_PAGES")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    private const int WarmUps = 3;
    private static readonly int[] CircuitCounts = [0, 10, 20, 40];

    private sealed record PageUnderTest(string Name, Func<Guid, string> Path, Func<IPage, Task> RowsVisible);

    private static readonly PageUnderTest[] Pages =
    [
        new("tickets", _ => "tickets", page => page.GetByTestId("ticket-grid")
            .GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^T-\d{6}$") }).First.WaitForAsync()),
        new("contacts", _ => "contacts", page => page.GetByTestId("contact-grid").GetByRole(AriaRole.Link).First.WaitForAsync()),
        // The week the calendar opens on; the demo data schedules work in every week around today.
        new("dispatch_week", _ => "calendar", page => page.GetByTestId("dispatch-calendar").Locator("[data-ticket]").First.WaitForAsync()),
        // All nine panels loaded (none busy, none still showing its first spinner) and every chart drawn (the charts
        // draw in the browser, once their script has loaded).
        new("dashboard", _ => "", page => page.WaitForFunctionAsync("""
            () => {
              const panels = [...document.querySelectorAll('[data-testid^="panel-"][aria-busy]')];
              return panels.length === 9 && panels.every(p => p.getAttribute('aria-busy') === 'false' && !p.querySelector('[aria-label^="Loading "]'))
                && [...document.querySelectorAll('[data-testid^="chart-"]')].every(c => c.querySelector('svg'));
            }
            """)),
        new("invoice", id => $"invoices/{id}", page => page.GetByTestId("invoice-preview").GetByRole(AriaRole.Row).Nth(1).WaitForAsync()),
    ];

    public static async Task RunAsync(DatabaseProvider provider, string connectionString)
    {
        var name = provider.ToString().ToLowerInvariant();
        var web = Environment.GetEnvironmentVariable("BENCH_WEB")
            ?? throw new InvalidOperationException("BENCH_WEB (the published app's folder) is not set; run bench/run.sh pages.");
        await using var services = BenchHost.Services(provider, connectionString, _ => { });

        // The app migrates and seeds the demo data itself, as on a first start.
        await using (await AppProcess.StartAsync(web, provider, connectionString)) { }
        var watch = Stopwatch.StartNew();
        var invoiceId = await GrowAsync(services);
        Console.WriteLine($"# {name}: demo data grown to {Tickets:N0} tickets in {watch.Elapsed.TotalSeconds:F1} s");
        await BenchHost.SettleAsync(services, provider);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath(), Headless = true, Args = Chromium.Arguments,
        });

        await using (var app = await AppProcess.StartAsync(web, provider, connectionString))
        {
            await using var context = await SignedInContextAsync(browser, app.BaseAddress);
            var page = await context.NewPageAsync();
            foreach (var target in Pages.Where(p => Measured(p.Name)))
            {
                var url = new Uri(app.BaseAddress, target.Path(invoiceId)).ToString();
                var visible = new List<double>();
                var interactive = new List<double>();
                for (var i = 0; i < WarmUps + Loads; i++)
                {
                    // A blank page between loads, so each is a whole page load with its own circuit, as from a bookmark.
                    await page.GotoAsync("about:blank");
                    var load = Stopwatch.StartNew();
                    await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Commit });
                    await target.RowsVisible(page);
                    var seen = load.Elapsed.TotalMilliseconds;
                    await page.Locator("[data-interactive='true']").WaitForAsync();
                    await target.RowsVisible(page);
                    if (i < WarmUps) continue;
                    visible.Add(seen);
                    interactive.Add(load.Elapsed.TotalMilliseconds);
                }
                var extra = $"rows={Tickets} loads={Loads} interactive_p95_ms={Fmt(Percentile(interactive, 0.95))}";
                Console.WriteLine($"RESULT pages.{target.Name}_visible_p50_ms provider={name} value={Fmt(Percentile(visible, 0.50))} {extra}");
                Console.WriteLine($"RESULT pages.{target.Name}_visible_p95_ms provider={name} value={Fmt(Percentile(visible, 0.95))} {extra}");
            }
        }

        if (!Measured("circuits")) return;
        // Memory on a freshly started server, so the figure is the circuits' and not the timings' leftovers.
        await using (var app = await AppProcess.StartAsync(web, provider, connectionString))
        {
            await using var context = await SignedInContextAsync(browser, app.BaseAddress);
            var tickets = new Uri(app.BaseAddress, "tickets").ToString();
            // One visit first, so what is measured is per circuit, not the first page's compiling and caching.
            var first = await context.NewPageAsync();
            await OpenLiveAsync(first, tickets);
            await first.CloseAsync();

            var open = new List<IPage>();
            var points = new List<(int Pages, double Kb)>();
            foreach (var count in CircuitCounts)
            {
                while (open.Count < count)
                {
                    var page = await context.NewPageAsync();
                    await OpenLiveAsync(page, tickets);
                    open.Add(page);
                }
                await Task.Delay(TimeSpan.FromSeconds(3));
                points.Add((count, await app.ResidentKbAsync()));
            }
            var slope = Slope(points);
            var shown = string.Join(',', points.Select(p => $"{p.Pages}:{p.Kb / 1024:F0}MB"));
            Console.WriteLine($"RESULT pages.kb_per_circuit provider={name} value={Fmt(slope)} rows={Tickets} page=tickets rss={shown}");
        }
    }

    private static bool Measured(string name) => Only is null || Only.Contains(name, StringComparer.Ordinal);

    private static async Task OpenLiveAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await Pages[0].RowsVisible(page);
        await page.Locator("[data-interactive='true']").WaitForAsync();
    }

    private static async Task<IBrowserContext> SignedInContextAsync(IBrowser browser, Uri baseAddress)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            TimezoneId = "America/New_York",
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, "Account/Login").ToString());
        await page.GetByLabel("Email").FillAsync("admin@northwind.test");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("Demo!2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("Account/Login", StringComparison.Ordinal));
        await page.Locator("[data-interactive='true']").WaitForAsync();
        await page.CloseAsync();
        return context;
    }

    /// <summary>
    /// Adds tickets to the demo organisation until it has <see cref="Tickets"/>: copies of its own tickets' titles,
    /// contacts, templates and assignees, created over the three years before the demo's, nearly all finished (as an
    /// organisation's history is). The weeks around today keep the demo's own density.
    /// </summary>
    private static async Task<Guid> GrowAsync(IServiceProvider services)
    {
        Guid organisationId;
        await using (var db = BenchHost.Context(services, null))
            organisationId = await db.Organisations.Where(o => o.Name == "Northwind Facilities").Select(o => o.Id).SingleAsync();

        List<Ticket> samples;
        Guid invoiceId;
        await using (var db = BenchHost.Context(services, organisationId))
        {
            samples = await db.Tickets.AsNoTracking().ToListAsync();
            invoiceId = await db.Invoices.Where(i => i.Status != WorkTrackr.Data.Invoicing.InvoiceStatus.Draft)
                .OrderByDescending(i => i.IssueDate).Select(i => i.Id).FirstAsync();
        }
        var random = new Random(20261202);
        var oldest = samples.Min(t => t.CreatedAt);
        var statuses = new[] { TicketStatus.Closed, TicketStatus.Closed, TicketStatus.Closed, TicketStatus.Resolved, TicketStatus.Resolved, TicketStatus.OnHold, TicketStatus.Open };
        var next = samples.Count + 1;
        while (next <= Tickets)
        {
            await using var db = BenchHost.Context(services, organisationId);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = 0; i < 5_000 && next <= Tickets; i++, next++)
            {
                var like = samples[random.Next(samples.Count)];
                var created = oldest.AddMinutes(-random.Next(1, 3 * 365 * 24 * 60));
                var (response, resolution) = SlaTarget.Defaults[like.Priority];
                var status = statuses[random.Next(statuses.Length)];
                DateTime? scheduled = random.Next(3) == 0 ? created.AddDays(random.Next(1, 10)).Date.AddHours(13 + random.Next(0, 8)) : null;
                var ticket = new Ticket
                {
                    Number = Ticket.FormatNumber(next),
                    Title = like.Title,
                    Description = like.Description,
                    ContactId = like.ContactId,
                    Status = status,
                    Priority = like.Priority,
                    AssignedUserId = like.AssignedUserId,
                    TemplateId = like.TemplateId,
                    CustomFieldValues = like.CustomFieldValues,
                    CreatedByUserId = like.CreatedByUserId,
                    ScheduledStart = scheduled,
                    ScheduledEnd = scheduled?.AddHours(random.Next(1, 4)),
                    CreatedAt = created,
                    ResponseDueAt = created.AddMinutes(response),
                    ResolutionDueAt = created.AddMinutes(resolution),
                    FirstRespondedAt = created.AddMinutes(response * random.NextDouble()),
                    ResolvedAt = status is TicketStatus.Resolved or TicketStatus.Closed ? created.AddMinutes(resolution * random.NextDouble() * 1.2) : null,
                };
                db.Tickets.Add(ticket);
                db.TicketActivities.Add(new TicketActivity { TicketId = ticket.Id, At = created, UserId = like.CreatedByUserId, Kind = TicketActivityKind.Created, ToValue = ticket.Number });
            }
            await db.SaveChangesAsync();
        }
        await using (var db = BenchHost.Context(services, organisationId))
        {
            await db.NumberSequences.Where(s => s.Name == NumberSequence.Tickets)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.LastValue, Tickets));
        }
        return invoiceId;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        var rank = p * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }

    private static double Slope(List<(int Pages, double Kb)> points)
    {
        var meanX = points.Average(p => p.Pages);
        var meanY = points.Average(p => p.Kb);
        return points.Sum(p => (p.Pages - meanX) * (p.Kb - meanY)) / points.Sum(p => (p.Pages - meanX) * (p.Pages - meanX));
    }

    private static string Fmt(double value) => value.ToString("F1", CultureInfo.InvariantCulture);

    /// <summary>The published app in its own process, on a free loopback port, until disposed.</summary>
    private sealed class AppProcess : IAsyncDisposable
    {
        private readonly Process process;
        private readonly List<string> output = [];

        private AppProcess(Process process, Uri baseAddress) => (this.process, BaseAddress) = (process, baseAddress);

        public Uri BaseAddress { get; }

        public static async Task<AppProcess> StartAsync(string folder, DatabaseProvider provider, string connectionString)
        {
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet", Path.Combine(folder, "WorkTrackr.Web.dll"))
            {
                WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["App__PublicBaseUrl"] = $"http://127.0.0.1:{port}/";
            start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            start.Environment["Database__Provider"] = provider.ToString();
            start.Environment["ConnectionStrings__WorkTrackr"] = connectionString;
            start.Environment["Seed__DemoData"] = "true";
            // Background jobs (the demo's invoice PDFs among them) would run during the timings; pages are what is measured.
            start.Environment["Jobs__Enabled"] = "false";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
            var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}/"));
            process.OutputDataReceived += (_, e) => app.Keep(e.Data);
            process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var until = Stopwatch.StartNew();
            while (until.Elapsed < TimeSpan.FromMinutes(5))
            {
                if (process.HasExited) break;
                try
                {
                    if ((await http.GetAsync(new Uri(app.BaseAddress, "health"))).StatusCode == HttpStatusCode.OK) return app;
                }
                catch (HttpRequestException) { }
                catch (TaskCanceledException) { }
                await Task.Delay(250);
            }
            await app.DisposeAsync();
            throw new InvalidOperationException("The app did not answer /health:\n" + app.Tail());
        }

        /// <summary>The process's resident memory (VmRSS), the median of five readings half a second apart.</summary>
        public async Task<double> ResidentKbAsync()
        {
            var readings = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                var line = (await File.ReadAllLinesAsync($"/proc/{process.Id}/status")).Single(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
                readings.Add(double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture));
                await Task.Delay(500);
            }
            return readings.Order().ElementAt(2);
        }

        private void Keep(string? line)
        {
            if (line is null) return;
            lock (output)
            {
                output.Add(line);
                if (output.Count > 200) output.RemoveAt(0);
            }
        }

        private string Tail()
        {
            lock (output) return string.Join('\n', output.TakeLast(40));
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            process.Dispose();
        }
    }
}
