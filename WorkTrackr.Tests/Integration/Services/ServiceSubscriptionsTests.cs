using WorkTrackr.Web.Features.Services;
using WorkTrackr.Web.Infrastructure.TimeZones;

namespace WorkTrackr.Tests.Integration.Services;

/// <summary>Customer services and the renewal board through the service the pages use, on the real app and database.</summary>
[Trait("Category", "Integration")]
public abstract class ServiceSubscriptionsTests<TApp>(TApp app) where TApp : TenantApp
{
    private ApplicationUser Dispatcher => app.A.Users[Roles.Dispatcher];

    /// <summary>A contact and product of their own, so each test reads only its own board rows.</summary>
    private async Task<(Guid Contact, Guid Product)> CustomerAsync(string name, decimal price)
    {
        var (contact, product) = (Build.Contact(name), Build.Product($"{name} plan", price, cost: price / 2, unit: "month"));
        await app.Factory.AddAsync(app.A.Id, contact, product);
        return (contact.Id, product.Id);
    }

    private async Task<DateOnly> TodayAsync()
    {
        await using var scope = await app.Factory.SignedInScopeAsync(Dispatcher);
        return TimeZones.Today(TimeProvider.System, scope.ServiceProvider.GetRequiredService<WorkTrackr.Web.Infrastructure.Tenancy.CurrentUser>().TimeZoneId);
    }

    private async Task<Guid> AddAsync(Guid contact, Guid product, DateOnly? renews, int quantity = 1, decimal? price = null, BillingCycle cycle = BillingCycle.Monthly)
    {
        var created = await app.Factory.RunAsAsync(Dispatcher, (ServiceSubscriptions s) => s.CreateAsync(new ServiceInput
        {
            ContactId = contact, ProductId = product, Quantity = quantity, PriceOverride = price, BillingCycle = cycle, RenewalDate = renews,
        }));
        Assert.True(created.Succeeded, created.Message);
        return created.Value;
    }

    [Fact]
    public async Task The_renewal_board_counts_and_values_each_window()
    {
        var (contact, product) = await CustomerAsync("Board Co", 10m);
        var today = await TodayAsync();
        await AddAsync(contact, product, today.AddDays(-3), quantity: 2);              // overdue: 20
        await AddAsync(contact, product, today, quantity: 1, price: 7.5m);             // 30 days: 7.50
        await AddAsync(contact, product, today.AddDays(30), quantity: 3);              // 30 days: 30
        await AddAsync(contact, product, today.AddDays(45), quantity: 1);              // 60 days: 10
        await AddAsync(contact, product, today.AddDays(90), quantity: 4, price: 2.25m); // 90 days: 9
        await AddAsync(contact, product, today.AddDays(91), quantity: 100);            // beyond the board
        var ended = await AddAsync(contact, product, today.AddDays(-10), quantity: 50);
        Assert.True((await app.Factory.RunAsAsync(Dispatcher, (ServiceSubscriptions s) => s.SetActiveAsync(ended, false))).Succeeded);

        var board = (await app.Factory.RunAsAsync(Dispatcher, (ServiceSubscriptions s) => s.BoardAsync())).Value!;
        var mine = board.Select(c => (c.Window, Count: c.Soonest.Count(i => i.ContactId == contact), Value: c.Soonest.Where(i => i.ContactId == contact).Sum(i => i.Value))).ToList();

        Assert.Equal([(RenewalWindow.Overdue, 1, 20m), (RenewalWindow.Within30, 2, 37.5m), (RenewalWindow.Within60, 1, 10m), (RenewalWindow.Within90, 1, 9m)], mine);
        // The totals are the database's and cover every contact; ours are part of them.
        Assert.All(board, c => Assert.True(c.Value >= mine.Single(m => m.Window == c.Window).Value && c.Count >= c.Soonest.Count));
    }

    [Fact]
    public async Task Renew_moves_the_date_on_one_cycle_keeps_month_ends_and_records_it_on_the_contact()
    {
        var (contact, product) = await CustomerAsync("Renew Co", 12m);
        var id = await AddAsync(contact, product, new DateOnly(2027, 1, 31));

        async Task<DateOnly> RenewAsync()
        {
            var current = (await app.Factory.RunAsAsync(Dispatcher, (ServiceSubscriptions s) => s.SearchAsync(new ServiceQuery { ContactId = contact }))).Value!.Items.Single();
            var renewed = await app.Factory.RunAsAsync(Dispatcher, (ServiceSubscriptions s) => s.RenewAsync(id, current.Version));
            Assert.True(renewed.Succeeded, renewed.Message);
            return renewed.Value;
        }

        Assert.Equal(new DateOnly(2027, 2, 28), await RenewAsync());
        Assert.Equal(new DateOnly(2027, 3, 31), await RenewAsync());
        await using var db = app.Factory.CreateDbContext(app.A.Id);
        var notes = await db.CrmEvents.Where(e => e.ContactId == contact).OrderBy(e => e.Title).Select(e => e.Title).ToListAsync();
        Assert.Equal(["Renewed 1 × Renew Co plan until 28 Feb 2027", "Renewed 1 × Renew Co plan until 31 Mar 2027"], notes);
    }

