using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Crm;
using WorkTrackr.Data.Services;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Operations;
using WorkTrackr.Web.Infrastructure.Tenancy;
using WorkTrackr.Web.Infrastructure.TimeZones;

namespace WorkTrackr.Web.Features.Services;

/// <summary>
/// Customer services: which contact uses which product, at what price, and when it renews. Renewal windows are counted
/// from today in the user's time zone; values are quantity × price (the override, or the product's), per cycle.
/// </summary>
public sealed class ServiceSubscriptions(RecordOperations operations, CurrentUser currentUser, TimeProvider clock)
{
    public const int MaxPageSize = 200;
    public const int BoardColumnLength = 8;

    private const string What = "The service";

    private DateOnly Today => TimeZones.Today(clock, currentUser.TimeZoneId);

    public Task<Result<ServiceResults>> SearchAsync(ServiceQuery query, CancellationToken cancellationToken = default) =>
        operations.ReadAsync(Capabilities.ViewCustomerServices, async (db, cancellationToken) =>
    {
        var services = Filter(db, query);
        var total = await services.CountAsync(cancellationToken);
        var items = await Project(services.OrderBy(s => s.RenewalDate == null).ThenBy(s => s.RenewalDate).ThenBy(s => s.Id))
            .Skip(Math.Max(query.Skip, 0)).Take(Math.Clamp(query.Take, 1, MaxPageSize)).ToListAsync(cancellationToken);
        return new ServiceResults(items, total);
    }, cancellationToken);

    /// <summary>Every service of the list's filter (no paging) as CSV.</summary>
    public async Task<Result> ExportCsvAsync(ServiceQuery query, TextWriter writer, CancellationToken cancellationToken = default) =>
        await operations.ReadAsync(Capabilities.ViewCustomerServices, async (db, cancellationToken) =>
    {
        var rows = Project(Filter(db, query).OrderBy(s => s.RenewalDate == null).ThenBy(s => s.RenewalDate).ThenBy(s => s.Id)).AsAsyncEnumerable();
        await CsvExport.WriteAsync(writer, ["Contact", "Product", "Quantity", "Unit price", "Billing cycle", "Renewal date", "Value", "Active", "Notes"], rows, s =>
        [
            s.ContactName, s.ProductName, s.Quantity.ToString(CultureInfo.InvariantCulture), s.UnitPrice.ToString("0.00", CultureInfo.InvariantCulture),
            s.BillingCycle.ToString(), s.RenewalDate is { } renewal ? DateFormats.Format(renewal, DateFormats.IsoDate) : null, s.Value.ToString("0.00", CultureInfo.InvariantCulture),
            s.IsActive ? "yes" : "no", s.Notes,
        ], cancellationToken);
        return true;
    }, cancellationToken);

    public Task<Result<ServiceListItem>> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        operations.ProjectAsync(new Find<CustomerService>(Capabilities.ViewCustomerServices, id) { What = What }, Project, cancellationToken);

    /// <summary>The renewal board: overdue, and due within 30, 60 and 90 days, each with its count, value and soonest few.</summary>
    public Task<Result<IReadOnlyList<RenewalColumn>>> BoardAsync(CancellationToken cancellationToken = default) =>
        operations.ReadAsync<IReadOnlyList<RenewalColumn>>(Capabilities.ViewCustomerServices, async (db, cancellationToken) =>
    {
        var totals = await WindowTotalsAsync(db, Today, includeOverdue: true, cancellationToken);
        var columns = new List<RenewalColumn>();
        foreach (var window in Enum.GetValues<RenewalWindow>())
        {
            var soonest = await Project(Filter(db, new ServiceQuery { Window = window }).OrderBy(s => s.RenewalDate).ThenBy(s => s.Id))
                .Take(BoardColumnLength).ToListAsync(cancellationToken);
            var (count, value) = totals.GetValueOrDefault(window);
            columns.Add(new RenewalColumn(window, count, value, soonest));
        }
        return columns;
    }, cancellationToken);

