using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkTrackr.Data;
using WorkTrackr.Data.Crm;
using WorkTrackr.Data.Identity;
using WorkTrackr.Data.Invoicing;
using WorkTrackr.Data.Tickets;
using WorkTrackr.Web.Features.Dashboard;
using WorkTrackr.Web.Features.Team;

/// <summary>
/// The manager dashboard as the page loads it: all nine panels at once, each on its own context, timed until the
/// last one answers. One organisation with the crm benchmark's 50,000 contacts and 200,000 services, plus 100,000
/// tickets over the past year (statuses, SLA targets, resolutions, a schedule for eight technicians), 20,000 invoices
/// with two to three lines each, and 20,000 CRM events.
/// </summary>
internal static class DashboardBench
{
    private const int Tickets = 100_000;
    private const int Invoices = 20_000;
    private const int Events = 20_000;
    private const int Technicians = 8;

    public static async Task RunAsync(DatabaseProvider provider, string connectionString)
    {
        var name = provider.ToString().ToLowerInvariant();
        await using var services = BenchHost.Services(provider, connectionString, s => s.AddScoped<TeamDirectory>().AddScoped<DashboardService>());

        var watch = Stopwatch.StartNew();
        var (organisationId, _) = await CrmBench.SeedAsync(services);
        await SeedAsync(services, organisationId);
        Console.WriteLine($"# {name}: seeded {Tickets:N0} tickets, {Invoices:N0} invoices, {Events:N0} CRM events and 200,000 services in {watch.Elapsed.TotalSeconds:F1} s");
        await BenchHost.SettleAsync(services, provider);

        await using var floor = new AdoFloor(provider, connectionString);
        foreach (var period in new[] { DashboardPeriod.ThisMonth, DashboardPeriod.Last90Days, DashboardPeriod.ThisYear })
        {
            // Each panel alone, once warm, to show where the time goes.
            await using (var scope = BenchHost.SignedIn(services, organisationId, role: Roles.Manager))
            {
                var dashboard = scope.ServiceProvider.GetRequiredService<DashboardService>();
                foreach (var (panel, load) in DashboardService.Panels)
                {
                    await load(dashboard, dashboard.Range(period), CancellationToken.None);
                    var (ms, _) = await BenchHost.TimeAsync(async () => (await load(dashboard, dashboard.Range(period), CancellationToken.None)).Succeeded ? 1 : 0);
                    Console.WriteLine($"# {name} {period} {panel}: {ms.ToString("F1", CultureInfo.InvariantCulture)} ms");
                }
            }
            await new Figure
            {
                Name = "dashboard.all_panels_ms", Provider = name, Rows = 200_000, Floor = floor.Replay,
                App = async _ =>
                {
                    await using var scope = BenchHost.SignedIn(services, organisationId, role: Roles.Manager);
                    var dashboard = scope.ServiceProvider.GetRequiredService<DashboardService>();
                    var range = dashboard.Range(period);
                    // As the page does: every panel at once, each with its own context (the floor sends each
                    // context's commands on a connection of its own, side by side where the app's overlapped).
                    var panels = await Task.WhenAll(DashboardService.Panels.Values.Select(load => load(dashboard, range, CancellationToken.None)));
                    if (panels.FirstOrDefault(p => !p.Succeeded) is { } failed) throw new InvalidOperationException(failed.Message);
                    return panels.Length;
                },
                Extra = _ => $"range={period} tickets={Tickets} invoices={Invoices} services=200000",
            }.RunAsync();
        }
    }

