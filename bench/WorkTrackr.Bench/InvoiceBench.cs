using System.Diagnostics;
using System.Globalization;
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
            .AddSingleton<PdfRenderer>().Configure<PdfOptions>(o => { if (int.TryParse(Environment.GetEnvironmentVariable("BENCH_PDF_CONCURRENCY"), out var n)) o.MaxConcurrency = n; }).AddScoped<DocumentPrinter>().AddScoped<InvoicePdf>()
            .AddScoped<JobDatabase>().AddSingleton<IJobTrigger, NoJobTrigger>()
            .AddScoped(sp => new RenewalReminderSweep(sp.GetRequiredService<JobDatabase>(), sp.GetRequiredService<IJobTrigger>(), TimeProvider.System, NullLogger<RenewalReminderSweep>.Instance)));

        // The PDF figures do not depend on the database: measured once, with the first provider.
        if (provider == DatabaseProvider.Sqlite || Environment.GetEnvironmentVariable("BENCH_PDF_EVERY_PROVIDER") == "1")
            await PdfAsync(services, name);

        var watch = Stopwatch.StartNew();
        var (organisationId, _) = await CrmBench.SeedAsync(services);
        await AddManagerAsync(services, organisationId);
        Console.WriteLine($"# {name}: seeded 50,000 contacts and 200,000 customer services in {watch.Elapsed.TotalSeconds:F1} s");
        await BenchHost.SettleAsync(services, provider);

        await using var scope = services.CreateAsyncScope();
        var sweep = scope.ServiceProvider.GetRequiredService<RenewalReminderSweep>();
        var first = await BenchHost.TimeAsync(() => sweep.SweepAsync(organisationId, anyHour: true));
        Report("invoices.reminder_sweep_ms", name, first.Ms, $"rows=200000 reminders={first.Rows}");
        var again = await BenchHost.TimeAsync(() => sweep.SweepAsync(organisationId, anyHour: true));
        Report("invoices.reminder_sweep_repeat_ms", name, again.Ms, $"rows=200000 reminders={again.Rows}");
    }

    private static async Task PdfAsync(IServiceProvider services, string name)
    {
        await using var scope = services.CreateAsyncScope();
        var pdf = scope.ServiceProvider.GetRequiredService<InvoicePdf>();
        var onePage = Invoice(3);
        await pdf.RenderAsync(onePage); // starts the browser: the figure is for a warm one
        await pdf.RenderAsync(onePage);

        var watch = Stopwatch.StartNew();
        var sizes = await Task.WhenAll(Enumerable.Range(0, OnePagers).Select(async _ => (await pdf.RenderAsync(onePage)).Length));
        var perSecond = OnePagers / watch.Elapsed.TotalSeconds;
        Report("invoices.pdf_per_s", "chromium", perSecond, $"pdfs={OnePagers} bytes={sizes.Average():F0} cores={Environment.ProcessorCount}");

        var long200 = Invoice(200);
        var times = new List<double>();
        var pages = 0;
        for (var i = 0; i < 5; i++)
        {
            var one = Stopwatch.StartNew();
            var bytes = await pdf.RenderAsync(long200);
            times.Add(one.Elapsed.TotalMilliseconds);
            pages = CountPages(bytes);
        }
        Report("invoices.pdf_200_lines_ms", "chromium", times.Max(), $"lines=200 pages={pages} (slowest of 5)");
        _ = name;
    }

    private static int CountPages(byte[] pdf) =>
        System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]").Count;

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

    private static void Report(string figure, string provider, double value, string detail) =>
        Console.WriteLine($"RESULT {figure} provider={provider} value={value.ToString("F1", CultureInfo.InvariantCulture)} {detail}");
}
