using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Contacts;
using WorkTrackr.Web.Features.Team;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Operations;
using WorkTrackr.Web.Infrastructure.Tenancy;

namespace WorkTrackr.Web.Features.Contacts;

/// <summary>
/// The organisation's contacts. A contact with history (tickets, CRM events, services, invoices) is deactivated rather
/// than deleted; a delete that history would block is refused with the reason. Stale edits come back as conflicts.
/// </summary>
public sealed class ContactService(RecordOperations operations, CurrentUser currentUser, TeamDirectory team)
{
    public const int MaxPageSize = 200;
    public const int HistoryLength = 100;
    /// <summary>A search counts its matches only this far: nobody pages through more, and counting every contact that
    /// shares an email domain would cost more than the page itself.</summary>
    public const int SearchCountLimit = 1_000;

    public Task<Result<ContactResults>> SearchAsync(ContactQuery query, CancellationToken cancellationToken = default) =>
        operations.ReadAsync(Capabilities.ViewContacts, async (db, cancellationToken) =>
    {
        var contacts = await FilterAsync(db, query, cancellationToken);

        var searching = !string.IsNullOrWhiteSpace(query.Text);
        var total = searching ? await contacts.Take(SearchCountLimit + 1).CountAsync(cancellationToken) : await contacts.CountAsync(cancellationToken);
        var capped = searching && total > SearchCountLimit;
        var skip = Math.Clamp(query.Skip, 0, capped ? SearchCountLimit : int.MaxValue);
        var items = await Sorted(contacts, query)
            .Skip(skip).Take(Math.Clamp(query.Take, 1, MaxPageSize))
            .Select(c => new ContactListItem(c.Id, c.Name, c.Kind, c.Email, c.Phone, c.IsActive, c.CreatedAt))
            .ToListAsync(cancellationToken);
        return new ContactResults(items, capped ? SearchCountLimit : total, capped);
    }, cancellationToken);

    /// <summary>Every contact of the list's filter (no paging) as CSV.</summary>
    public async Task<Result> ExportCsvAsync(ContactQuery query, TextWriter writer, CancellationToken cancellationToken = default) =>
        await operations.ReadAsync(Capabilities.ViewContacts, async (db, cancellationToken) =>
    {
        var rows = Sorted(await FilterAsync(db, query, cancellationToken), query).AsAsyncEnumerable();
        await CsvExport.WriteAsync(writer, ["Name", "Kind", "Email", "Phone", "Billing address", "Service address", "Notes", "Active"], rows,
            c => [c.Name, c.Kind.ToString(), c.Email, c.Phone, c.BillingAddress, c.ServiceAddress, c.Notes, c.IsActive ? "yes" : "no"], cancellationToken);
        return true;
    }, cancellationToken);

    private static IQueryable<Contact> Sorted(IQueryable<Contact> contacts, ContactQuery query)
    {
        var d = query.Descending;
        var sorted = query.Sort switch
        {
            ContactSort.Email => d ? contacts.OrderByDescending(c => c.Email) : contacts.OrderBy(c => c.Email),
            ContactSort.Created => d ? contacts.OrderByDescending(c => c.CreatedAt) : contacts.OrderBy(c => c.CreatedAt),
            _ => d ? contacts.OrderByDescending(c => c.Name) : contacts.OrderBy(c => c.Name),
        };
        return sorted.ThenBy(c => c.Id);
    }

    public Task<Result<ContactDetails>> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        operations.GetAsync(new Find<Contact>(Capabilities.ViewContacts, id) { What = What }, async op =>
    {
        var (db, contact, cancellationToken) = op;
        var (tickets, events, services, invoices) = await CountHistoryAsync(db, id, cancellationToken);
        // Users are not tenant-filtered: the owner's name is read only when they belong to this organisation.
        var owner = contact.OwnerUserId is { } ownerId
            ? await db.Users.Where(u => u.Id == ownerId && u.OrganisationId == currentUser.OrganisationId).Select(u => new { u.DisplayName, u.IsActive }).SingleOrDefaultAsync(cancellationToken)
            : null;
        return new ContactDetails(contact.Id, contact.Version, ContactInput.From(contact), contact.IsActive,
            contact.CreatedAt, tickets, events, services, invoices, owner?.DisplayName) { OwnerNeedsReplacing = owner is { IsActive: false } };
    }, cancellationToken);

