using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Invoicing;
using WorkTrackr.Data.Services;
using WorkTrackr.Data.Tickets;
using WorkTrackr.Web.Features.Common;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Jobs;
using WorkTrackr.Web.Infrastructure.Tenancy;
using WorkTrackr.Web.Infrastructure.TimeZones;

namespace WorkTrackr.Web.Features.Invoicing;

/// <summary>
/// The organisation's invoices. Drafts are edited freely; issuing numbers (gapless per year, inside the issuing
/// transaction), dates and freezes an invoice and queues its PDF; an issued invoice is paid or voided, never edited.
/// </summary>
public sealed class InvoiceService(IDbContextFactory<WorkTrackrDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock, IJobTrigger jobs)
{
    public const int MaxPageSize = 200;
    public const int MaxLines = 500;
    /// <summary>The largest amount a money column (12 digits, 2 after the point) holds.</summary>
    public const decimal MaxAmount = 9_999_999_999.99m;
    /// <summary>Services renewing within this many days (or overdue) can be invoiced.</summary>
    public const int DueWithinDays = 30;

    public async Task<Result<InvoiceResults>> SearchAsync(InvoiceQuery query, CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ViewInvoices)) return Result<InvoiceResults>.From(Result.Forbidden());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var invoices = Filter(db, query);
        var total = await invoices.CountAsync(cancellationToken);
        // SQLite cannot sum decimals; every total is already whole cents, so summing doubles and rounding is exact enough.
        var outstanding = await invoices.Where(i => i.Status == InvoiceStatus.Issued || i.Status == InvoiceStatus.Overdue)
            .SumAsync(i => (double)i.Total, cancellationToken);
        var items = await invoices
            .OrderBy(i => i.Status == InvoiceStatus.Draft ? 0 : 1).ThenByDescending(i => i.IssueDate).ThenByDescending(i => i.Number).ThenBy(i => i.Id)
            .Skip(Math.Max(query.Skip, 0)).Take(Math.Clamp(query.Take, 1, MaxPageSize))
            .Select(i => new InvoiceListItem(i.Id, i.Number, i.ContactId, i.BillToName ?? i.Contact!.Name, i.IssueDate, i.DueDate, i.Status, i.Total))
            .ToListAsync(cancellationToken);
        var currency = await db.Organisations.Where(o => o.Id == db.CurrentOrganisationId).Select(o => o.Currency).SingleAsync(cancellationToken);
        return Result<InvoiceResults>.Ok(new InvoiceResults(items, total, Money.Round((decimal)outstanding), currency));
    }

    private static IQueryable<Invoice> Filter(WorkTrackrDbContext db, InvoiceQuery query)
    {
        var invoices = db.Invoices.AsNoTracking();
        invoices = query.Status switch
        {
            InvoiceStatusFilter.Draft => invoices.Where(i => i.Status == InvoiceStatus.Draft),
            InvoiceStatusFilter.Outstanding => invoices.Where(i => i.Status == InvoiceStatus.Issued || i.Status == InvoiceStatus.Overdue),
            InvoiceStatusFilter.Overdue => invoices.Where(i => i.Status == InvoiceStatus.Overdue),
            InvoiceStatusFilter.Paid => invoices.Where(i => i.Status == InvoiceStatus.Paid),
            InvoiceStatusFilter.Void => invoices.Where(i => i.Status == InvoiceStatus.Void),
            _ => invoices,
        };
        if (query.From is { } from) invoices = invoices.Where(i => i.IssueDate >= from);
        if (query.To is { } to) invoices = invoices.Where(i => i.IssueDate <= to);
        if (query.ContactId is { } contactId) invoices = invoices.Where(i => i.ContactId == contactId);
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var pattern = LikePattern.Containing(query.Text.Trim().ToLowerInvariant());
            invoices = invoices.Where(i => EF.Functions.Like(i.Number!.ToLower(), pattern, LikePattern.Escape)
                || EF.Functions.Like((i.BillToName ?? i.Contact!.Name).ToLower(), pattern, LikePattern.Escape));
        }
        return invoices;
    }

    public async Task<Result<InvoiceDetails>> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ViewInvoices)) return Result<InvoiceDetails>.From(Result.Forbidden());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var details = await InvoiceDocuments.LoadAsync(db, id, cancellationToken);
        return details is null ? Result<InvoiceDetails>.From(Result.NotFound("The invoice")) : Result<InvoiceDetails>.Ok(details);
    }

    /// <summary>A blank draft's starting values: the organisation's payment terms, and one empty line at its tax rate.</summary>
    public async Task<InvoiceInput> NewInputAsync(Guid? contactId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == db.CurrentOrganisationId, cancellationToken);
        return new InvoiceInput
        {
            ContactId = contactId,
            PaymentTermsDays = organisation.PaymentTermsDays,
            Lines = [new InvoiceLineInput { TaxPercent = organisation.DefaultTaxRate * 100m }],
        };
    }

    public async Task<Result<Guid>> CreateDraftAsync(InvoiceInput input, CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ManageInvoices)) return Result<Guid>.From(Result.Forbidden());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await ValidateAsync(db, input, cancellationToken) is { Count: > 0 } errors) return Result<Guid>.From(Result.Invalid(errors));
        var invoice = NewDraft(await TodayAsync(db, cancellationToken));
        db.Invoices.Add(invoice);
        Apply(db, invoice, input);
        await db.SaveChangesAsync(cancellationToken);
        return Result<Guid>.Ok(invoice.Id);
    }

    /// <summary>Tickets with a contact to invoice, resolved and closed first, matching part of their number or title.</summary>
    public async Task<IReadOnlyList<TicketOption>> TicketOptionsAsync(string? text, CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ManageInvoices)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tickets = db.Tickets.AsNoTracking().Where(t => t.ContactId != null);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = LikePattern.Containing(text.Trim().ToLowerInvariant());
            tickets = tickets.Where(t => EF.Functions.Like(t.Number.ToLower(), pattern, LikePattern.Escape) || EF.Functions.Like(t.Title.ToLower(), pattern, LikePattern.Escape));
        }
        return await tickets.OrderByDescending(t => t.Status == TicketStatus.Resolved || t.Status == TicketStatus.Closed).ThenByDescending(t => t.CreatedAt)
            .Take(20).Select(t => new TicketOption(t.Id, $"{t.Number} · {t.Title} · {t.Contact!.Name}")).ToListAsync(cancellationToken);
    }

    /// <summary>A draft for the ticket's contact, with one line naming the ticket to price.</summary>
    public async Task<Result<Guid>> CreateFromTicketAsync(Guid ticketId, CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ManageInvoices)) return Result<Guid>.From(Result.Forbidden());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ticket = await db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        if (ticket is null) return Result<Guid>.From(Result.NotFound("The ticket"));
        if (ticket.ContactId is not { } contactId) return Result<Guid>.From(Result.Invalid("", $"{ticket.Number} has no contact to invoice. Set its contact first."));
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == db.CurrentOrganisationId, cancellationToken);
        var invoice = NewDraft(await TodayAsync(db, cancellationToken));
        invoice.ContactId = contactId;
        invoice.TicketId = ticket.Id;
        invoice.PaymentTermsDays = organisation.PaymentTermsDays;
        invoice.Lines.Add(new InvoiceLine { Position = 0, Description = $"{ticket.Number}: {ticket.Title}", Quantity = 1, TaxRate = organisation.DefaultTaxRate });
        invoice.Recalculate();
        db.Invoices.Add(invoice);
        await db.SaveChangesAsync(cancellationToken);
        return Result<Guid>.Ok(invoice.Id);
    }

    /// <summary>The contact's active services renewing within <see cref="DueWithinDays"/> days or overdue, each with the period its renewal covers.</summary>
    public async Task<Result<IReadOnlyList<DueService>>> DueServicesAsync(Guid contactId, CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ManageInvoices)) return Result<IReadOnlyList<DueService>>.From(Result.Forbidden());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return Result<IReadOnlyList<DueService>>.Ok(await DueAsync(db, contactId, await TodayAsync(db, cancellationToken), cancellationToken));
    }

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
    public async Task<Result<Guid>> CreateFromServicesAsync(Guid contactId, IReadOnlyCollection<Guid> serviceIds, CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ManageInvoices)) return Result<Guid>.From(Result.Forbidden());
        if (serviceIds.Count == 0) return Result<Guid>.From(Result.Invalid("", "Choose at least one service to invoice."));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Contacts.AnyAsync(c => c.Id == contactId, cancellationToken)) return Result<Guid>.From(Result.NotFound("The contact"));
        var today = await TodayAsync(db, cancellationToken);
        var due = (await DueAsync(db, contactId, today, cancellationToken)).Where(s => serviceIds.Contains(s.Id)).ToList();
        if (due.Count != serviceIds.Distinct().Count())
            return Result<Guid>.From(Result.Invalid("", "Some of those services are not due for renewal for this contact any more. Reload and choose again."));
        if (due.FirstOrDefault(s => s.AlreadyInvoiced) is { } invoiced)
            return Result<Guid>.From(Result.Invalid("", $"{invoiced.Product} is already invoiced for the period from {DateFormats.Format(invoiced.PeriodStart)}."));

        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == db.CurrentOrganisationId, cancellationToken);
        var products = await db.CustomerServices.AsNoTracking().Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.ProductId, cancellationToken);
        var invoice = NewDraft(today);
        invoice.ContactId = contactId;
        invoice.PaymentTermsDays = organisation.PaymentTermsDays;
        invoice.Lines.AddRange(due.Select((s, position) => new InvoiceLine
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
        invoice.Recalculate();
        db.Invoices.Add(invoice);
        await db.SaveChangesAsync(cancellationToken);
        return Result<Guid>.Ok(invoice.Id);
    }

    /// <summary>
    /// Saves a draft made from <paramref name="expectedVersion"/>: its lines are replaced, in one transaction. Returns the
    /// draft's new version, so issuing right after issues exactly what was saved.
    /// </summary>
    public async Task<Result<Guid>> SaveDraftAsync(Guid id, InvoiceInput input, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ManageInvoices)) return Result<Guid>.From(Result.Forbidden());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var invoice = await db.Invoices.Include(i => i.Lines).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invoice is null) return Result<Guid>.From(Result.NotFound("The invoice"));
        if (invoice.Version != expectedVersion) return Result<Guid>.From(Result.Conflict());
        if (invoice.Status != InvoiceStatus.Draft) return Result<Guid>.From(NotADraft(invoice));
        if (await ValidateAsync(db, input, cancellationToken) is { Count: > 0 } errors) return Result<Guid>.From(Result.Invalid(errors));
        Apply(db, invoice, input);
        var saved = await db.SaveOrConflictAsync(cancellationToken);
        return saved.Succeeded ? Result<Guid>.Ok(invoice.Version) : Result<Guid>.From(saved);
    }

    /// <summary>Drafts have no number yet, so deleting one leaves no gap.</summary>
    public async Task<Result> DeleteDraftAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ManageInvoices)) return Result.Forbidden();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var invoice = await db.Invoices.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invoice is null) return Result.NotFound("The invoice");
        if (invoice.Status != InvoiceStatus.Draft) return Result.Invalid("", $"{invoice.Number} is issued and keeps its number. Void it instead.");
        db.Invoices.Remove(invoice);
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>
    /// Issues a draft: the next number of this year's series is taken inside the transaction that saves the invoice, so
    /// concurrent issues queue on the series and a failed issue gives its number back. The PDF is queued with it.
    /// </summary>
    public async Task<Result<string>> IssueAsync(Guid id, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ManageInvoices)) return Result<string>.From(Result.Forbidden());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = await TodayAsync(db, cancellationToken);
        var series = Invoice.SeriesFor(today.Year);
        await Numbering.EnsureAsync(dbFactory, series, d => HighestNumberAsync(d, today.Year), cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The number first: taking it locks the series, so a second issue of the same draft waits here and then reads
        // the invoice as the first one left it. Any refusal below rolls back and gives the number back.
        var sequence = await Numbering.NextAsync(db, series, cancellationToken);
        var invoice = await db.Invoices.Include(i => i.Lines).Include(i => i.Contact).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invoice is null) return Result<string>.From(Result.NotFound("The invoice"));
        if (invoice.Version != expectedVersion) return Result<string>.From(Result.Conflict());
        if (invoice.Status != InvoiceStatus.Draft) return Result<string>.From(NotADraft(invoice));
        if (invoice.Lines.Count == 0) return Result<string>.From(Result.Invalid("", "Add at least one line before issuing."));

        invoice.Number = Invoice.FormatNumber(today.Year, sequence);
        invoice.Status = InvoiceStatus.Issued;
        invoice.IssueDate = today;
        invoice.DueDate = today.AddDays(invoice.PaymentTermsDays);
        invoice.BillToName = invoice.Contact!.Name;
        invoice.BillToAddress = invoice.Contact.BillingAddress;
        invoice.Recalculate();
        InvoiceDocuments.Queue(db, invoice.Id, clock.GetUtcNow().UtcDateTime);
        var saved = await db.SaveOrConflictAsync(cancellationToken);
        if (!saved.Succeeded) return Result<string>.From(saved);
        await transaction.CommitAsync(cancellationToken);
        await jobs.RunNowAsync(JobNames.InvoicePdfs);
        return Result<string>.Ok(invoice.Number);
    }

    public async Task<Result> MarkPaidAsync(Guid id, DateOnly paidOn, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ManageInvoices)) return Result.Forbidden();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var invoice = await db.Invoices.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invoice is null) return Result.NotFound("The invoice");
        if (invoice.Version != expectedVersion) return Result.Conflict();
        if (invoice.Status is not (InvoiceStatus.Issued or InvoiceStatus.Overdue))
            return Result.Invalid("", $"Only an issued invoice can be paid; this one is {invoice.Status.ToString().ToLowerInvariant()}.");
        if (paidOn < invoice.IssueDate) return Result.Invalid("PaidOn", "The payment date cannot be before the invoice was issued.");
        if (paidOn > await TodayAsync(db, cancellationToken)) return Result.Invalid("PaidOn", "The payment date cannot be in the future.");
        invoice.Status = InvoiceStatus.Paid;
        invoice.PaidOn = paidOn;
        // The PDF is made again in the same save: it shows the payment.
        await InvoiceDocuments.RequeueTrackedAsync(db, id, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var saved = await db.SaveOrConflictAsync(cancellationToken);
        if (saved.Succeeded) await jobs.RunNowAsync(JobNames.InvoicePdfs);
        return saved;
    }

    /// <summary>Voids an issued invoice: it keeps its number and document, marked void. A corrected invoice is a new draft (<see cref="CopyAsync"/>).</summary>
    public async Task<Result> VoidAsync(Guid id, string reason, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ManageInvoices)) return Result.Forbidden();
        if (string.IsNullOrWhiteSpace(reason)) return Result.Invalid("Reason", "Say why the invoice is void; it is kept with it.");
        if (reason.Trim().Length > DataLimits.ReasonLength) return Result.Invalid("Reason", $"Keep the reason under {DataLimits.ReasonLength} characters.");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var invoice = await db.Invoices.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invoice is null) return Result.NotFound("The invoice");
        if (invoice.Version != expectedVersion) return Result.Conflict();
        if (invoice.Status is not (InvoiceStatus.Issued or InvoiceStatus.Overdue))
            return Result.Invalid("", invoice.Status == InvoiceStatus.Draft
                ? "A draft has no number yet: delete it instead."
                : $"Only an issued invoice can be voided; this one is {invoice.Status.ToString().ToLowerInvariant()}.");
        invoice.Status = InvoiceStatus.Void;
        invoice.VoidedAt = clock.GetUtcNow().UtcDateTime;
        invoice.VoidReason = reason.Trim();
        // The stored PDF would still read as payable: it is made again, in the same save.
        await InvoiceDocuments.RequeueTrackedAsync(db, id, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var saved = await db.SaveOrConflictAsync(cancellationToken);
        if (saved.Succeeded) await jobs.RunNowAsync(JobNames.InvoicePdfs);
        return saved;
    }

    /// <summary>A new draft with the same customer, terms, notes and lines: how an issued invoice is corrected.</summary>
    public async Task<Result<Guid>> CopyAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ManageInvoices)) return Result<Guid>.From(Result.Forbidden());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var source = await db.Invoices.AsNoTracking().Include(i => i.Lines).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (source is null) return Result<Guid>.From(Result.NotFound("The invoice"));
        var copy = NewDraft(await TodayAsync(db, cancellationToken));
        copy.ContactId = source.ContactId;
        copy.TicketId = source.TicketId;
        copy.PaymentTermsDays = source.PaymentTermsDays;
        copy.Notes = source.Notes;
        // A void invoice's copy bills the same service periods again (that is the correction); any other copy is a new
        // sale, and keeps no claim on the periods, which stay invoiced by the original.
        var samePeriods = source.Status == InvoiceStatus.Void;
        copy.Lines.AddRange(source.Lines.OrderBy(l => l.Position).Select(l => new InvoiceLine
        {
            Position = l.Position, ProductId = l.ProductId,
            CustomerServiceId = samePeriods ? l.CustomerServiceId : null, PeriodStart = samePeriods ? l.PeriodStart : null, PeriodEnd = samePeriods ? l.PeriodEnd : null,
            Description = l.Description, Quantity = l.Quantity, UnitPrice = l.UnitPrice, TaxRate = l.TaxRate,
        }));
        copy.Recalculate();
        db.Invoices.Add(copy);
        await db.SaveChangesAsync(cancellationToken);
        return Result<Guid>.Ok(copy.Id);
    }

    /// <summary>Renders the PDF again (Admins): after a fix to the template, or when rendering failed for good.</summary>
    public async Task<Result> RegenerateDocumentAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ManageOrganisation)) return Result.Forbidden();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var status = await db.Invoices.Where(i => i.Id == id).Select(i => (InvoiceStatus?)i.Status).SingleOrDefaultAsync(cancellationToken);
        if (status is null) return Result.NotFound("The invoice");
        if (status == InvoiceStatus.Draft) return Result.Invalid("", "A draft has no PDF; issue it first.");
        if (!await InvoiceDocuments.RequeueAsync(db, id, clock.GetUtcNow().UtcDateTime, cancellationToken))
        {
            InvoiceDocuments.Queue(db, id, clock.GetUtcNow().UtcDateTime);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Someone queued it at the same moment (the invoice has one PDF row): it is queued either way.
                await using var check = await dbFactory.CreateDbContextAsync(cancellationToken);
                if (!await check.InvoiceDocuments.AnyAsync(d => d.InvoiceId == id, cancellationToken)) throw;
            }
        }
        await jobs.RunNowAsync(JobNames.InvoicePdfs);
        return Result.Ok();
    }

    /// <summary>The stored PDF, when it is ready.</summary>
    public async Task<Result<(byte[] Content, string FileName)>> DocumentAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ViewInvoices)) return Result<(byte[], string)>.From(Result.Forbidden());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await db.InvoiceDocuments.AsNoTracking().Where(d => d.InvoiceId == id)
            .Select(d => new { d.State, d.Content, d.Invoice!.Number }).SingleOrDefaultAsync(cancellationToken);
        if (document is not { State: WorkState.Done, Content: not null }) return Result<(byte[], string)>.From(Result.NotFound("The invoice's PDF"));
        return Result<(byte[], string)>.Ok((document.Content, $"{document.Number}.pdf"));
    }

    private static Invoice NewDraft(DateOnly today) => new() { IssueDate = today, DueDate = today };

    private static Result NotADraft(Invoice invoice) =>
        Result.Invalid("", $"{invoice.Number} is {invoice.Status.ToString().ToLowerInvariant()} and can no longer be edited. To correct it, void it and issue a copy.");

    private async Task<DateOnly> TodayAsync(WorkTrackrDbContext db, CancellationToken cancellationToken)
    {
        var zone = await db.Organisations.Where(o => o.Id == db.CurrentOrganisationId).Select(o => o.TimeZoneId).SingleAsync(cancellationToken);
        return TimeZones.Today(clock, zone);
    }

    private static async Task<int> HighestNumberAsync(WorkTrackrDbContext db, int year)
    {
        var prefix = Invoice.FormatNumber(year, 0)[..^4];
        var numbers = await db.Invoices.Where(i => i.Number != null && i.Number.StartsWith(prefix)).Select(i => i.Number!).ToListAsync();
        return numbers.Select(n => int.TryParse(n[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0).DefaultIfEmpty(0).Max();
    }

    private static async Task<Dictionary<string, string[]>> ValidateAsync(WorkTrackrDbContext db, InvoiceInput input, CancellationToken cancellationToken)
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
        // Only amounts within the fields' ranges are multiplied (no overflow); the totals must fit their columns too.
        if (linesValid && input.Lines.Count <= MaxLines && Math.Abs(input.Totals.Gross) > MaxAmount)
            errors[nameof(InvoiceInput.Lines)] = [$"The invoice total is too large: at most {MaxAmount:N2}."];
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
