using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkTrackr.Data;
using WorkTrackr.Data.Catalog;
using WorkTrackr.Data.Contacts;
using WorkTrackr.Data.Crm;
using WorkTrackr.Data.Invoicing;
using WorkTrackr.Data.Organisations;
using WorkTrackr.Data.Services;
using WorkTrackr.Data.Tickets;
using WorkTrackr.Web.Features.Contacts;
using WorkTrackr.Web.Features.Services;

/// <summary>
/// Contact search, the renewal board and a contact page's timeline, on one organisation with 50,000 contacts and
/// 200,000 customer services (renewals spread over the past two months and the coming year, a tenth of them ended).
/// </summary>
internal static class CrmBench
{
    private const int Contacts = 50_000;
    private const int Services = 200_000;
    private const int Products = 40;

    private static readonly string[] Words = ["Acme", "Harbor", "Summit", "Pioneer", "Lakeside", "Redwood", "Keystone", "Northwind", "Granite", "Maple", "Cedar", "Atlas"];

    public static async Task RunAsync(DatabaseProvider provider, string connectionString)
    {
        var name = provider.ToString().ToLowerInvariant();
        await using var services = BenchHost.Services(provider, connectionString, s => s.AddScoped<ContactService>().AddScoped<ServiceSubscriptions>());

        var watch = Stopwatch.StartNew();
        var (organisationId, busyContact) = await SeedAsync(services);
        Console.WriteLine($"# {name}: seeded {Contacts:N0} contacts and {Services:N0} customer services in {watch.Elapsed.TotalSeconds:F1} s");
        await BenchHost.SettleAsync(services, provider);

        await using var scope = BenchHost.SignedIn(services, organisationId);
        var contacts = scope.ServiceProvider.GetRequiredService<ContactService>();
        var renewals = scope.ServiceProvider.GetRequiredService<ServiceSubscriptions>();

        await using var floor = new AdoFloor(provider, connectionString);

        string[] terms = ["harbor", "summit 12", "pioneer", "acme 4", "cedar 4999", "example.test", "555 01", "granite"];
        await new Figure
        {
            Name = "crm.contact_search_p95_ms", Provider = name, Rows = Services, Floor = floor.Replay,
            App = async i => (await contacts.SearchAsync(new ContactQuery { Text = terms[i % terms.Length] })).Value!.Items.Count,
        }.RunAsync();
        await new Figure
        {
            Name = "crm.renewal_board_ms", Provider = name, Rows = Services, Floor = floor.Replay,
            App = async _ => (await renewals.BoardAsync()).Value!.Sum(c => c.Count),
        }.RunAsync();
        await new Figure
        {
            Name = "crm.contact_timeline_ms", Provider = name, Rows = Services, Floor = floor.Replay,
            App = async _ => (await contacts.HistoryAsync(busyContact)).Value!.Count,
        }.RunAsync();
    }

    internal static async Task<(Guid Organisation, Guid BusyContact)> SeedAsync(IServiceProvider services)
    {
        var organisation = new Organisation { Name = "Bench CRM Co", TimeZoneId = "America/New_York" };
        await using (var db = BenchHost.Context(services, null))
        {
            await db.Database.MigrateAsync();
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
        }

        var random = new Random(7);
        var contactIds = new List<Guid>(Contacts);
        for (var batch = 0; batch < Contacts; batch += 5_000)
        {
            await using var db = BenchHost.Context(services, organisation.Id);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = batch; i < batch + 5_000; i++)
            {
                var contact = new Contact
                {
                    Name = $"{Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]} {i}",
                    Email = $"office{i}@example.test",
                    Phone = $"555 01{i % 100:D2} {i:D5}",
                };
                contactIds.Add(contact.Id);
                db.Contacts.Add(contact);
            }
            await db.SaveChangesAsync();
        }

        var productIds = new List<Guid>();
        await using (var db = BenchHost.Context(services, organisation.Id))
        {
            for (var i = 0; i < Products; i++)
            {
                var product = new Product { Name = $"Plan {i}", Cost = 5 + i, Price = 10 + i * 2.5m, Unit = "month" };
                productIds.Add(product.Id);
                db.Products.Add(product);
            }
            await db.SaveChangesAsync();
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var cycles = Enum.GetValues<BillingCycle>();
        for (var batch = 0; batch < Services; batch += 10_000)
        {
            await using var db = BenchHost.Context(services, organisation.Id);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = batch; i < batch + 10_000; i++)
            {
                var renews = today.AddDays(random.Next(-60, 366));
                db.CustomerServices.Add(new CustomerService
                {
                    ContactId = contactIds[random.Next(contactIds.Count)],
                    ProductId = productIds[random.Next(productIds.Count)],
                    Quantity = random.Next(1, 25),
                    PriceOverride = random.Next(10) == 0 ? 9.99m : null,
                    BillingCycle = cycles[random.Next(cycles.Length)],
                    RenewalDate = renews,
                    RenewalDay = renews.Day,
                    IsActive = random.Next(10) != 0,
                });
            }
            await db.SaveChangesAsync();
        }

        // One busy contact for the timeline: tickets, events and invoices besides its services.
        var busy = contactIds[42];
        await using (var db = BenchHost.Context(services, organisation.Id))
        {
            var now = DateTime.UtcNow;
            for (var i = 0; i < 60; i++)
            {
                db.Tickets.Add(new Ticket { Number = $"B-{i + 1:D6}", Title = $"Visit {i}", ContactId = busy, CreatedAt = now.AddDays(-i * 3) });
                db.CrmEvents.Add(new CrmEvent { Title = $"Call {i}", ContactId = busy, StartsAt = now.AddDays(-i * 2), EndsAt = now.AddDays(-i * 2).AddMinutes(30) });
            }
            for (var i = 0; i < 24; i++)
                db.Invoices.Add(new Invoice { Number = $"BINV-{i + 1:D6}", ContactId = busy, IssueDate = today.AddMonths(-i), DueDate = today.AddMonths(-i).AddDays(30) });
            await db.SaveChangesAsync();
        }
        return (organisation.Id, busy);
    }
}
