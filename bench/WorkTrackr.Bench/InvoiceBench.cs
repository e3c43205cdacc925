using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using WorkTrackr.Data;
using WorkTrackr.Data.Identity;
using WorkTrackr.Data.Invoicing;
using WorkTrackr.Web.Features.Invoicing;
using WorkTrackr.Web.Features.Services;
using WorkTrackr.Web.Infrastructure.Jobs;
using WorkTrackr.Web.Infrastructure.Pdf;
using WorkTrackr.Web.Infrastructure.Rendering;

/// <summary>
/// Invoice PDFs through the warm headless Chromium (one-page invoices per second with the renderer's default
/// concurrency, and one 200-line invoice), and the renewal reminder sweep over 200,000 customer services.
/// </summary>
internal static class InvoiceBench
{
    private const int OnePagers = 60;

    public static async Task RunAsync(DatabaseProvider provider, string connectionString)
    {
        var name = provider.ToString().ToLowerInvariant();
        await using var services = BenchHost.Services(provider, connectionString, s => s
            .AddSingleton<PdfRenderer>().Configure<PdfOptions>(o => { if (int.TryParse(Environment.GetEnvironmentVariable("BENCH_PDF_CONCURRENCY"), out var n)) o.MaxConcurrency = n; }).AddScoped<ComponentHtml>().AddScoped<DocumentPrinter>().AddScoped<InvoicePdf>()
            .AddScoped<JobDatabase>().AddSingleton<IJobTrigger, NoJobTrigger>()
            .AddScoped(sp => new RenewalReminderSweep(sp.GetRequiredService<JobDatabase>(), sp.GetRequiredService<IJobTrigger>(), sp.GetRequiredService<ComponentHtml>(), TimeProvider.System, NullLogger<RenewalReminderSweep>.Instance)));

        // The PDF figures do not depend on the database: measured once, with the first provider.
        if (provider == DatabaseProvider.Sqlite || Environment.GetEnvironmentVariable("BENCH_PDF_EVERY_PROVIDER") == "1")
            await PdfAsync(services);

        var watch = Stopwatch.StartNew();
        var (organisationId, _) = await CrmBench.SeedAsync(services);
        await AddManagerAsync(services, organisationId);
        Console.WriteLine($"# {name}: seeded 50,000 contacts and 200,000 customer services in {watch.Elapsed.TotalSeconds:F1} s");
        await BenchHost.SettleAsync(services, provider);

        await using var scope = services.CreateAsyncScope();
        var sweep = scope.ServiceProvider.GetRequiredService<RenewalReminderSweep>();
        await using var floor = new AdoFloor(provider, connectionString);
        // The first sweep of the day writes thousands of reminders, notifications and emails: before every timed call
        // (the app's and the floor's, which sends the same inserts) they are deleted again, untimed.
        await new Figure
        {
            Name = "invoices.reminder_sweep_ms", Provider = name, Rows = 200_000, Floor = floor.Replay,
            App = _ => sweep.SweepAsync(organisationId, anyHour: true),
            Reset = () => ForgetRemindersAsync(services),
            Runs = 7, WarmUp = 1, Stat = Statistic.Median, Extra = given => $"reminders={given}",
        }.RunAsync();
        await sweep.SweepAsync(organisationId, anyHour: true);
        // The same day's later sweeps: everything was given, so the sweep reads and gives nothing.
        await new Figure
        {
            Name = "invoices.reminder_sweep_repeat_ms", Provider = name, Rows = 200_000, Floor = floor.Replay,
            App = _ => sweep.SweepAsync(organisationId, anyHour: true),
            Runs = 15, WarmUp = 1, Stat = Statistic.Median, Extra = given => $"reminders={given}",
        }.RunAsync();
    }

    private static async Task ForgetRemindersAsync(IServiceProvider services)
    {
        await using var db = BenchHost.Context(services, null);
        await db.RenewalReminders.IgnoreQueryFilters().ExecuteDeleteAsync();
        await db.Notifications.IgnoreQueryFilters().ExecuteDeleteAsync();
        await db.EmailMessages.IgnoreQueryFilters().ExecuteDeleteAsync();
    }

