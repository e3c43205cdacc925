using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkTrackr.Data;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Contacts;
using WorkTrackr.Data.Organisations;
using WorkTrackr.Data.Tickets;
using WorkTrackr.Tests.Infrastructure;
using WorkTrackr.Web.Features.Tickets;

// Server-side timings of the queries the pages run, from the service call to the rows, on data each benchmark makes
// itself, per provider, each beside a floor measured in the same run: the same SQL the call sent, sent again through
// plain ADO.NET (Floor.cs), so ratio = value / floor holds across machines where the times do not. Prints one
// "RESULT name provider=… value=… floor=… ratio=… rows=… rounds=… stable=…" line per figure (Figure.cs).
// Usage: WorkTrackr.Bench tickets|crm|invoices|dashboard [sqlite|postgres]...
//   tickets: one organisation with 100,000 tickets (2,000 scheduled in one month) and 20,000 contacts;
//   crm: one organisation with 50,000 contacts and 200,000 customer services;
//   invoices: PDFs through headless Chromium, and the renewal reminder sweep over the crm data;
//   dashboard: the manager dashboard's nine panels over the crm data plus 100,000 tickets and 20,000 invoices;
//   pages: the published app in headless Chromium on the demo data grown to 100,000 tickets (PagesBench.cs).
Func<DatabaseProvider, string, Task>? run = args.FirstOrDefault() switch
{
    "tickets" => TicketBench.RunAsync,
    "crm" => CrmBench.RunAsync,
    "invoices" => InvoiceBench.RunAsync,
    "dashboard" => DashboardBench.RunAsync,
    "pages" => PagesBench.RunAsync,
    _ => null,
};
if (run is null)
{
    Console.Error.WriteLine("usage: WorkTrackr.Bench tickets|crm|invoices|dashboard|pages [sqlite] [postgres]");
    return 2;
}
var providers = args.Length > 1 ? args[1..] : ["sqlite", "postgres"];
foreach (var provider in providers)
{
    if (provider == "sqlite")
    {
        var folder = Directory.CreateTempSubdirectory("worktrackr-bench-").FullName;
        try { await run(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "bench.db")};Pooling=True"); }
        finally
        {
            // BENCH_KEEP=1 leaves the database for a look at query plans (sqlite3 <path> 'EXPLAIN QUERY PLAN …').
            if (Environment.GetEnvironmentVariable("BENCH_KEEP") == "1") Console.WriteLine($"# sqlite database kept at {folder}/bench.db");
            else Directory.Delete(folder, recursive: true);
        }
    }
    else
    {
        await using var server = await PostgresServer.StartAsync();
        await run(DatabaseProvider.Postgres, await server.CreateDatabaseAsync("bench"));
    }
}
return 0;

internal static class TicketBench
{
    private const int Tickets = 100_000;
    private const int Contacts = 20_000;
    private const int ScheduledInMonth = 2_000;
    private static readonly DateTime Month = new(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);

    public static async Task RunAsync(DatabaseProvider provider, string connectionString)
    {
        var name = provider.ToString().ToLowerInvariant();
        await using var services = BenchHost.Services(provider, connectionString, s => s.AddScoped<TicketSearch>());

        var watch = Stopwatch.StartNew();
        var organisationId = await SeedAsync(services);
        Console.WriteLine($"# {name}: seeded {Tickets:N0} tickets and {Contacts:N0} contacts in {watch.Elapsed.TotalSeconds:F1} s");
        await BenchHost.SettleAsync(services, provider);

        await using var scope = BenchHost.SignedIn(services, organisationId);
        var search = scope.ServiceProvider.GetRequiredService<TicketSearch>();
        await using var floor = new AdoFloor(provider, connectionString);

        var firstPage = new TicketQuery { View = TicketView.AllOpen, Priorities = [TicketPriority.High, TicketPriority.Urgent], Sort = TicketSort.Risk };
        await new Figure
        {
            Name = "tickets.grid_first_page_p95_ms", Provider = name, Rows = Tickets, Floor = floor.Replay,
            App = async _ => (await search.SearchAsync(firstPage)).Value!.Items.Count,
        }.RunAsync();

        string[] words = ["printer", "boiler", "vpn", "T-0421", "warehouse", "filter", "server", "door"];
        await new Figure
        {
            Name = "tickets.search_p95_ms", Provider = name, Rows = Tickets, Floor = floor.Replay,
            App = async i => (await search.SearchAsync(new TicketQuery { View = TicketView.All, Text = words[i % words.Length] })).Value!.Items.Count,
        }.RunAsync();

        // The p95 of warm loads of one month (until 2026-12 this was one single call, which included EF's first
        // compilation of the query).
        await new Figure
        {
            Name = "tickets.calendar_month_ms", Provider = name, Rows = Tickets, Floor = floor.Replay,
            App = async _ => (await search.ScheduledAsync(Month, Month.AddMonths(1))).Value!.Count,
        }.RunAsync();
    }

