using WorkTrackr.Web.Features.Dashboard;
using WorkTrackr.Web.Features.Services;
using WorkTrackr.Web.Features.Team;
using WorkTrackr.Web.Infrastructure.Operations;
using WorkTrackr.Web.Infrastructure.Tenancy;

namespace WorkTrackr.Tests.Integration.Dashboard;

/// <summary>
/// Every dashboard figure against a small data set computed by hand, in an organisation on London time with "now"
/// fixed at 20 March 2026, noon. Rows sit on the edges of March in London (GMT until 29 March, BST after), so an
/// off-by-one-hour day or week boundary changes a figure. Bravo gets the same kinds of rows and must never count.
/// </summary>
[Trait("Category", "Integration")]
public abstract class DashboardServiceTests<TApp>(TApp app) : IAsyncLifetime where TApp : TenantApp
{
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly DashboardRange March = new(DashboardPeriod.Custom, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));

    // Seeded once per app (test classes share theirs): an organisation of its own, and the same rows in Bravo.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TenantApp, Task<Seeded>> Seeds = [];
    private sealed record Seeded(TestOrganisation Organisation, Guid Product1, Guid Product2);

    private TestOrganisation org = default!;
    private Guid p1, p2;

    private ApplicationUser Manager => org.Users[Roles.Manager];
    private ApplicationUser Technician => org.Users[Roles.Technician];
    private ApplicationUser Dispatcher => org.Users[Roles.Dispatcher];

    private static DateTime Utc(int month, int day, int hour = 0, int minute = 0, int year = 2026) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);
    private static DateOnly Day(int month, int day, int year = 2026) => new(year, month, day);

    public async Task InitializeAsync()
    {
        Task<Seeded> seeding;
        lock (Seeds) seeding = Seeds.GetValue(app, _ => SeedAllAsync());
        (org, p1, p2) = await seeding;
    }

    private async Task<Seeded> SeedAllAsync()
    {
        var organisation = await TestOrganisations.CreateAsync(app.Factory, "Dashboard Co");
        var (product1, product2) = await SeedAsync(organisation.Id, organisation.Users[Roles.Technician].Id, organisation.Users[Roles.Dispatcher].Id);
        // The same rows in Bravo: none of them may show in the first organisation's figures.
        await SeedAsync(app.B.Id, app.B.Users[Roles.Technician].Id, app.B.Users[Roles.Dispatcher].Id);
        await using var db = app.Factory.CreateDbContext(null);
        var dispatcher = await db.Users.SingleAsync(u => u.Id == organisation.Users[Roles.Dispatcher].Id);
        dispatcher.WeeklyCapacityHours = 20;
        await db.SaveChangesAsync();
        return new Seeded(organisation, product1, product2);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(Guid, Guid)> SeedAsync(Guid organisationId, Guid technician, Guid dispatcher)
    {
        await using var db = app.Factory.CreateDbContext(organisationId);
        var contact = new Contact { Name = "Dashboard customer" };
        var product1 = new Product { Name = "Managed backup", Cost = 20, Price = 50 };
        var product2 = new Product { Name = "Laptop", Cost = 45, Price = 50 };
        db.AddRange(contact, product1, product2);

        var n = 100;
        Ticket T(TicketStatus status, TicketPriority priority, DateTime created, DateTime? resolved = null, DateTime? due = null) => new()
        {
            Number = Ticket.FormatNumber(++n), Title = $"Ticket {n}", Contact = contact, Status = status, Priority = priority,
            CreatedAt = created, ResolvedAt = resolved, ResolutionDueAt = due,
        };
        var t1 = T(TicketStatus.Open, TicketPriority.High, Utc(3, 1), due: Utc(3, 10));
        t1.AssignedUserId = technician;
        (t1.ScheduledStart, t1.ScheduledEnd) = (Utc(3, 10, 9), Utc(3, 10, 11));
        var t2 = T(TicketStatus.InProgress, TicketPriority.Low, Utc(3, 31, 22, 59)); // 23:59 BST on the 31st: in March
        t2.AssignedUserId = dispatcher;
        (t2.ScheduledStart, t2.ScheduledEnd) = (Utc(3, 31, 22), Utc(4, 1, 1)); // one hour of it before local midnight
        var t3 = T(TicketStatus.Open, TicketPriority.Urgent, Utc(2, 28, 23, 59)); // 28 February, GMT
        var t4 = T(TicketStatus.Open, TicketPriority.Urgent, Utc(3, 31, 23)); // midnight BST: 1 April
        var t5 = T(TicketStatus.Resolved, TicketPriority.Medium, Utc(3, 5, 10), resolved: Utc(3, 6, 10), due: Utc(3, 7));
        t5.AssignedUserId = technician;
        (t5.ScheduledStart, t5.ScheduledEnd) = (Utc(2, 28, 22), Utc(3, 1, 2)); // two hours of it in March
        var t6 = T(TicketStatus.Closed, TicketPriority.Medium, Utc(3, 5, 11), resolved: Utc(3, 9), due: Utc(3, 8));
        var t7 = T(TicketStatus.OnHold, TicketPriority.Medium, Utc(3, 15), due: Utc(3, 25));
        // Created 23:30 BST on Sunday 29 March (week of the 23rd), resolved 00:30 BST on Monday 30 March (week of the 30th).
        var t8 = T(TicketStatus.Resolved, TicketPriority.Low, Utc(3, 29, 22, 30), resolved: Utc(3, 29, 23, 30));
        db.Tickets.AddRange(t1, t2, t3, t4, t5, t6, t7, t8);

        Invoice I(InvoiceStatus status, DateOnly issued, DateOnly? paid, params (Product? Product, decimal Quantity, decimal Price)[] lines)
        {
            var invoice = new Invoice
            {
                Number = Invoice.FormatNumber(2026, ++n), Contact = contact, Status = status, IssueDate = issued, DueDate = issued.AddDays(30), PaidOn = paid,
                Lines = [.. lines.Select((l, i) => new InvoiceLine { Position = i, Product = l.Product, Description = l.Product?.Name ?? "Labour", Quantity = l.Quantity, UnitPrice = l.Price })],
            };
            invoice.Recalculate();
            return invoice;
        }
        var draft = I(InvoiceStatus.Draft, Day(3, 10), null, (product2, 1, 30));
        draft.Number = null;
        var voided = I(InvoiceStatus.Void, Day(3, 5), null, (product1, 1, 70));
        voided.VoidedAt = Utc(3, 6, 10);
        db.Invoices.AddRange(
            I(InvoiceStatus.Issued, Day(3, 1), null, (product1, 2, 50)),               // 100, March
            I(InvoiceStatus.Paid, Day(2, 20), Day(3, 31), (product1, 1, 50)),          // 50 invoiced in February, paid 31 March
            voided, draft,
            I(InvoiceStatus.Paid, Day(3, 15), Day(4, 1), (product2, 4, 50)),           // 200 in March, paid in April
            I(InvoiceStatus.Overdue, Day(12, 1, 2025), null, (null, 1, 40)),           // 109 days old on 20 March
            I(InvoiceStatus.Issued, Day(1, 19), null, (null, 1, 10)),                  // 60 days old
            I(InvoiceStatus.Overdue, Day(1, 18), null, (null, 1, 5)));                 // 61 days old

        CustomerService S(DateOnly renews, decimal? price = null, int quantity = 1, Product? product = null, bool active = true, BillingCycle cycle = BillingCycle.Monthly) =>
            new() { Contact = contact, Product = product ?? product1, RenewalDate = renews, PriceOverride = price, Quantity = quantity, IsActive = active, BillingCycle = cycle };
        db.CustomerServices.AddRange(
            S(Day(3, 20), price: 10, quantity: 2),   // today: 20, within 30
            S(Day(4, 19)),                           // today + 30: 50, within 30
            S(Day(4, 20), price: 15),                // today + 31: 15, 31–60
            S(Day(6, 18), product: product2),        // today + 90: 50, 61–90
            S(Day(6, 19)),                           // today + 91: not counted
            S(Day(3, 25), active: false),            // ended
            S(Day(4, 1), cycle: BillingCycle.OneOff), // a one-off never renews
            S(Day(3, 19)));                          // overdue: not due

        CrmEvent E(CrmEventType type, CrmEventStatus status, DateTime starts, Guid? user) =>
            new() { Title = $"{type}", Contact = contact, Type = type, Status = status, StartsAt = starts, EndsAt = starts.AddMinutes(30), AssignedUserId = user };
        db.CrmEvents.AddRange(
            E(CrmEventType.Call, CrmEventStatus.Done, Utc(3, 1, 0, 30), technician),
            E(CrmEventType.Meeting, CrmEventStatus.Done, Utc(3, 10, 14), technician),
            E(CrmEventType.Call, CrmEventStatus.Done, Utc(3, 31, 22, 30), dispatcher),  // 23:30 BST: March
            E(CrmEventType.Call, CrmEventStatus.Planned, Utc(3, 11), technician),       // not done
            E(CrmEventType.Call, CrmEventStatus.Done, Utc(3, 31, 23, 10), technician),  // 00:10 BST: April
            E(CrmEventType.Visit, CrmEventStatus.Done, Utc(3, 12), null));
        await db.SaveChangesAsync();
        return (product1.Id, product2.Id);
    }

    /// <summary>The dashboard of the signed-in scope <paramref name="services"/>, with "now" fixed at <see cref="Now"/>.</summary>
    private static DashboardService AtNow(IServiceProvider services) =>
        new(services.GetRequiredService<RecordOperations>(), services.GetRequiredService<CurrentUser>(),
            services.GetRequiredService<TeamDirectory>(), StoppedClock.At(Now));

    private async Task<T> PanelAsync<T>(Func<DashboardService, Task<Result<T>>> panel)
    {
        var result = await app.Factory.RunAsAsync(Manager, (IServiceProvider s) => panel(AtNow(s)));
        Assert.True(result.Succeeded, result.Message);
        return result.Value!;
    }

    [Fact]
    public async Task Open_tickets_are_those_created_in_the_range_in_local_days_by_status_and_priority()
    {
        var mix = await PanelAsync(d => d.OpenTicketsAsync(March));

        Assert.Equal([(TicketStatus.Open, 1), (TicketStatus.InProgress, 1), (TicketStatus.OnHold, 1)], mix.ByStatus.Select(s => (s.Key, s.Count)));
        Assert.Equal([(TicketPriority.Urgent, 0), (TicketPriority.High, 1), (TicketPriority.Medium, 1), (TicketPriority.Low, 1)],
            mix.ByPriority.Select(p => (p.Key, p.Count)));
    }

    [Fact]
    public async Task Created_and_resolved_are_counted_per_local_week_across_the_clock_change()
    {
        var flow = await PanelAsync(d => d.TicketFlowAsync(March));

        Assert.Equal(12, flow.Weeks.Count);
        Assert.Equal(Day(1, 12), flow.Weeks[0].WeekStart);
        Assert.Equal(Day(3, 30), flow.Weeks[^1].WeekStart);
        Assert.Equal([0, 0, 0, 0, 0, 0, 2, 2, 1, 0, 1, 2], flow.Weeks.Select(w => w.Created));
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1], flow.Weeks.Select(w => w.Resolved));
    }

    [Fact]
    public async Task Sla_compliance_counts_targets_due_in_the_range_and_lists_the_breaches()
    {
        var sla = await PanelAsync(d => d.SlaAsync(March));

        Assert.Equal((1, 2, 1), (sla.Met, sla.Breached, sla.Pending));
        Assert.Equal(33.3, sla.Percent);
        // Latest target first: the open one due on the 10th, then the one closed late.
        Assert.Equal([Utc(3, 10), Utc(3, 8)], sla.Breaches.Select(b => b.DueAt));
        Assert.Null(sla.Breaches[0].ResolvedAt);
    }

    [Fact]
    public async Task Workload_counts_open_tickets_now_and_only_the_scheduled_hours_inside_the_range()
    {
        var workload = await PanelAsync(d => d.WorkloadAsync(March));

        var technician = workload.People.Single(p => p.UserId == Technician.Id);
        var dispatcher = workload.People.Single(p => p.UserId == Dispatcher.Id);
        // The organisation's own first ticket is assigned to the technician too.
        Assert.Equal((2, 4.0, 177.1), (technician.OpenTickets, technician.ScheduledHours, technician.CapacityHours));
        Assert.Equal((1, 1.0, 88.6), (dispatcher.OpenTickets, dispatcher.ScheduledHours, dispatcher.CapacityHours));
        Assert.Equal(2, workload.People.Count);
    }

    [Fact]
    public async Task Revenue_is_invoiced_by_issue_date_and_paid_by_payment_date_per_month()
    {
        var revenue = await PanelAsync(d => d.RevenueAsync(new DashboardRange(DashboardPeriod.Custom, Day(2, 1), Day(3, 31))));

        Assert.Equal("GBP", revenue.Currency);
        Assert.Equal([(Day(2, 1), 50m, 0m), (Day(3, 1), 300m, 50m)], revenue.Months.Select(m => (m.Month, m.Invoiced, m.Paid)));
    }

    [Fact]
    public async Task Receivables_are_what_was_owed_on_the_last_day_up_to_today_aged_by_issue_date()
    {
        var owed = await PanelAsync(d => d.ReceivablesAsync(March));

        Assert.Equal(Day(3, 20), owed.AsOf); // the range runs past today
        Assert.Equal([(AgeBand.Days0To30, 3, 350m), (AgeBand.Days31To60, 1, 10m), (AgeBand.Days61To90, 1, 5m), (AgeBand.Over90, 1, 40m)],
            owed.Bands.Select(b => (b.Band, b.Invoices, b.Amount)));

        // On 28 February the March invoices were not yet issued; the 50 paid on 31 March was owed, 8 days old.
        var february = await PanelAsync(d => d.ReceivablesAsync(new DashboardRange(DashboardPeriod.Custom, Day(2, 1), Day(2, 28))));
        Assert.Equal([(AgeBand.Days0To30, 1, 50m), (AgeBand.Days31To60, 2, 15m), (AgeBand.Days61To90, 1, 40m), (AgeBand.Over90, 0, 0m)],
            february.Bands.Select(b => (b.Band, b.Invoices, b.Amount)));
    }

    [Fact]
    public async Task Renewals_due_in_the_next_90_days_come_in_the_boards_windows_with_their_value()
    {
        var renewals = await PanelAsync(d => d.RenewalsAsync());

        Assert.Equal([(RenewalWindow.Within30, 2, 70m), (RenewalWindow.Within60, 1, 15m), (RenewalWindow.Within90, 1, 50m)],
            renewals.Bands.Select(b => (b.Window, b.Services, b.Value)));
    }

    [Fact]
    public async Task Top_products_rank_by_margin_on_issued_invoices_of_the_range()
    {
        var top = await PanelAsync(d => d.TopProductsAsync(March));

        Assert.Equal([(p1, 100m, 40m, 60m), (p2, 200m, 180m, 20m)], top.Products.Select(p => (p.ProductId, p.Revenue, p.Cost, p.Margin)));
    }

    [Fact]
    public async Task Crm_activities_done_in_the_range_are_counted_per_person_and_type()
    {
        var activity = await PanelAsync(d => d.CrmActivityAsync(March));

        Assert.Equal([(Technician.Id, 2), (Dispatcher.Id, 1), (null, 1)], activity.People.Select(p => (p.UserId, p.Total)));
        var technician = activity.People[0];
        Assert.Equal((1, 1), (technician.Of(CrmEventType.Call), technician.Of(CrmEventType.Meeting)));
        Assert.Equal("Nobody", activity.People[2].Name);
    }

    [Fact]
    public async Task Every_panel_exports_its_table_as_csv()
    {
        foreach (var panel in DashboardService.Panels.Keys)
        {
            var writer = new StringWriter();
            var result = await app.Factory.RunAsAsync(Manager, (IServiceProvider s) => AtNow(s).ExportCsvAsync(panel, March, writer));
            Assert.True(result.Succeeded, $"{panel}: {result.Message}");
            Assert.True(writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length >= 2, panel);
        }
        var revenue = new StringWriter();
        await app.Factory.RunAsAsync(Manager, (IServiceProvider s) => AtNow(s).ExportCsvAsync("revenue", March, revenue));
        Assert.Equal(["Month,Invoiced (GBP),Paid (GBP)", "2026-03,300.00,50.00"], revenue.ToString().Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(ResultStatus.NotFound, (await app.Factory.RunAsAsync(Manager, (IServiceProvider s) => AtNow(s).ExportCsvAsync("salaries", March, new StringWriter()))).Status);
    }

    [Fact]
    public async Task Only_managers_and_admins_see_the_organisation_dashboard()
    {
        Assert.True((await app.Factory.RunAsAsync(org.Users[Roles.Admin], (IServiceProvider s) => AtNow(s).RevenueAsync(March))).Succeeded);
        foreach (var role in new[] { Roles.Dispatcher, Roles.Technician })
        {
            Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(org.Users[role], (IServiceProvider s) => AtNow(s).RevenueAsync(March))).Status);
            Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(org.Users[role], (IServiceProvider s) => AtNow(s).ExportCsvAsync("revenue", March, new StringWriter()))).Status);
        }
    }

    [Fact]
    public void Preset_ranges_and_custom_checks()
    {
        var friday = Day(3, 20);
        Assert.Equal((Day(3, 16), Day(3, 22)), Dates(DashboardRange.For(DashboardPeriod.ThisWeek, friday)));
        Assert.Equal((Day(3, 1), Day(3, 31)), Dates(DashboardRange.For(DashboardPeriod.ThisMonth, friday)));
        Assert.Equal((Day(2, 19), Day(3, 20)), Dates(DashboardRange.For(DashboardPeriod.Last30Days, friday)));
        Assert.Equal((Day(12, 21, 2025), Day(3, 20)), Dates(DashboardRange.For(DashboardPeriod.Last90Days, friday)));
        Assert.Equal((Day(1, 1), Day(12, 31)), Dates(DashboardRange.For(DashboardPeriod.ThisYear, friday)));
        Assert.Equal(Day(3, 16), DashboardRange.WeekStart(Day(3, 22))); // Sunday belongs to the week before
        Assert.Equal("To", DashboardService.Custom(Day(3, 2), Day(3, 1)).Errors.Keys.Single());
        Assert.Equal("From", DashboardService.Custom(null, Day(3, 1)).Errors.Keys.Single());
        Assert.False(DashboardService.Custom(Day(1, 1, 2020), Day(3, 1)).Succeeded);
        Assert.True(DashboardService.Custom(Day(3, 1), Day(3, 1)).Succeeded);
    }

    private static (DateOnly, DateOnly) Dates(DashboardRange range) => (range.From, range.To);
}

public sealed class SqliteDashboardServiceTests(SqliteTenantApp app) : DashboardServiceTests<SqliteTenantApp>(app), IClassFixture<SqliteTenantApp>;

public sealed class PostgresDashboardServiceTests(PostgresTenantApp app) : DashboardServiceTests<PostgresTenantApp>(app), IClassFixture<PostgresTenantApp>;