    private static async Task SeedAsync(IServiceProvider services, Guid organisationId)
    {
        var random = new Random(11);
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        List<Guid> contactIds, productIds;
        var technicianIds = new List<Guid>();
        await using (var db = BenchHost.Context(services, organisationId))
        {
            contactIds = await db.Contacts.Select(c => c.Id).Take(5_000).ToListAsync();
            productIds = await db.Products.Select(p => p.Id).ToListAsync();
            var role = await db.Roles.FirstOrDefaultAsync(r => r.Name == Roles.Technician);
            if (role is null)
            {
                role = new IdentityRole<Guid>(Roles.Technician) { Id = Guid.NewGuid(), NormalizedName = Roles.Technician.ToUpperInvariant() };
                db.Roles.Add(role);
            }
            for (var i = 0; i < Technicians; i++)
            {
                var user = new ApplicationUser { UserName = $"tech{i}@bench.test", Email = $"tech{i}@bench.test", DisplayName = $"Technician {i}", OrganisationId = organisationId };
                technicianIds.Add(user.Id);
                db.Users.Add(user);
                db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = role.Id });
            }
            await db.SaveChangesAsync();
        }

        var statuses = Enum.GetValues<TicketStatus>();
        var priorities = Enum.GetValues<TicketPriority>();
        for (var batch = 0; batch < Tickets; batch += 10_000)
        {
            await using var db = BenchHost.Context(services, organisationId);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = batch; i < batch + 10_000; i++)
            {
                var created = now.AddMinutes(-random.Next(0, 365 * 24 * 60));
                // Older tickets are mostly finished; recent ones mostly open.
                var status = (now - created).TotalDays > 30 && random.Next(10) < 9 ? statuses[3 + random.Next(2)] : statuses[random.Next(statuses.Length)];
                var due = created.AddHours(4 + random.Next(0, 72));
                var ticket = new Ticket
                {
                    Number = Ticket.FormatNumber(i + 1), Title = $"Ticket {i}", ContactId = contactIds[random.Next(contactIds.Count)],
                    Status = status, Priority = priorities[random.Next(priorities.Length)], CreatedAt = created, ResolutionDueAt = due,
                    ResolvedAt = TicketStatusIsFinished(status) ? created.AddHours(random.Next(1, 96)) : null,
                    AssignedUserId = random.Next(10) < 8 ? technicianIds[random.Next(technicianIds.Count)] : null,
                };
                if (ticket.AssignedUserId is not null && random.Next(3) == 0)
                {
                    ticket.ScheduledStart = created.Date.AddDays(random.Next(0, 10)).AddHours(8 + random.Next(0, 9));
                    ticket.ScheduledEnd = ticket.ScheduledStart.Value.AddMinutes(30 * random.Next(1, 9));
                }
                db.Tickets.Add(ticket);
            }
            await db.SaveChangesAsync();
        }

        for (var batch = 0; batch < Invoices; batch += 5_000)
        {
            await using var db = BenchHost.Context(services, organisationId);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = batch; i < batch + 5_000; i++)
            {
                var issued = today.AddDays(-random.Next(0, 365));
                var age = today.DayNumber - issued.DayNumber;
                var status = random.Next(50) == 0 ? InvoiceStatus.Void : age > 40 && random.Next(10) < 8 ? InvoiceStatus.Paid
                    : age > 30 ? InvoiceStatus.Overdue : random.Next(3) == 0 ? InvoiceStatus.Paid : InvoiceStatus.Issued;
                var invoice = new Invoice
                {
                    Number = $"INV-B-{i + 1:D6}", ContactId = contactIds[random.Next(contactIds.Count)], Status = status,
                    IssueDate = issued, DueDate = issued.AddDays(30), PaidOn = status == InvoiceStatus.Paid ? issued.AddDays(Math.Min(age, random.Next(1, 30))) : null,
                    VoidedAt = status == InvoiceStatus.Void ? now : null,
                    Lines = [.. Enumerable.Range(0, 2 + random.Next(2)).Select(p => new InvoiceLine
                    {
                        Position = p, ProductId = productIds[random.Next(productIds.Count)], Description = "Plan",
                        Quantity = random.Next(1, 10), UnitPrice = 10 + random.Next(0, 200), TaxRate = 0.2m,
                    })],
                };
                invoice.Recalculate();
                db.Invoices.Add(invoice);
            }
            await db.SaveChangesAsync();
        }

        var types = Enum.GetValues<CrmEventType>();
        await using (var db = BenchHost.Context(services, organisationId))
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = 0; i < Events; i++)
            {
                var starts = now.AddMinutes(-random.Next(0, 365 * 24 * 60));
                db.CrmEvents.Add(new CrmEvent
                {
                    Title = $"Event {i}", ContactId = contactIds[random.Next(contactIds.Count)], Type = types[random.Next(types.Length)],
                    StartsAt = starts, EndsAt = starts.AddMinutes(30), Status = random.Next(5) == 0 ? CrmEventStatus.Planned : CrmEventStatus.Done,
                    AssignedUserId = technicianIds[random.Next(technicianIds.Count)],
                });
            }
            await db.SaveChangesAsync();
        }
    }

    private static bool TicketStatusIsFinished(TicketStatus status) => status is TicketStatus.Resolved or TicketStatus.Closed;
}