    private static async Task<Guid> SeedAsync(IServiceProvider services)
    {
        var options = services.CreateScope().ServiceProvider.GetRequiredService<DbContextOptions<WorkTrackrDbContext>>();
        var organisation = new Organisation { Name = "Bench Co", TimeZoneId = "America/New_York" };
        await using (var db = new WorkTrackrDbContext(options, FixedTenant.None))
        {
            await db.Database.MigrateAsync();
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
        }

        var random = new Random(42);
        var contactIds = new List<Guid>(Contacts);
        for (var batch = 0; batch < Contacts; batch += 5_000)
        {
            await using var db = new WorkTrackrDbContext(options, new FixedTenant(organisation.Id));
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = batch; i < batch + 5_000; i++)
            {
                var contact = new Contact { Name = $"{Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]} {i}" };
                contactIds.Add(contact.Id);
                db.Contacts.Add(contact);
            }
            await db.SaveChangesAsync();
        }

        string[] subjects = ["Printer offline", "Boiler pressure low", "VPN will not connect", "Warehouse Wi-Fi", "Replace air filter", "Server disk full", "Door controller fault", "Email not syncing"];
        var statuses = Enum.GetValues<TicketStatus>();
        var priorities = Enum.GetValues<TicketPriority>();
        var start = DateTime.UtcNow.AddDays(-365);
        for (var batch = 0; batch < Tickets; batch += 5_000)
        {
            await using var db = new WorkTrackrDbContext(options, new FixedTenant(organisation.Id));
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = batch; i < batch + 5_000; i++)
            {
                var created = start.AddMinutes(random.Next(0, 365 * 24 * 60));
                var priority = priorities[random.Next(priorities.Length)];
                var (response, resolution) = SlaTarget.Defaults[priority];
                // The first 2,000 are scheduled within the benchmark month; the others spread over the year or unscheduled.
                DateTime? scheduled = i < ScheduledInMonth ? Month.AddMinutes(random.Next(0, 30 * 24 * 60))
                    : random.Next(3) == 0 ? created.AddDays(random.Next(1, 20)) : null;
                if (i >= ScheduledInMonth && scheduled >= Month && scheduled < Month.AddMonths(1)) scheduled = scheduled.Value.AddMonths(2);
                db.Tickets.Add(new Ticket
                {
                    Number = Ticket.FormatNumber(i + 1),
                    Title = subjects[random.Next(subjects.Length)],
                    ContactId = contactIds[random.Next(contactIds.Count)],
                    Status = statuses[random.Next(statuses.Length)],
                    Priority = priority,
                    ScheduledStart = scheduled,
                    ScheduledEnd = scheduled?.AddHours(2),
                    CreatedAt = created,
                    ResponseDueAt = created.AddMinutes(response),
                    ResolutionDueAt = created.AddMinutes(resolution),
                });
            }
            await db.SaveChangesAsync();
        }
        return organisation.Id;
    }

    private static readonly string[] Words = ["Acme", "Harbor", "Summit", "Pioneer", "Lakeside", "Redwood", "Keystone", "Northwind", "Granite", "Maple", "Cedar", "Atlas"];
}
