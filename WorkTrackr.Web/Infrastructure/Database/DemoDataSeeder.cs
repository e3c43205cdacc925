using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Catalog;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Contacts;
using WorkTrackr.Data.Crm;
using WorkTrackr.Data.Identity;
using WorkTrackr.Data.Invoicing;
using WorkTrackr.Data.Organisations;
using WorkTrackr.Data.Resellers;
using WorkTrackr.Data.Services;
using WorkTrackr.Data.Tickets;

namespace WorkTrackr.Web.Infrastructure.Database;

public sealed record DemoLogin(string Email, string Role, string Organisation);

/// <summary>
/// Fills an empty database with a demo organisation, its people and a few months of work, two resellers with
/// customer organisations, and a platform admin. Deterministic (fixed random seed, dates relative to today) and
/// all in one transaction, so a failed seed leaves the database empty and the next start tries again.
/// </summary>
public sealed partial class DemoDataSeeder(
    DbContextOptions<WorkTrackrDbContext> options,
    IPasswordHasher<ApplicationUser> passwordHasher,
    ILookupNormalizer normalizer,
    TimeProvider clock,
    ILogger<DemoDataSeeder> logger)
{
    public const string Password = "Demo!2026";
    public const string DemoOrganisationName = "Northwind Facilities";

    public static readonly IReadOnlyList<DemoLogin> Logins =
    [
        new("admin@northwind.test", Roles.Admin, DemoOrganisationName),
        new("manager@northwind.test", Roles.Manager, DemoOrganisationName),
        new("dispatcher@northwind.test", Roles.Dispatcher, DemoOrganisationName),
        new("tech1@northwind.test", Roles.Technician, DemoOrganisationName),
        new("reseller@brightpartners.test", Roles.Reseller, "Bright Partners (reseller)"),
        new("platform@worktrackr.test", Roles.PlatformAdmin, "WorkTrackr platform"),
    ];

    private readonly Faker faker = new("en") { Random = new Randomizer(20261122) };

    /// <summary>An address in the demo business's own area: a street from Bogus, a town from <see cref="DemoTexts.Towns"/>.</summary>
    private string Address()
    {
        var (town, state, zip) = faker.PickRandom(DemoTexts.Towns);
        return $"{faker.Address.StreetAddress()}, {town}, {state} {zip}{faker.Random.Int(0, 99):00}";
    }
    private readonly SwitchableTenant tenant = new();
    private Dictionary<string, Guid> roleIds = [];

    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = new WorkTrackrDbContext(options, tenant);
        if (await db.Organisations.AnyAsync(cancellationToken)) return false;

        roleIds = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var demo = new Organisation
        {
            Name = DemoOrganisationName, Plan = OrganisationPlan.Pro, Currency = "USD", TimeZoneId = "America/New_York", DefaultTaxRate = 0.08m,
            CreatedAt = clock.GetUtcNow().UtcDateTime.AddYears(-1),
            LegalName = "Northwind Facilities LLC", Address = "200 Harbor Drive\nStamford, CT 06902", TaxNumber = "EIN 12-3456789",
            InvoiceEmail = "billing@northwind.test", InvoicePhone = "203-555-0100",
        };
        db.Organisations.Add(demo);
        await db.SaveChangesAsync(cancellationToken);

        AddUser(db, "platform@worktrackr.test", "Pat Platform", Roles.PlatformAdmin);
        var staff = new[]
        {
            AddUser(db, "admin@northwind.test", "Alex Admin", Roles.Admin, demo.Id),
            AddUser(db, "manager@northwind.test", "Morgan Manager", Roles.Manager, demo.Id),
            AddUser(db, "dispatcher@northwind.test", "Dana Dispatcher", Roles.Dispatcher, demo.Id),
        };
        var technicians = new[]
        {
            AddUser(db, "tech1@northwind.test", "Taylor Tech", Roles.Technician, demo.Id),
            AddUser(db, "tech2@northwind.test", "Jordan Fixer", Roles.Technician, demo.Id),
            AddUser(db, "tech3@northwind.test", "Sam Spanner", Roles.Technician, demo.Id),
        };
        await SeedResellersAsync(db, demo, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        tenant.OrganisationId = demo.Id;
        SeedOrganisationData(db, demo, staff.Concat(technicians).ToArray(), technicians);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var logins = string.Concat(Logins.Select(l => $"{Environment.NewLine}  {l.Role,-14} {l.Email,-32} {l.Organisation}"));
        LogSeeded(logger, Password, logins);
        return true;
    }

    private async Task SeedResellersAsync(WorkTrackrDbContext db, Organisation demo, CancellationToken cancellationToken)
    {
        var bright = new Reseller { Name = "Bright Partners", ContactEmail = "hello@brightpartners.test" };
        var summit = new Reseller { Name = "Summit Channel", ContactEmail = "partners@summitchannel.test", CommissionRate = 0.20m };
        db.Resellers.AddRange(bright, summit);
        await db.SaveChangesAsync(cancellationToken);
        AddUser(db, "reseller@brightpartners.test", "Riley Reseller", Roles.Reseller, resellerId: bright.Id);
        AddUser(db, "reseller@summitchannel.test", "Casey Channel", Roles.Reseller, resellerId: summit.Id);

        var customers = new (Reseller Reseller, string Name, OrganisationPlan Plan, OrganisationStatus Status, string Admin)[]
        {
            (bright, "Harbor IT Services", OrganisationPlan.Starter, OrganisationStatus.Active, "admin@harbor.test"),
            (bright, "Keystone Maintenance", OrganisationPlan.Enterprise, OrganisationStatus.Active, "admin@keystone.test"),
            (summit, "Pioneer Field Ops", OrganisationPlan.Pro, OrganisationStatus.Active, "admin@pioneer.test"),
            (summit, "Lakeside HVAC", OrganisationPlan.Starter, OrganisationStatus.Suspended, "admin@lakeside.test"),
            (summit, "Redwood Managed IT", OrganisationPlan.Pro, OrganisationStatus.Active, "admin@redwood.test"),
        };
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        // History as the platform would have kept it: rates and plans from a year ago, links from the day each began.
        foreach (var reseller in new[] { bright, summit })
            db.ResellerRates.Add(new ResellerRate { ResellerId = reseller.Id, Rate = reseller.CommissionRate, EffectiveFrom = today.AddYears(-1) });
        db.OrganisationPlanChanges.Add(new OrganisationPlanChange { OrganisationId = demo.Id, Plan = demo.Plan, EffectiveFrom = today.AddYears(-1) });
        db.ResellerLinks.Add(new ResellerLink { ResellerId = bright.Id, OrganisationId = demo.Id, LinkedOn = today.AddDays(-200), CreatedAt = now.AddDays(-200) });
        foreach (var (reseller, name, plan, status, admin) in customers)
        {
            var linked = now.AddDays(-faker.Random.Int(10, 300));
            var organisation = new Organisation { Name = name, Plan = plan, Status = status, Currency = "USD", TimeZoneId = "America/Chicago", CreatedAt = linked.AddDays(-7) };
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync(cancellationToken);
            db.OrganisationPlanChanges.Add(new OrganisationPlanChange { OrganisationId = organisation.Id, Plan = plan, EffectiveFrom = DateOnly.FromDateTime(linked.AddDays(-7)) });
            db.ResellerLinks.Add(new ResellerLink { ResellerId = reseller.Id, OrganisationId = organisation.Id, LinkedOn = DateOnly.FromDateTime(linked), CreatedAt = linked });
            AddUser(db, admin, $"{name} Admin", Roles.Admin, organisation.Id);
        }
    }

    private void SeedOrganisationData(WorkTrackrDbContext db, Organisation organisation, ApplicationUser[] people, ApplicationUser[] technicians)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        // Visits and meetings fall in the organisation's working day, wherever its clocks are.
        DateTime WorkingHour(DateTime dayOf, int addDays, int hour) =>
            Infrastructure.TimeZones.TimeZones.ToUtc(Infrastructure.TimeZones.TimeZones.ToLocal(dayOf, organisation.TimeZoneId).Date.AddDays(addDays).AddHours(hour), organisation.TimeZoneId)!.Value;

        var contacts = Enumerable.Range(0, 50).Select(i =>
        {
            var company = i % 4 != 0;
            return new Contact
            {
                Kind = company ? ContactKind.Company : ContactKind.Individual,
                Name = company ? faker.Company.CompanyName() : faker.Name.FullName(),
                Email = faker.Internet.Email().ToLowerInvariant(),
                Phone = faker.Phone.PhoneNumber($"{faker.PickRandom(DemoTexts.AreaCodes)}-###-####"),
                BillingAddress = Address(),
                ServiceAddress = faker.Random.Bool(0.6f) ? Address() : null,
                Notes = faker.Random.Bool(0.3f) ? faker.PickRandom(DemoTexts.ContactNotes) : null,
                CreatedAt = now.AddDays(-faker.Random.Int(91, 400)),
                // A third each looked after by the manager and the dispatcher (renewal reminders go to them); the rest by nobody (to the Managers).
                OwnerUserId = (i % 3) switch { 0 => people[1].Id, 1 => people[2].Id, _ => null },
            };
        }).ToList();
        db.Contacts.AddRange(contacts);

        var catalogue = new (string Name, string Category, decimal Cost, decimal Price, string Unit)[]
        {
            ("Managed workstation", "Managed services", 18, 45, "device/month"),
            ("Managed server", "Managed services", 60, 150, "server/month"),
            ("Microsoft 365 Business Standard", "Licences", 10.5m, 14, "user/month"),
            ("Endpoint protection", "Security", 3.2m, 7.5m, "device/month"),
            ("Offsite backup 1 TB", "Backup", 12, 29, "month"),
            ("Firewall monitoring", "Security", 25, 65, "month"),
            ("Domain registration", "Hosting", 9, 20, "year"),
            ("Web hosting", "Hosting", 6, 18, "month"),
            ("On-site technician hour", "Labour", 35, 95, "hour"),
            ("Remote support hour", "Labour", 25, 75, "hour"),
            ("After-hours callout", "Labour", 80, 180, "callout"),
            ("HVAC preventive maintenance visit", "Maintenance", 70, 160, "visit"),
            ("Boiler service", "Maintenance", 55, 130, "visit"),
            ("Fire alarm inspection", "Compliance", 90, 210, "visit"),
            ("Air filter replacement", "Parts", 8, 22, "each"),
            ("Network switch 24-port", "Hardware", 180, 289, "each"),
            ("Wi-Fi access point", "Hardware", 95, 169, "each"),
            ("UPS battery replacement", "Parts", 45, 99, "each"),
            ("Printer maintenance plan", "Maintenance", 15, 39, "month"),
            ("Security camera licence", "Licences", 4, 9.5m, "camera/month"),
        };
        var products = catalogue.Select(p => new Product
        {
            Name = p.Name, Category = p.Category, Cost = p.Cost, Price = p.Price, Unit = p.Unit,
            CreatedAt = now.AddDays(-400),
        }).ToList();
        db.Products.AddRange(products);

        var services = Enumerable.Range(0, 80).Select(i => new CustomerService
        {
            ContactId = faker.PickRandom(contacts).Id,
            ProductId = faker.PickRandom(products).Id,
            Quantity = faker.Random.Int(1, 25),
            PriceOverride = faker.Random.Bool(0.15f) ? Money.Round(faker.Random.Decimal(5, 120)) : null,
            BillingCycle = faker.PickRandom<BillingCycle>(),
            // One in five renews within the next 30 days; the rest spread over the year.
            RenewalDate = today.AddDays(i % 5 == 0 ? faker.Random.Int(0, 30) : faker.Random.Int(31, 365)),
            CreatedAt = now.AddDays(-faker.Random.Int(30, 365)),
        }).ToList();
        db.CustomerServices.AddRange(services);

        var general = new TicketTemplate { Name = "General request", CreatedAt = now.AddDays(-120) };
        var onsite = new TicketTemplate
        {
            Name = "On-site repair",
            CreatedAt = now.AddDays(-120),
            Fields =
            [
                new() { Key = "asset_tag", Label = "Asset tag", Type = CustomFieldType.Text, Required = true, HelpText = "The sticker on the device" },
                new() { Key = "site_type", Label = "Site type", Type = CustomFieldType.Select, Options = ["Office", "Retail", "Warehouse"] },
                new() { Key = "estimated_hours", Label = "Estimated hours", Type = CustomFieldType.Number },
                new() { Key = "parts_needed", Label = "Parts needed", Type = CustomFieldType.Checkbox },
                new() { Key = "access_notes", Label = "Access notes", Type = CustomFieldType.MultiLine },
            ],
        };
        db.TicketTemplates.AddRange(general, onsite);

        var subjects = new[]
        {
            "Printer offline", "Email not syncing", "Replace UPS battery", "Annual HVAC service", "Wi-Fi dropouts in warehouse",
            "New starter laptop", "Boiler pressure low", "Fire alarm test", "VPN will not connect", "Server disk nearly full",
            "Install access point", "Door controller fault", "Backup job failed", "Air filter change", "Phone system upgrade",
        };
        var tickets = new List<Ticket>();
        for (var i = 1; i <= 300; i++)
        {
            var created = now.AddDays(-faker.Random.Double(0, 90));
            // Scheduled work falls between 90 days ago and 30 days ahead; past work is mostly finished.
            DateTime? start = faker.Random.Bool(0.7f)
                ? WorkingHour(created, faker.Random.Int(0, 30), faker.Random.Int(8, 16))
                : null;
            if (start > now.AddDays(30)) start = WorkingHour(now, faker.Random.Int(1, 30), faker.Random.Int(8, 16));
            var past = start < now || (start is null && created < now.AddDays(-30));
            var status = i <= 5
                ? (TicketStatus)(i - 1) // every status at least once
                : past
                    ? faker.Random.WeightedRandom([TicketStatus.Closed, TicketStatus.Resolved, TicketStatus.InProgress, TicketStatus.OnHold, TicketStatus.Open], [0.5f, 0.25f, 0.1f, 0.05f, 0.1f])
                    : faker.Random.WeightedRandom([TicketStatus.Open, TicketStatus.InProgress, TicketStatus.OnHold], [0.6f, 0.3f, 0.1f]);
            var template = faker.Random.Bool(0.4f) ? onsite : general;
            var priority = faker.Random.WeightedRandom([TicketPriority.Low, TicketPriority.Medium, TicketPriority.High, TicketPriority.Urgent], [0.25f, 0.45f, 0.2f, 0.1f]);
            var (responseMinutes, resolutionMinutes) = SlaTarget.Defaults[priority];
            var finished = status is TicketStatus.Resolved or TicketStatus.Closed;
            // Most finished work met its target; some did not, so the dashboards have both.
            DateTime? resolvedAt = finished ? created.AddMinutes(resolutionMinutes * faker.Random.Double(0.2, 1.3)) : null;
            if (resolvedAt > now) resolvedAt = now;
            tickets.Add(new Ticket
            {
                Number = Ticket.FormatNumber(i),
                ContactId = faker.PickRandom(contacts).Id,
                Title = faker.PickRandom(subjects),
                Description = faker.PickRandom(DemoTexts.TicketDescriptions),
                Status = status,
                Priority = priority,
                ResponseDueAt = created.AddMinutes(responseMinutes),
                ResolutionDueAt = created.AddMinutes(resolutionMinutes),
                FirstRespondedAt = status == TicketStatus.Open && faker.Random.Bool(0.6f) ? null : created.AddMinutes(responseMinutes * faker.Random.Double(0.1, 1.2)),
                ResolvedAt = resolvedAt,
                CreatedByUserId = people[2].Id,
                AssignedUserId = faker.Random.Bool(0.8f) ? faker.PickRandom(technicians).Id : null,
                ScheduledStart = start,
                ScheduledEnd = start?.AddHours(faker.Random.Int(1, 3)),
                TemplateId = template.Id,
                CustomFieldValues = template == onsite
                    ? new Dictionary<string, string?>
                    {
                        ["asset_tag"] = $"NW-{faker.Random.Int(1000, 9999)}",
                        ["site_type"] = faker.PickRandom("Office", "Retail", "Warehouse"),
                        ["estimated_hours"] = faker.Random.Int(1, 6).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        ["parts_needed"] = faker.Random.Bool() ? "true" : "false",
                    }
                    : [],
                CreatedAt = created,
            });
        }
        db.Tickets.AddRange(tickets);
        db.TicketActivities.AddRange(tickets.Select(t => new TicketActivity
        {
            TicketId = t.Id, At = t.CreatedAt, UserId = t.CreatedByUserId, Kind = TicketActivityKind.Created, ToValue = t.Number,
        }));
        db.NumberSequences.Add(new NumberSequence { Name = NumberSequence.Tickets, LastValue = tickets.Count });

        var eventTitles = new[] { "Quarterly review", "Renewal call", "Site survey", "Follow-up email", "Proposal walkthrough", "Send quote" };
        db.CrmEvents.AddRange(Enumerable.Range(0, 100).Select(_ =>
        {
            var starts = WorkingHour(now, faker.Random.Int(-60, 30), faker.Random.Int(8, 17));
            return new CrmEvent
            {
                ContactId = faker.PickRandom(contacts).Id,
                Title = faker.PickRandom(eventTitles),
                Type = faker.PickRandom<CrmEventType>(),
                StartsAt = starts,
                EndsAt = starts.AddMinutes(faker.PickRandom(15, 30, 60, 90)),
                AssignedUserId = faker.PickRandom(people).Id,
                Status = starts < now ? faker.Random.WeightedRandom([CrmEventStatus.Done, CrmEventStatus.Cancelled], [0.85f, 0.15f]) : CrmEventStatus.Planned,
                Notes = faker.Random.Bool(0.4f) ? faker.PickRandom(DemoTexts.EventNotes) : null,
            };
        }));

        // Five months of billing, one invoice every three days, so the dashboard's revenue and receivables have a shape:
        // older invoices are mostly paid, some overdue; recent ones mostly still open; one void and one draft. Issued
        // invoices are numbered per year as issuing would have; their PDFs are queued for the job to render.
        const int invoiceCount = 48;
        var numbers = new Dictionary<int, int>();
        for (var i = 0; i < invoiceCount; i++)
        {
            var issued = today.AddDays(-3 * (invoiceCount - i));
            var age = today.DayNumber - issued.DayNumber;
            var contact = faker.PickRandom(contacts);
            var status = i == invoiceCount - 1 ? InvoiceStatus.Draft
                : i == invoiceCount - 6 ? InvoiceStatus.Void
                : age > 45 ? (faker.Random.Bool(0.85f) ? InvoiceStatus.Paid : InvoiceStatus.Overdue)
                : age > 30 ? (faker.Random.Bool(0.5f) ? InvoiceStatus.Paid : InvoiceStatus.Overdue)
                : faker.Random.Bool(0.4f) ? InvoiceStatus.Paid : InvoiceStatus.Issued;
            var invoice = new Invoice
            {
                ContactId = contact.Id,
                IssueDate = issued,
                DueDate = issued.AddDays(30),
                Status = status,
                CreatedAt = issued.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            };
            if (status != InvoiceStatus.Draft)
            {
                numbers[issued.Year] = numbers.GetValueOrDefault(issued.Year) + 1;
                invoice.Number = Invoice.FormatNumber(issued.Year, numbers[issued.Year]);
                (invoice.BillToName, invoice.BillToAddress) = (contact.Name, contact.BillingAddress);
                if (status == InvoiceStatus.Paid)
                {
                    var paid = issued.AddDays(faker.Random.Int(3, 25));
                    invoice.PaidOn = paid > today ? today : paid;
                }
                if (status == InvoiceStatus.Void) (invoice.VoidedAt, invoice.VoidReason) = (now.AddDays(-3), "Billed to the wrong site; reissued.");
                db.InvoiceDocuments.Add(new InvoiceDocument { Invoice = invoice, NextAttemptAt = now });
            }
            invoice.Lines.AddRange(faker.PickRandom(products, faker.Random.Int(1, 4)).Select((p, position) => new InvoiceLine
            {
                Position = position,
                ProductId = p.Id,
                Description = p.Name,
                Quantity = faker.Random.Int(1, 10),
                UnitPrice = p.Price,
                TaxRate = 0.08m,
            }));
            invoice.Recalculate();
            db.Invoices.Add(invoice);
        }
        foreach (var (year, last) in numbers)
            db.NumberSequences.Add(new NumberSequence { Name = Invoice.SeriesFor(year), LastValue = last });
    }

    private ApplicationUser AddUser(WorkTrackrDbContext db, string email, string displayName, string role, Guid? organisationId = null, Guid? resellerId = null)
    {
        var user = new ApplicationUser
        {
            UserName = email,
            NormalizedUserName = normalizer.NormalizeName(email),
            Email = email,
            NormalizedEmail = normalizer.NormalizeEmail(email),
            EmailConfirmed = true,
            DisplayName = displayName,
            OrganisationId = organisationId,
            ResellerId = resellerId,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
        };
        user.PasswordHash = passwordHasher.HashPassword(user, Password);
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleIds[role] });
        return user;
    }

    /// <summary>The seeder writes several organisations' rows, one after another, through one context.</summary>
    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded demo data. Demo logins (password {Password}):{Logins}")]
    private static partial void LogSeeded(ILogger logger, string password, string logins);

    private sealed class SwitchableTenant : ITenantContext
    {
        public Guid? OrganisationId { get; set; }
    }
}
