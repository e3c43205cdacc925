namespace WorkTrackr.Tests.TestData;

/// <summary>
/// The records tests arrange behind the app's back, with sensible defaults: name what the test is about, leave the
/// rest. Anything else is set with <see cref="BuildExtensions.With{T}"/>, such as
/// <c>Build.Contact("Owned Orchards").With(c => c.OwnerUserId = dispatcher.Id)</c>; then store them with
/// <see cref="BuildExtensions.AddAsync{T}"/>.
/// </summary>
public static class Build
{
    private static int ticketNumbers = 500_000;

    public static Contact Contact(string name = "Test customer", string? email = null) => new() { Name = name, Email = email };

    public static Product Product(string name = "Support plan", decimal price = 25, decimal cost = 10, string unit = "each") =>
        new() { Name = name, Price = price, Cost = cost, Unit = unit };

    /// <summary>An open ticket created now; without a <paramref name="number"/>, one of its own (T-5xxxxx, clear of the app's sequence).</summary>
    public static Ticket Ticket(string title = "Test ticket", string? number = null, Guid? contactId = null, TicketPriority priority = TicketPriority.Medium) =>
        new()
        {
            Number = number ?? WorkTrackr.Data.Tickets.Ticket.FormatNumber(Interlocked.Increment(ref ticketNumbers)),
            Title = title,
            ContactId = contactId,
            Priority = priority,
            CreatedAt = DateTime.UtcNow,
        };

    /// <summary>A planned call with <paramref name="contactId"/>, from <paramref name="startsAt"/> (UTC) for <paramref name="minutes"/>.</summary>
    public static CrmEvent CrmEvent(string title, Guid contactId, DateTime startsAt, int minutes = 30, CrmEventType type = CrmEventType.Call, Guid? assignedTo = null) =>
        new() { Title = title, ContactId = contactId, StartsAt = startsAt, EndsAt = startsAt.AddMinutes(minutes), Type = type, AssignedUserId = assignedTo };

    /// <summary>One of <paramref name="productId"/> for <paramref name="contactId"/>, billed monthly, renewing on <paramref name="renews"/>.</summary>
    public static CustomerService Service(Guid contactId, Guid productId, DateOnly? renews = null, int quantity = 1, BillingCycle cycle = BillingCycle.Monthly) =>
        new() { ContactId = contactId, ProductId = productId, RenewalDate = renews, Quantity = quantity, BillingCycle = cycle };

    /// <summary>An invoice to <paramref name="contact"/>, issued on <paramref name="issued"/> and due 30 days later, with the given lines.</summary>
    public static Invoice Invoice(Contact contact, DateOnly issued, InvoiceStatus status = InvoiceStatus.Issued, string? number = null, params InvoiceLine[] lines) =>
        new() { Contact = contact, Number = number, IssueDate = issued, DueDate = issued.AddDays(30), Status = status, Lines = [.. lines] };

    public static InvoiceLine Line(string description = "Support", decimal quantity = 1, decimal unitPrice = 25, decimal taxRate = 0) =>
        new() { Description = description, Quantity = quantity, UnitPrice = unitPrice, TaxRate = taxRate };
}

public static class BuildExtensions
{
    /// <summary>Sets what the builder has no parameter for, and hands the row back: <c>Build.Contact().With(c => c.Phone = "…")</c>.</summary>
    public static T With<T>(this T row, Action<T> change) where T : class
    {
        change(row);
        return row;
    }

    /// <summary>Stores <paramref name="row"/> in <paramref name="organisationId"/>'s data and hands it back, its id and stamps set.</summary>
    public static async Task<T> AddAsync<T>(this WorkTrackrFactory factory, Guid organisationId, T row) where T : class
    {
        await factory.AddAsync(organisationId, new object[] { row });
        return row;
    }

    /// <summary>Stores <paramref name="rows"/> in <paramref name="organisationId"/>'s data, in one save.</summary>
    public static async Task AddAsync(this WorkTrackrFactory factory, Guid organisationId, params object[] rows)
    {
        await using var db = factory.CreateDbContext(organisationId);
        db.AddRange(rows);
        await db.SaveChangesAsync();
    }
}