    /// <summary>
    /// How many active, renewing services fall in each renewal window counted from <paramref name="today"/>, and their
    /// value per cycle: one query grouped by window, read by the renewal board and the dashboard alike. Overdue
    /// services are counted only when asked for. Values are summed as doubles, because SQLite's decimal arithmetic
    /// runs row by row in .NET callbacks; a double sum of money stays exact to the cent at these sizes, and is
    /// rounded to cents once.
    /// </summary>
    public static async Task<IReadOnlyDictionary<RenewalWindow, (int Count, decimal Value)>> WindowTotalsAsync(
        WorkTrackrDbContext db, DateOnly today, bool includeOverdue, CancellationToken cancellationToken)
    {
        var end30 = RenewalWindows.Range(RenewalWindow.Within30, today).To;
        var end60 = RenewalWindows.Range(RenewalWindow.Within60, today).To;
        var end90 = RenewalWindows.Range(RenewalWindow.Within90, today).To;
        var services = db.CustomerServices.Where(s => s.IsActive && s.BillingCycle != BillingCycle.OneOff && s.RenewalDate <= end90);
        if (!includeOverdue) services = services.Where(s => s.RenewalDate >= today);
        var rows = await (
                from service in services
                join product in db.Products on service.ProductId equals product.Id
                group new { service.Quantity, Price = service.PriceOverride ?? product.Price }
                    by service.RenewalDate < today ? RenewalWindow.Overdue
                        : service.RenewalDate <= end30 ? RenewalWindow.Within30
                        : service.RenewalDate <= end60 ? RenewalWindow.Within60
                        : RenewalWindow.Within90
                into window
                select new { Window = window.Key, Count = window.Count(), Value = window.Sum(x => (double)x.Price * x.Quantity) })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Window, r => (r.Count, Money.Round((decimal)r.Value)));
    }

    public Task<Result<Guid>> CreateAsync(ServiceInput input, CancellationToken cancellationToken = default) =>
        operations.CreateAsync(new Create<CustomerService>(Capabilities.ManageCustomerServices)
        {
            Input = input,
            Validate = (db, cancellationToken) => ValidateAsync(db, input, existing: null, cancellationToken),
            Make = (_, _) => Task.FromResult(Apply(new CustomerService(), input)),
        }, service => service.Id, cancellationToken);

    public Task<Result> UpdateAsync(Guid id, ServiceInput input, Guid expectedVersion, CancellationToken cancellationToken = default) =>
        operations.ChangeAsync(new Change<CustomerService>(Capabilities.ManageCustomerServices, id)
        {
            What = What,
            ExpectedVersion = expectedVersion,
            Input = input,
            Validate = op => ValidateAsync(op.Db, input, op.Row, op.CancellationToken),
            Apply = Steps.Do<CustomerService>(op => Apply(op.Row, input)),
        }, cancellationToken);

    /// <summary>
    /// Moves the renewal date on by one billing cycle (keeping its day of the month where the month allows) and records
    /// the renewal on the contact's timeline, in one transaction.
    /// </summary>
    public Task<Result<DateOnly>> RenewAsync(Guid id, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        DateOnly next = default;
        return operations.ChangeAsync(new Change<CustomerService>(Capabilities.ManageCustomerServices, id)
        {
            What = What,
            Query = db => db.CustomerServices.Include(s => s.Product),
            ExpectedVersion = expectedVersion,
            Validate = op =>
            {
                var service = op.Row;
                var renewed = service.RenewalDate is { } current ? Renewals.Next(current, service.BillingCycle, service.RenewalDay) : null;
                next = renewed ?? default;
                return Steps.Check(
                    (!service.IsActive, "", "This service has ended; reactivate it before renewing."),
                    (service.RenewalDate is null, "", "Set a renewal date first."),
                    (renewed is null, "", "A one-off service does not renew."));
            },
            InTransaction = true,
            Apply = Steps.Do<CustomerService>(op =>
            {
                var service = op.Row;
                service.RenewalDay ??= service.RenewalDate!.Value.Day;
                service.RenewalDate = next;
                var now = clock.GetUtcNow().UtcDateTime;
                op.Db.CrmEvents.Add(new CrmEvent
                {
                    ContactId = service.ContactId,
                    Title = $"Renewed {service.Quantity} × {service.Product!.Name} until {DateFormats.Format(next)}",
                    Type = CrmEventType.Task,
                    Status = CrmEventStatus.Done,
                    StartsAt = now,
                    EndsAt = now.AddMinutes(15), // an event needs a length to be edited later
                    AssignedUserId = currentUser.UserId,
                });
            }),
        }, _ => next, cancellationToken: cancellationToken);
    }

    /// <summary>Ends a service (or restarts it): it leaves the board, and stays on the contact's history.</summary>
    public Task<Result> SetActiveAsync(Guid id, bool active, CancellationToken cancellationToken = default) =>
        operations.ChangeAsync(new Change<CustomerService>(Capabilities.ManageCustomerServices, id)
        {
            What = What,
            Apply = Steps.Do<CustomerService>(op => op.Row.IsActive = active),
        }, cancellationToken);

    private IQueryable<CustomerService> Filter(WorkTrackrDbContext db, ServiceQuery query)
    {
        var services = db.CustomerServices.AsNoTracking();
        if (!query.IncludeEnded) services = services.Where(s => s.IsActive);
        if (query.ContactId is { } contact) services = services.Where(s => s.ContactId == contact);
        if (query.Window is { } window)
        {
            services = services.Where(s => s.BillingCycle != BillingCycle.OneOff); // a one-off never renews
            var (from, to) = RenewalWindows.Range(window, Today);
            if (from is { } f) services = services.Where(s => s.RenewalDate >= f);
            if (to is { } t) services = services.Where(s => s.RenewalDate <= t);
        }
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var pattern = LikePattern.Containing(query.Text.Trim());
            services = db.Database.IsNpgsql()
                ? services.Where(s => EF.Functions.ILike(s.Contact!.Name, pattern, LikePattern.Escape) || EF.Functions.ILike(s.Product!.Name, pattern, LikePattern.Escape))
                : services.Where(s => EF.Functions.Like(s.Contact!.Name, pattern, LikePattern.Escape) || EF.Functions.Like(s.Product!.Name, pattern, LikePattern.Escape));
        }
        return services;
    }

    private static IQueryable<ServiceListItem> Project(IQueryable<CustomerService> services) => services.Select(s => new ServiceListItem(
        s.Id, s.ContactId, s.Contact!.Name, s.ProductId, s.Product!.Name, s.Product.Unit, s.Quantity, s.PriceOverride ?? s.Product.Price,
        s.PriceOverride != null, s.BillingCycle, s.RenewalDate, s.Notes, s.IsActive, s.Version));

    /// <summary>The contact and product must be this organisation's and active, unless the service already had them.</summary>
    private static async Task<IReadOnlyDictionary<string, string[]>> ValidateAsync(WorkTrackrDbContext db, ServiceInput input, CustomerService? existing, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.ContactId is { } contactId && contactId != existing?.ContactId && !await db.Contacts.AnyAsync(c => c.Id == contactId && c.IsActive, cancellationToken))
            errors[nameof(ServiceInput.ContactId)] = ["Choose a contact from the list."];
        if (input.ProductId is { } productId && productId != existing?.ProductId && !await db.Products.AnyAsync(p => p.Id == productId && p.IsActive, cancellationToken))
            errors[nameof(ServiceInput.ProductId)] = ["Choose an active product from the list."];
        if (input.BillingCycle != BillingCycle.OneOff && input.RenewalDate is null)
            errors[nameof(ServiceInput.RenewalDate)] = ["A recurring service needs its next renewal date."];
        return errors;
    }

    private static CustomerService Apply(CustomerService service, ServiceInput input)
    {
        service.ContactId = input.ContactId!.Value;
        service.ProductId = input.ProductId!.Value;
        service.Quantity = input.Quantity;
        service.PriceOverride = input.PriceOverride is { } price ? Money.Round(price) : null;
        service.BillingCycle = input.BillingCycle;
        // A one-off does not renew. A date the user sets is the new anchor for month-end renewals.
        var renewal = input.BillingCycle == BillingCycle.OneOff ? null : input.RenewalDate;
        if (service.RenewalDate != renewal) service.RenewalDay = renewal?.Day;
        service.RenewalDate = renewal;
        service.Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        return service;
    }
}