    [Fact]
    public async Task A_stale_renew_changes_nothing_and_a_one_off_does_not_renew()
    {
        var (contact, product) = await CustomerAsync("Stale Co", 5m);
        var id = await AddAsync(contact, product, new DateOnly(2027, 6, 15));
        var opened = (await app.Factory.RunAsAsync(Dispatcher, (ServiceSubscriptions s) => s.SearchAsync(new ServiceQuery { ContactId = contact }))).Value!.Items.Single();
        Assert.True((await app.Factory.RunAsAsync(Dispatcher, (ServiceSubscriptions s) => s.RenewAsync(id, opened.Version))).Succeeded);

        Assert.Equal(ResultStatus.Conflict, (await app.Factory.RunAsAsync(Dispatcher, (ServiceSubscriptions s) => s.RenewAsync(id, opened.Version))).Status);
        var now = (await app.Factory.RunAsAsync(Dispatcher, (ServiceSubscriptions s) => s.SearchAsync(new ServiceQuery { ContactId = contact }))).Value!.Items.Single();
        Assert.Equal(new DateOnly(2027, 7, 15), now.RenewalDate);

        var oneOff = await AddAsync(contact, product, null, cycle: BillingCycle.OneOff);
        var version = (await app.Factory.RunAsAsync(Dispatcher, (ServiceSubscriptions s) => s.SearchAsync(new ServiceQuery { ContactId = contact }))).Value!.Items.Single(i => i.Id == oneOff).Version;
        Assert.Equal("Set a renewal date first.", (await app.Factory.RunAsAsync(Dispatcher, (ServiceSubscriptions s) => s.RenewAsync(oneOff, version))).Message);
    }

    [Fact]
    public async Task A_service_needs_a_contact_and_product_of_the_organisation_a_quantity_and_a_renewal_date_when_recurring()
    {
        var (_, productOfB) = await CustomerAsyncFor(app.B.Id);
        var refused = await app.Factory.RunAsAsync(Dispatcher, (ServiceSubscriptions s) => s.CreateAsync(new ServiceInput
        {
            ContactId = Guid.NewGuid(), ProductId = productOfB, Quantity = 0, PriceOverride = -1, BillingCycle = BillingCycle.Annual,
        }));

        Assert.Equal(["Choose a contact from the list."], refused.Errors[nameof(ServiceInput.ContactId)]);
        Assert.Equal(["Choose an active product from the list."], refused.Errors[nameof(ServiceInput.ProductId)]);
        Assert.Equal(["Enter a quantity of 1 or more."], refused.Errors[nameof(ServiceInput.Quantity)]);
        Assert.StartsWith("Enter a price of 0 or more", refused.Errors[nameof(ServiceInput.PriceOverride)][0]);
        Assert.Equal(["A recurring service needs its next renewal date."], refused.Errors[nameof(ServiceInput.RenewalDate)]);
    }

    private async Task<(Guid Contact, Guid Product)> CustomerAsyncFor(Guid organisationId)
    {
        var (contact, product) = (Build.Contact("Other org customer"), Build.Product("Other org plan", price: 1, cost: 0, unit: "month"));
        await app.Factory.AddAsync(organisationId, contact, product);
        return (contact.Id, product.Id);
    }

    [Fact]
    public async Task Only_office_roles_work_with_services_and_only_their_own()
    {
        var (contact, product) = await CustomerAsync("Roles Co", 3m);
        var id = await AddAsync(contact, product, new DateOnly(2027, 3, 1));
        var item = (await app.Factory.RunAsAsync(Dispatcher, (ServiceSubscriptions s) => s.SearchAsync(new ServiceQuery { ContactId = contact }))).Value!.Items.Single();
        var input = new ServiceInput { ContactId = contact, ProductId = product, RenewalDate = new DateOnly(2027, 4, 1) };

        var technician = app.A.Users[Roles.Technician];
        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(technician, (ServiceSubscriptions s) => s.SearchAsync(new ServiceQuery()))).Status);
        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(technician, (ServiceSubscriptions s) => s.BoardAsync())).Status);
        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(technician, (ServiceSubscriptions s) => s.CreateAsync(input))).Status);
        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(technician, (ServiceSubscriptions s) => s.UpdateAsync(id, input, item.Version))).Status);
        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(technician, (ServiceSubscriptions s) => s.RenewAsync(id, item.Version))).Status);
        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(technician, (ServiceSubscriptions s) => s.SetActiveAsync(id, false))).Status);

        var other = app.B.Users[Roles.Dispatcher];
        Assert.Equal(ResultStatus.NotFound, (await app.Factory.RunAsAsync(other, (ServiceSubscriptions s) => s.UpdateAsync(id, input, item.Version))).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.Factory.RunAsAsync(other, (ServiceSubscriptions s) => s.RenewAsync(id, item.Version))).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.Factory.RunAsAsync(other, (ServiceSubscriptions s) => s.SetActiveAsync(id, false))).Status);
        Assert.Empty((await app.Factory.RunAsAsync(other, (ServiceSubscriptions s) => s.SearchAsync(new ServiceQuery { ContactId = contact }))).Value!.Items);
    }
}

public sealed class SqliteServiceSubscriptionsTests(SqliteTenantApp app) : ServiceSubscriptionsTests<SqliteTenantApp>(app), IClassFixture<SqliteTenantApp>;

public sealed class PostgresServiceSubscriptionsTests(PostgresTenantApp app) : ServiceSubscriptionsTests<PostgresTenantApp>(app), IClassFixture<PostgresTenantApp>;
