using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Contacts;
using WorkTrackr.Data.Invoicing;
using WorkTrackr.Data.Services;
using WorkTrackr.Data.Tickets;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Operations;

namespace WorkTrackr.Web.Features.Invoicing;

/// <summary>
/// Draft invoices: started blank, from a ticket, from the services due for renewal, or as a copy; edited freely, and
/// deleted (a draft has no number yet, so that leaves no gap).
/// </summary>
public sealed class InvoiceDrafts(RecordOperations operations, TimeProvider clock)
{
    public const int MaxLines = 500;
    /// <summary>The largest amount a money column (12 digits, 2 after the point) holds.</summary>
    public const decimal MaxAmount = 9_999_999_999.99m;
    /// <summary>Services renewing within this many days (or overdue) can be invoiced.</summary>
    public const int DueWithinDays = 30;

    /// <summary>A blank draft's starting values: the organisation's payment terms, and one empty line at its tax rate.</summary>
    public async Task<InvoiceInput> NewInputAsync(Guid? contactId = null, CancellationToken cancellationToken = default) =>
        (await operations.ReadAsync(Capabilities.ManageInvoices, async (db, cancellationToken) =>
        {
            var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == db.CurrentOrganisationId, cancellationToken);
            return new InvoiceInput
            {
                ContactId = contactId,
                PaymentTermsDays = organisation.PaymentTermsDays,
                Lines = [new InvoiceLineInput { TaxPercent = organisation.DefaultTaxRate * 100m }],
            };
        }, cancellationToken)).Value ?? new InvoiceInput();

    public Task<Result<Guid>> CreateDraftAsync(InvoiceInput input, CancellationToken cancellationToken = default) =>
        operations.CreateAsync(new Create<Invoice>(Capabilities.ManageInvoices)
        {
            Validate = (db, cancellationToken) => ValidateAsync(db, input, cancellationToken),
            Make = async (db, cancellationToken) =>
            {
                var invoice = Invoices.NewDraft(await Invoices.TodayAsync(db, clock, cancellationToken));
                Apply(db, invoice, input);
                return invoice;
            },
        }, invoice => invoice.Id, cancellationToken);

    /// <summary>Tickets with a contact to invoice, resolved and closed first, matching part of their number or title.</summary>
    public async Task<IReadOnlyList<TicketOption>> TicketOptionsAsync(string? text, CancellationToken cancellationToken = default) =>
        (await operations.ReadAsync(Capabilities.ManageInvoices, async (db, cancellationToken) =>
        {
            var tickets = db.Tickets.AsNoTracking().Where(t => t.ContactId != null);
            if (!string.IsNullOrWhiteSpace(text))
            {
                var pattern = LikePattern.Containing(text.Trim().ToLowerInvariant());
                #pragma warning disable CA1304, CA1311 // EF Core turns ToLower() into SQL lower(); these rules are about .NET string code (see dotnet/efcore#21758).
                tickets = tickets.Where(t => EF.Functions.Like(t.Number.ToLower(), pattern, LikePattern.Escape) || EF.Functions.Like(t.Title.ToLower(), pattern, LikePattern.Escape));
                #pragma warning restore CA1304, CA1311
            }
            return (IReadOnlyList<TicketOption>)await tickets.OrderByDescending(t => t.Status == TicketStatus.Resolved || t.Status == TicketStatus.Closed).ThenByDescending(t => t.CreatedAt)
                .Take(20).Select(t => new TicketOption(t.Id, $"{t.Number} · {t.Title} · {t.Contact!.Name}")).ToListAsync(cancellationToken);
        }, cancellationToken)).Value ?? [];

    /// <summary>A draft for the ticket's contact, with one line naming the ticket to price.</summary>
    public Task<Result<Guid>> CreateFromTicketAsync(Guid ticketId, CancellationToken cancellationToken = default)
    {
        Invoice draft = null!;
        // The ticket is loaded to be invoiced, not changed: only the new draft is saved.
        return operations.ChangeAsync(new Change<Ticket>(Capabilities.ManageInvoices, ticketId)
        {
            What = "The ticket",
            Validate = op => Steps.Check((op.Row.ContactId is null, "", $"{op.Row.Number} has no contact to invoice. Set its contact first.")),
            Apply = async op =>
            {
                var (db, ticket, cancellationToken) = op;
                var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == db.CurrentOrganisationId, cancellationToken);
                draft = Invoices.NewDraft(await Invoices.TodayAsync(db, clock, cancellationToken));
                draft.ContactId = ticket.ContactId!.Value;
                draft.TicketId = ticket.Id;
                draft.PaymentTermsDays = organisation.PaymentTermsDays;
                draft.Lines.Add(new InvoiceLine { Position = 0, Description = $"{ticket.Number}: {ticket.Title}", Quantity = 1, TaxRate = organisation.DefaultTaxRate });
                draft.Recalculate();
                db.Invoices.Add(draft);
            },
        }, _ => draft.Id, cancellationToken: cancellationToken);
    }

    /// <summary>The contact's active services renewing within <see cref="DueWithinDays"/> days or overdue, each with the period its renewal covers.</summary>
    public Task<Result<IReadOnlyList<DueService>>> DueServicesAsync(Guid contactId, CancellationToken cancellationToken = default) =>
        operations.GetAsync(new Find<Contact>(Capabilities.ManageInvoices, contactId) { What = "The contact" }, async op =>
            (IReadOnlyList<DueService>)await DueAsync(op.Db, contactId, await Invoices.TodayAsync(op.Db, clock, op.CancellationToken), op.CancellationToken),
            cancellationToken);

    private static async Task<List<DueService>> DueAsync(WorkTrackrDbContext db, Guid contactId, DateOnly today, CancellationToken cancellationToken)
    {
        var until = today.AddDays(DueWithinDays);
        var services = await db.CustomerServices.AsNoTracking()
            .Where(s => s.ContactId == contactId && s.IsActive && s.BillingCycle != BillingCycle.OneOff && s.RenewalDate != null && s.RenewalDate <= until)
            .OrderBy(s => s.RenewalDate).ThenBy(s => s.Product!.Name)
            .Select(s => new { s.Id, Product = s.Product!.Name, s.Quantity, Price = s.PriceOverride ?? s.Product.Price, RenewalDate = s.RenewalDate!.Value, s.BillingCycle, s.RenewalDay })
            .ToListAsync(cancellationToken);
        var ids = services.Select(s => s.Id).ToList();
        var invoiced = (await db.InvoiceLines.AsNoTracking()
            .Where(l => l.CustomerServiceId != null && ids.Contains(l.CustomerServiceId.Value) && l.PeriodStart != null)
            .Join(db.Invoices.Where(i => i.Status != InvoiceStatus.Void), l => l.InvoiceId, i => i.Id, (l, _) => new { l.CustomerServiceId, l.PeriodStart })
            .ToListAsync(cancellationToken))
            .Select(l => (l.CustomerServiceId!.Value, l.PeriodStart!.Value)).ToHashSet();
        return services.Select(s => new DueService(s.Id, s.Product, s.Quantity, s.Price, s.RenewalDate,
                Renewals.Next(s.RenewalDate, s.BillingCycle, s.RenewalDay)!.Value.AddDays(-1), invoiced.Contains((s.Id, s.RenewalDate))))
            .ToList();
    }

    /// <summary>A draft billing the chosen services' coming periods: product, quantity, price and period per line.</summary>
    public Task<Result<Guid>> CreateFromServicesAsync(Guid contactId, IReadOnlyCollection<Guid> serviceIds, CancellationToken cancellationToken = default)
    {
        List<DueService> due = [];
        DateOnly today = default;
        Invoice draft = null!;
        // The contact is loaded to be invoiced, not changed: only the new draft is saved.
        return operations.ChangeAsync(new Change<Contact>(Capabilities.ManageInvoices, contactId)
        {
            What = "The contact",
            Validate = async op =>
            {
                if (serviceIds.Count == 0) return await Steps.Check((true, "", "Choose at least one service to invoice."));
                today = await Invoices.TodayAsync(op.Db, clock, op.CancellationToken);
                due = (await DueAsync(op.Db, contactId, today, op.CancellationToken)).Where(s => serviceIds.Contains(s.Id)).ToList();
                if (due.Count != serviceIds.Distinct().Count())
                    return await Steps.Check((true, "", "Some of those services are not due for renewal for this contact any more. Reload and choose again."));
                var invoiced = due.FirstOrDefault(s => s.AlreadyInvoiced);
                return await Steps.Check((invoiced is not null, "",
                    $"{invoiced?.Product} is already invoiced for the period from {(invoiced is null ? "" : DateFormats.Format(invoiced.PeriodStart))}."));
            },
            Apply = async op =>
            {
                var db = op.Db;
                var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == db.CurrentOrganisationId, op.CancellationToken);
                var products = await db.CustomerServices.AsNoTracking().Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.ProductId, op.CancellationToken);
                draft = Invoices.NewDraft(today);
                draft.ContactId = contactId;
                draft.PaymentTermsDays = organisation.PaymentTermsDays;
                draft.Lines.AddRange(due.Select((s, position) => new InvoiceLine
                {
                    Position = position,
                    ProductId = products[s.Id],
                    CustomerServiceId = s.Id,
                    PeriodStart = s.PeriodStart,
                    PeriodEnd = s.PeriodEnd,
                    Description = $"{s.Product}, {DateFormats.Format(s.PeriodStart)} – {DateFormats.Format(s.PeriodEnd)}",
                    Quantity = s.Quantity,
                    UnitPrice = s.UnitPrice,
                    TaxRate = organisation.DefaultTaxRate,
                }));
                draft.Recalculate();
                db.Invoices.Add(draft);
            },
        }, _ => draft.Id, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Saves a draft made from <paramref name="expectedVersion"/>: its lines are replaced, in one transaction. Returns the
    /// draft's new version, so issuing right after issues exactly what was saved.
    /// </summary>
    public Task<Result<Guid>> SaveDraftAsync(Guid id, InvoiceInput input, Guid expectedVersion, CancellationToken cancellationToken = default) =>
        operations.ChangeAsync(new Change<Invoice>(Capabilities.ManageInvoices, id)
        {
            What = Invoices.What,
            Query = db => db.Invoices.Include(i => i.Lines),
            ExpectedVersion = expectedVersion,
            Validate = async op => op.Row.Status != InvoiceStatus.Draft ? Invoices.NotADraft(op.Row) : await ValidateAsync(op.Db, input, op.CancellationToken),
            Apply = Steps.Do<Invoice>(op => Apply(op.Db, op.Row, input)),
        }, invoice => invoice.Version, cancellationToken: cancellationToken);

    /// <summary>Drafts have no number yet, so deleting one leaves no gap.</summary>
    public Task<Result> DeleteDraftAsync(Guid id, CancellationToken cancellationToken = default) =>
        operations.ChangeAsync(new Change<Invoice>(Capabilities.ManageInvoices, id)
        {
            What = Invoices.What,
            Validate = op => Steps.Check((op.Row.Status != InvoiceStatus.Draft, "", $"{op.Row.Number} is issued and keeps its number. Void it instead.")),
            Apply = Steps.Do<Invoice>(op => op.Db.Invoices.Remove(op.Row)),
        }, cancellationToken);

    /// <summary>A new draft with the same customer, terms, notes and lines: how an issued invoice is corrected.</summary>
    public Task<Result<Guid>> CopyAsync(Guid id, CancellationToken cancellationToken = default)
    {
        Invoice copy = null!;
        // The original is loaded to be copied, not changed: only the new draft is saved.
        return operations.ChangeAsync(new Change<Invoice>(Capabilities.ManageInvoices, id)
        {
            What = Invoices.What,
            Query = db => db.Invoices.Include(i => i.Lines),
            Apply = async op =>
            {
                var source = op.Row;
                copy = Invoices.NewDraft(await Invoices.TodayAsync(op.Db, clock, op.CancellationToken));
                copy.ContactId = source.ContactId;
                copy.TicketId = source.TicketId;
                copy.PaymentTermsDays = source.PaymentTermsDays;
                copy.Notes = source.Notes;
                // A void invoice's copy bills the same service periods again (that is the correction); any other copy is a
                // new sale, and keeps no claim on the periods, which stay invoiced by the original.
                var samePeriods = source.Status == InvoiceStatus.Void;
                copy.Lines.AddRange(source.Lines.OrderBy(l => l.Position).Select(l => new InvoiceLine
                {
                    Position = l.Position, ProductId = l.ProductId,
                    CustomerServiceId = samePeriods ? l.CustomerServiceId : null, PeriodStart = samePeriods ? l.PeriodStart : null, PeriodEnd = samePeriods ? l.PeriodEnd : null,
                    Description = l.Description, Quantity = l.Quantity, UnitPrice = l.UnitPrice, TaxRate = l.TaxRate,
                }));
                copy.Recalculate();
                op.Db.Invoices.Add(copy);
            },
        }, _ => copy.Id, cancellationToken: cancellationToken);
    }

    private static async Task<IReadOnlyDictionary<string, string[]>> ValidateAsync(WorkTrackrDbContext db, InvoiceInput input, CancellationToken cancellationToken)
    {
        var errors = InputValidation.Errors(input);
        if (input.ContactId is { } contactId && !await db.Contacts.AnyAsync(c => c.Id == contactId, cancellationToken))
            errors[nameof(InvoiceInput.ContactId)] = ["That contact no longer exists."];
        if (input.Lines.Count > MaxLines) errors[nameof(InvoiceInput.Lines)] = [$"An invoice holds at most {MaxLines} lines."];
        var productIds = input.Lines.Where(l => l.ProductId is not null).Select(l => l.ProductId!.Value).Distinct().ToList();
        var known = await db.Products.Where(p => productIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        var linesValid = true;
        for (var i = 0; i < input.Lines.Count; i++)
        {
            var line = input.Lines[i];
            var lineErrors = InputValidation.Errors(line);
            foreach (var (field, messages) in lineErrors) errors.TryAdd(LineField(i, field), messages);
            linesValid &= lineErrors.Count == 0;
            if (line.ProductId is { } productId && !known.Contains(productId)) errors.TryAdd(LineField(i, nameof(InvoiceLineInput.ProductId)), ["That product no longer exists."]);
        }
        // Only amounts within the fields' ranges are multiplied (no overflow). Each line's amount and tax, and the net, tax
        // and gross totals, must fit their numeric(12,2) columns and the PDF: lines that cancel out are no way round it.
        if (!linesValid || input.Lines.Count > MaxLines) return errors;
        for (var i = 0; i < input.Lines.Count; i++)
        {
            var line = InvoiceInput.ToLine(input.Lines[i]);
            if (Math.Abs(line.NetAmount) > MaxAmount || Math.Abs(line.TaxAmount) > MaxAmount)
                errors.TryAdd(LineField(i, nameof(InvoiceLineInput.Quantity)), [$"This line comes to more than {MaxAmount:N2}: lower the quantity or the price."]);
        }
        var totals = input.Totals;
        if (new[] { totals.Net, totals.Tax, totals.Gross }.Any(amount => Math.Abs(amount) > MaxAmount))
            errors[nameof(InvoiceInput.Lines)] = [$"The invoice total is too large: the net, the tax and the total must each be at most {MaxAmount:N2}."];
        return errors;
    }

    /// <summary>The error key of a line's field, as the editor shows it beside that field: Lines[2].Quantity.</summary>
    public static string LineField(int index, string field) => $"{nameof(InvoiceInput.Lines)}[{index}].{field}";

    /// <summary>
    /// Copies the form onto the invoice, replacing its lines. Old lines are removed and new ones added explicitly:
    /// a line reached only through the navigation already has its client-made key, so EF would take it for an existing row.
    /// </summary>
    private static void Apply(WorkTrackrDbContext db, Invoice invoice, InvoiceInput input)
    {
        invoice.ContactId = input.ContactId!.Value;
        invoice.PaymentTermsDays = input.PaymentTermsDays;
        invoice.DueDate = invoice.IssueDate.AddDays(input.PaymentTermsDays);
        invoice.Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        db.InvoiceLines.RemoveRange(invoice.Lines);
        invoice.Lines = input.Lines.Select((l, position) =>
        {
            var line = InvoiceInput.ToLine(l);
            line.Position = position;
            return line;
        }).ToList();
        db.InvoiceLines.AddRange(invoice.Lines);
        invoice.Recalculate();
    }
}