    /// <summary>
    /// PDFs are not database work: their floor is Chromium printing an empty A4 page through the same renderer (its
    /// pooled pages, its concurrency), the machine's own cost of one print, so ratio says how many empty prints an
    /// invoice costs. PDFs per second is a rate: value and floor are printed as rates, and ratio is of the times
    /// (floor rate / value rate), so a higher ratio is a slower invoice here too.
    /// </summary>
    private static async Task PdfAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var pdf = scope.ServiceProvider.GetRequiredService<InvoicePdf>();
        var renderer = scope.ServiceProvider.GetRequiredService<PdfRenderer>();
        var onePage = Invoice(3);
        await pdf.RenderAsync(onePage); // starts the browser: the figure is for a warm one
        await pdf.RenderAsync(onePage);
        await renderer.RenderAsync(EmptyPage);

        var bytes = 0.0;
        await new Figure
        {
            Name = "invoices.pdf_per_s", Provider = "chromium", Rows = 3,
            App = async _ =>
            {
                var sizes = await Task.WhenAll(Enumerable.Range(0, OnePagers).Select(async _ => (await pdf.RenderAsync(onePage)).Length));
                bytes = sizes.Average();
                return sizes.Length;
            },
            Floor = async (_, _) => (await Task.WhenAll(Enumerable.Range(0, OnePagers).Select(_ => renderer.RenderAsync(EmptyPage)))).Length,
            FloorReplays = false, FloorKind = "empty_page",
            Runs = 3, WarmUp = 0, Stat = Statistic.Median, Display = ms => OnePagers * 1000 / ms,
            Extra = _ => $"pdfs={OnePagers} bytes={bytes:F0} cores={Environment.ProcessorCount}",
        }.RunAsync();

        var long200 = Invoice(200);
        var pages = 0;
        await new Figure
        {
            Name = "invoices.pdf_200_lines_ms", Provider = "chromium", Rows = 200,
            App = async _ => pages = CountPages(await pdf.RenderAsync(long200)),
            Floor = async (_, _) => (await renderer.RenderAsync(EmptyPage)).Length > 0 ? 1 : 0,
            FloorReplays = false, FloorKind = "empty_page",
            Runs = 5, WarmUp = 1, Stat = Statistic.Max,
            Extra = _ => $"lines=200 pages={pages}",
        }.RunAsync();
    }

    private const string EmptyPage = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><style>@page { size: A4; } html, body { margin: 0; }</style></head><body></body></html>";

    private static int CountPages(byte[] pdf) =>
        System.Text.RegularExpressions.Regex.Count(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]");

    private static InvoiceDetails Invoice(int lines)
    {
        var rows = Enumerable.Range(1, lines).Select(i => new InvoiceLine
        {
            Position = i, Description = $"Managed backup, site {i}", Quantity = 1 + i % 5, UnitPrice = 19.5m + i % 13, TaxRate = i % 3 == 0 ? 0.2m : 0.05m,
        }).ToList();
        var today = new DateOnly(2026, 11, 22);
        return new InvoiceDetails(Guid.NewGuid(), Guid.NewGuid(), "INV-2026-0042", InvoiceStatus.Issued, Guid.NewGuid(), "Harbour Dental Group",
            "12 Quay Street\nBristol BS1 4DJ", null, null, today, today.AddDays(30), 30, null, null, null, "Bank transfer, quoting the invoice number.",
            rows.Select(l => new InvoiceLineView(null, null, null, null, l.Description, l.Quantity, l.UnitPrice, l.TaxRate, l.NetAmount, l.TaxAmount)).ToList(),
            InvoiceTotals.Of(rows),
            rows.GroupBy(l => l.TaxRate).Select(g => new TaxBand(g.Key, g.Sum(l => l.NetAmount), g.Sum(l => l.TaxAmount))).ToList(),
            new InvoiceSender("Northwind Facilities", "USD", 0.08m),
            new InvoiceDocumentState(DocumentStatus.Pending, 0, null, null));
    }

    /// <summary>One Manager, so each reminder has someone to notify and email.</summary>
    private static async Task AddManagerAsync(IServiceProvider services, Guid organisationId)
    {
        await using var db = BenchHost.Context(services, null);
        var role = await db.Roles.SingleOrDefaultAsync(r => r.Name == Roles.Manager);
        if (role is null)
        {
            role = new IdentityRole<Guid>(Roles.Manager) { Id = Guid.NewGuid(), NormalizedName = Roles.Manager.ToUpperInvariant() };
            db.Roles.Add(role);
        }
        var manager = new ApplicationUser { UserName = "bench-manager@example.test", Email = "bench-manager@example.test", DisplayName = "Bench Manager", OrganisationId = organisationId };
        db.Users.Add(manager);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = manager.Id, RoleId = role.Id });
        await db.SaveChangesAsync();
    }
}