    /// <summary>The contact's tickets, CRM events, services and invoices (or one kind of them), newest first.</summary>
    public Task<Result<IReadOnlyList<ContactHistoryItem>>> HistoryAsync(Guid id, ContactHistoryKind? kind = null, CancellationToken cancellationToken = default) =>
        operations.GetAsync(new Find<Contact>(Capabilities.ViewContacts, id) { What = What }, async op =>
    {
        var (db, _, cancellationToken) = op;

        var items = new List<ContactHistoryItem>();
        if (kind is null or ContactHistoryKind.Ticket)
        {
            items.AddRange((await db.Tickets.AsNoTracking().Where(t => t.ContactId == id).OrderByDescending(t => t.CreatedAt).Take(HistoryLength)
                .Select(t => new { t.Id, t.CreatedAt, t.Number, t.Title, t.Status }).ToListAsync(cancellationToken))
                .Select(t => new ContactHistoryItem(ContactHistoryKind.Ticket, t.Id, t.CreatedAt, $"{t.Number} {t.Title}", t.Status.ToString())));
        }

        if (kind is null or ContactHistoryKind.CrmEvent)
        {
            items.AddRange((await db.CrmEvents.AsNoTracking().Where(e => e.ContactId == id).OrderByDescending(e => e.StartsAt).Take(HistoryLength)
                .Select(e => new { e.Id, e.StartsAt, e.Title, e.Type, e.Status }).ToListAsync(cancellationToken))
                .Select(e => new ContactHistoryItem(ContactHistoryKind.CrmEvent, e.Id, e.StartsAt, e.Title, $"{e.Type} · {e.Status}")));
        }

        if (kind is null or ContactHistoryKind.Service)
        {
            items.AddRange((await db.CustomerServices.AsNoTracking().Where(s => s.ContactId == id).OrderByDescending(s => s.CreatedAt).Take(HistoryLength)
                .Select(s => new { s.Id, s.CreatedAt, Product = s.Product!.Name, s.Quantity, s.RenewalDate, s.BillingCycle }).ToListAsync(cancellationToken))
                .Select(s => new ContactHistoryItem(ContactHistoryKind.Service, s.Id, s.CreatedAt, $"{s.Quantity} × {s.Product}",
                    $"{s.BillingCycle}{(s.RenewalDate is { } r ? ", renews " + DateFormats.Format(r) : "")}")));
        }

        if (kind is null or ContactHistoryKind.Invoice)
        {
            items.AddRange((await db.Invoices.AsNoTracking().Where(i => i.ContactId == id).OrderByDescending(i => i.IssueDate).Take(HistoryLength)
                .Select(i => new { i.Id, i.IssueDate, i.Number, i.Status }).ToListAsync(cancellationToken))
                .Select(i => new ContactHistoryItem(ContactHistoryKind.Invoice, i.Id, i.IssueDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), i.Number ?? "Draft invoice", i.Status.ToString())));
        }

        return (IReadOnlyList<ContactHistoryItem>)items.OrderByDescending(i => i.At).ThenBy(i => i.Id).Take(HistoryLength).ToList();
    }, cancellationToken);

    public Task<Result<Guid>> CreateAsync(ContactInput input, CancellationToken cancellationToken = default) =>
        operations.CreateAsync(new Create<Contact>(Capabilities.ManageContacts)
        {
            Input = input,
            Validate = (db, cancellationToken) => ValidateAsync(db, input, cancellationToken),
            Make = (_, _) => Task.FromResult(Apply(new Contact { Name = "" }, input)),
        }, contact => contact.Id, cancellationToken);

    /// <summary>Saves an edit made from <paramref name="expectedVersion"/>; if someone saved the contact since, nothing is written.</summary>
    public Task<Result> UpdateAsync(Guid id, ContactInput input, Guid expectedVersion, CancellationToken cancellationToken = default) =>
        operations.ChangeAsync(new Change<Contact>(Capabilities.ManageContacts, id)
        {
            What = What,
            ExpectedVersion = expectedVersion,
            Input = input,
            Validate = op => ValidateAsync(op.Db, input, op.CancellationToken),
            Apply = Steps.Do<Contact>(op => Apply(op.Row, input)),
        }, cancellationToken);

    /// <summary>An inactive contact leaves the pickers and the default list; its history stays as it is.</summary>
    public Task<Result> SetActiveAsync(Guid id, bool active, CancellationToken cancellationToken = default) =>
        operations.ChangeAsync(new Change<Contact>(Capabilities.ManageContacts, id)
        {
            What = What,
            Apply = Steps.Do<Contact>(op => op.Row.IsActive = active),
        }, cancellationToken);

    /// <summary>Deletes a contact without history. One with history is refused, saying what it has.</summary>
    public Task<Result> DeleteAsync(Guid id, CancellationToken cancellationToken = default) =>
        operations.ChangeAsync(new Change<Contact>(Capabilities.ManageContacts, id)
        {
            What = What,
            // The history is counted in the transaction that deletes, so nothing is added in between unseen.
            InTransaction = true,
            Validate = async op =>
            {
                var (tickets, events, services, invoices) = await CountHistoryAsync(op.Db, id, op.CancellationToken);
                var history = new[] { (tickets, "ticket"), (events, "CRM event"), (services, "service"), (invoices, "invoice") }
                    .Where(h => h.Item1 > 0).Select(h => Counted.Of(h.Item1, h.Item2)).ToList();
                return await Steps.Check((history.Count > 0, "",
                    $"{op.Row.Name} has {string.Join(", ", history)}, so it cannot be deleted. Deactivate it instead: it leaves the lists and pickers, and its history stays."));
            },
            Apply = Steps.Do<Contact>(op => op.Db.Contacts.Remove(op.Row)),
        }, cancellationToken);

    private const string What = "The contact";

    private static async Task<IQueryable<Contact>> FilterAsync(WorkTrackrDbContext db, ContactQuery query, CancellationToken cancellationToken)
    {
        var contacts = db.Contacts.AsNoTracking();
        contacts = query.Status switch
        {
            ContactStatusFilter.Active => contacts.Where(c => c.IsActive),
            ContactStatusFilter.Inactive => contacts.Where(c => !c.IsActive),
            _ => contacts,
        };
        if (query.Kind is { } kind) contacts = contacts.Where(c => c.Kind == kind);
        return string.IsNullOrWhiteSpace(query.Text) ? contacts : await MatchingAsync(db, contacts, query.Text.Trim(), cancellationToken);
    }

    /// <summary>Above this many index hits, scanning the contacts with LIKE is cheaper than fetching every hit from the index.</summary>
    private const int SqliteIndexHitsLimit = 5_000;

    private static async Task<IQueryable<Contact>> MatchingAsync(WorkTrackrDbContext db, IQueryable<Contact> contacts, string text, CancellationToken cancellationToken)
    {
        var pattern = LikePattern.Containing(text);
        if (db.Database.IsNpgsql())
            return contacts.Where(c => EF.Functions.ILike(c.Name, pattern, LikePattern.Escape) || EF.Functions.ILike(c.Email!, pattern, LikePattern.Escape) || EF.Functions.ILike(c.Phone!, pattern, LikePattern.Escape));
        // Name, email and phone are all in SQLite's trigram index (TextSearch). It pays for selective terms; a term
        // most contacts share (a common email domain) is cheaper to scan, and counting index hits first takes a moment.
        if (TextSearch.Indexable(text)
            && await TextSearch.CountAsync(db, TextSearch.Contacts, TextSearch.Phrase(text), SqliteIndexHitsLimit + 1, cancellationToken) <= SqliteIndexHitsLimit)
        {
            var matching = TextSearch.MatchingIds(db, TextSearch.Contacts, TextSearch.Phrase(text));
            return contacts.Where(c => matching.Contains(c.Id));
        }
        return contacts.Where(c => EF.Functions.Like(c.Name, pattern, LikePattern.Escape) || EF.Functions.Like(c.Email!, pattern, LikePattern.Escape) || EF.Functions.Like(c.Phone!, pattern, LikePattern.Escape));
    }

    private static async Task<(int Tickets, int Events, int Services, int Invoices)> CountHistoryAsync(WorkTrackrDbContext db, Guid id, CancellationToken cancellationToken) =>
        (await db.Tickets.CountAsync(t => t.ContactId == id, cancellationToken),
         await db.CrmEvents.CountAsync(e => e.ContactId == id, cancellationToken),
         await db.CustomerServices.CountAsync(s => s.ContactId == id, cancellationToken),
         await db.Invoices.CountAsync(i => i.ContactId == id, cancellationToken));

    private async Task<IReadOnlyDictionary<string, string[]>> ValidateAsync(WorkTrackrDbContext db, ContactInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Name)) errors[nameof(ContactInput.Name)] = ["Give the contact a name."];
        // Users are not tenant-filtered: the owner must be an active member of this organisation, in a role that sees
        // contacts (the picker offers only those: TeamDirectory.PossibleOwnersAsync).
        if (input.OwnerUserId is { } owner)
        {
            var member = await db.Users.Where(u => u.Id == owner && u.OrganisationId == currentUser.OrganisationId)
                .Select(u => new { u.DisplayName, u.IsActive }).SingleOrDefaultAsync(cancellationToken);
            if (member is null)
                errors[nameof(ContactInput.OwnerUserId)] = ["Choose someone on your team."];
            else if (!member.IsActive)
                errors[nameof(ContactInput.OwnerUserId)] = [$"{member.DisplayName} has been deactivated: choose someone else to look after this contact, or nobody."];
            else if (!await team.IsPossibleOwnerAsync(owner, cancellationToken))
                errors[nameof(ContactInput.OwnerUserId)] = ["Choose an Admin, Manager or Dispatcher: technicians do not see contacts."];
        }
        return errors;
    }

    private static Contact Apply(Contact contact, ContactInput input)
    {
        contact.Kind = input.Kind;
        contact.Name = input.Name.Trim();
        contact.Email = Blank(input.Email);
        contact.Phone = Blank(input.Phone);
        contact.BillingAddress = Blank(input.BillingAddress);
        contact.ServiceAddress = Blank(input.ServiceAddress);
        contact.Notes = Blank(input.Notes);
        contact.OwnerUserId = input.OwnerUserId;
        return contact;
    }


    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
