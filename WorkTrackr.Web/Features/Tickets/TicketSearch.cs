using CsvHelper;
using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Tickets;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Operations;
using WorkTrackr.Web.Infrastructure.Tenancy;
using WorkTrackr.Web.Infrastructure.TimeZones;

namespace WorkTrackr.Web.Features.Tickets;

/// <summary>The ticket list: every filter, sort and page is done by the database, never in memory.</summary>
public sealed class TicketSearch(RecordOperations operations, CurrentUser currentUser, TimeProvider clock)
{
    public const int MaxPageSize = 200;

    /// <summary>How many matching contacts a PostgreSQL text search passes as a list rather than a subquery.</summary>
    private const int MaxContactsListed = 500;

    public Task<Result<TicketResults>> SearchAsync(TicketQuery query, CancellationToken cancellationToken = default) =>
        operations.ReadAsync(Capabilities.ViewTickets, async (db, cancellationToken) =>
    {
        var filtered = await FilterAsync(db, query, cancellationToken);
        var total = await filtered.CountAsync(cancellationToken);
        var (skip, take) = (Math.Max(query.Skip, 0), Math.Clamp(query.Take, 1, MaxPageSize));
        var rows = query.Sort == TicketSort.Risk
            ? await PageByRiskAsync(filtered, OpenOnly(query), skip, take, cancellationToken)
            : await Project(Sort(filtered, query)).Skip(skip).Take(take).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return new TicketResults(rows.Select(r => r.ToItem(now)).ToList(), total);
    }, cancellationToken);

    /// <summary>
    /// Scheduled tickets overlapping [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), optionally one technician's:
    /// what a calendar view shows.
    /// </summary>
    public Task<Result<IReadOnlyList<ScheduledTicket>>> ScheduledAsync(DateTime fromUtc, DateTime toUtc, Guid? assigneeId = null,
        CancellationToken cancellationToken = default) =>
        operations.ReadAsync<IReadOnlyList<ScheduledTicket>>(Capabilities.ViewCalendar, async (db, cancellationToken) =>
    {
        var tickets = TicketService.VisibleTo(db, currentUser)
            .Where(t => t.ScheduledStart < toUtc && t.ScheduledEnd > fromUtc);
        if (assigneeId is { } assignee) tickets = tickets.Where(t => t.AssignedUserId == assignee);
        return await tickets.OrderBy(t => t.ScheduledStart)
            .Select(t => new ScheduledTicket(t.Id, t.Number, t.Title, t.ScheduledStart!.Value, t.ScheduledEnd!.Value, t.AssignedUserId, t.Status, t.Priority, t.Version))
            .ToListAsync(cancellationToken);
    }, cancellationToken);

    /// <summary>Open tickets with no schedule yet, most at risk first: the dispatcher's queue beside the calendar.</summary>
    public Task<Result<TicketResults>> UnscheduledAsync(int take, CancellationToken cancellationToken = default) =>
        operations.ReadAsync(Capabilities.ViewTickets, async (db, cancellationToken) =>
    {
        var query = new TicketQuery { View = TicketView.AllOpen, Sort = TicketSort.Risk };
        var unscheduled = (await FilterAsync(db, query, cancellationToken)).Where(t => t.ScheduledStart == null);
        var total = await unscheduled.CountAsync(cancellationToken);
        var rows = await PageByRiskAsync(unscheduled, openOnly: true, 0, Math.Clamp(take, 1, MaxPageSize), cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return new TicketResults(rows.Select(r => r.ToItem(now)).ToList(), total);
    }, cancellationToken);

    /// <summary>Writes every ticket of the query (no paging) as CSV, times in the user's zone.</summary>
    public async Task<Result> ExportCsvAsync(TicketQuery query, TextWriter writer, CancellationToken cancellationToken = default) =>
        await operations.ReadAsync(Capabilities.ViewTickets, async (db, cancellationToken) =>
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var zone = currentUser.TimeZoneId;
        await using var csv = CsvWriter.Create(writer, CsvExport.Options, leaveOpen: true);
        csv.WriteHeader(["Number", "Title", "Contact", "Status", "Priority", "Assignee", "Scheduled", "Created", "Resolution due", "SLA"]);
        var filtered = await FilterAsync(db, query, cancellationToken);
        await foreach (var row in Project(Sort(filtered, query)).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var item = row.ToItem(now);
            csv.WriteField(item.Number);
            csv.WriteField(item.Title);
            csv.WriteField(item.ContactName);
            csv.WriteField(item.Status.ToString());
            csv.WriteField(item.Priority.ToString());
            csv.WriteField(item.AssigneeName);
            csv.WriteField(Local(item.ScheduledStart, zone));
            csv.WriteField(Local(item.CreatedAt, zone));
            csv.WriteField(Local(item.ResolutionDueAt, zone));
            csv.WriteField(item.Sla.ToString());
            await csv.EndRecordAsync(cancellationToken);
        }
        await csv.FlushAsync(cancellationToken);
        return true;
    }, cancellationToken);

    private async Task<IQueryable<Ticket>> FilterAsync(WorkTrackrDbContext db, TicketQuery query, CancellationToken cancellationToken)
    {
        var tickets = TicketService.VisibleTo(db, currentUser);
        var now = clock.GetUtcNow().UtcDateTime;
        var zone = currentUser.TimeZoneId;
        var me = currentUser.UserId;
        IQueryable<Ticket> Open(IQueryable<Ticket> q) => q.Where(t => t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed);

        tickets = query.View switch
        {
            TicketView.AllOpen => Open(tickets),
            TicketView.MyOpen => Open(tickets).Where(t => me != null && t.AssignedUserId == me),
            TicketView.Unassigned => Open(tickets).Where(t => t.AssignedUserId == null),
            TicketView.Overdue => Open(tickets).Where(t => t.ResolutionDueAt < now),
            TicketView.ScheduledToday => ScheduledToday(tickets, zone),
            _ => tickets,
        };

        if (query.Statuses.Count > 0) tickets = tickets.Where(t => query.Statuses.Contains(t.Status));
        if (query.Priorities.Count > 0) tickets = tickets.Where(t => query.Priorities.Contains(t.Priority));
        if (query.Unassigned) tickets = tickets.Where(t => t.AssignedUserId == null);
        else if (query.AssigneeId is { } assignee) tickets = tickets.Where(t => t.AssignedUserId == assignee);
        if (query.ContactId is { } contact) tickets = tickets.Where(t => t.ContactId == contact);
        var (scheduledFrom, scheduledBefore) = UtcRange(query.ScheduledFrom, query.ScheduledTo, zone);
        if (scheduledFrom is { } sf) tickets = tickets.Where(t => t.ScheduledStart >= sf);
        if (scheduledBefore is { } sb) tickets = tickets.Where(t => t.ScheduledStart < sb);
        var (createdFrom, createdBefore) = UtcRange(query.CreatedFrom, query.CreatedTo, zone);
        if (createdFrom is { } cf) tickets = tickets.Where(t => t.CreatedAt >= cf);
        if (createdBefore is { } cb) tickets = tickets.Where(t => t.CreatedAt < cb);
        if (!string.IsNullOrWhiteSpace(query.Text)) tickets = await MatchingTextAsync(db, tickets, query.Text.Trim(), cancellationToken);
        return tickets;
    }

    /// <summary>
    /// Tickets whose number, title or contact's name contains <paramref name="text"/>, ignoring case. SQLite answers from
    /// its FTS5 trigram indexes (<see cref="TextSearch"/>); PostgreSQL answers ILIKE from its trigram indexes. Shorter
    /// terms than trigrams allow fall back to LIKE, which in SQLite ignores the case of ASCII letters as its lower() does.
    /// </summary>
    private static async Task<IQueryable<Ticket>> MatchingTextAsync(WorkTrackrDbContext db, IQueryable<Ticket> tickets, string text,
        CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite() && TextSearch.Indexable(text))
        {
            var phrase = TextSearch.Phrase(text);
            var ticketIds = TextSearch.MatchingIds(db, TextSearch.Tickets, phrase);
            var contactIds = TextSearch.MatchingIds(db, TextSearch.Contacts, TextSearch.Phrase("Name", text));
            // Contains on the non-null value: over a Guid? it becomes a correlated EXISTS, one index query per ticket.
            return tickets.Where(t => ticketIds.Contains(t.Id) || (t.ContactId != null && contactIds.Contains(t.ContactId.Value)));
        }

        var pattern = LikePattern.Containing(text);
        // Ticket numbers are T- and digits; a term with any other character cannot be in one, so the number is not read.
        var inNumbers = text.All(c => c is 't' or 'T' or '-' || char.IsAsciiDigit(c));
        if (db.Database.IsNpgsql())
        {
            // The matching contacts first, as a list: "ContactId = ANY(list)" reads the contact index and combines with
            // the trigram indexes, where "IN (subquery)" would make PostgreSQL scan every ticket. A term matching very
            // many contacts keeps the subquery.
            var contacts = db.Contacts.Where(c => EF.Functions.ILike(c.Name, pattern, LikePattern.Escape)).Select(c => (Guid?)c.Id);
            var found = await contacts.Take(MaxContactsListed + 1).ToListAsync(cancellationToken);
            if (found.Count <= MaxContactsListed)
            {
                return inNumbers
                    ? tickets.Where(t => EF.Functions.ILike(t.Number, pattern, LikePattern.Escape) || EF.Functions.ILike(t.Title, pattern, LikePattern.Escape) || found.Contains(t.ContactId))
                    : tickets.Where(t => EF.Functions.ILike(t.Title, pattern, LikePattern.Escape) || found.Contains(t.ContactId));
            }

            return inNumbers
                ? tickets.Where(t => EF.Functions.ILike(t.Number, pattern, LikePattern.Escape) || EF.Functions.ILike(t.Title, pattern, LikePattern.Escape) || contacts.Contains(t.ContactId))
                : tickets.Where(t => EF.Functions.ILike(t.Title, pattern, LikePattern.Escape) || contacts.Contains(t.ContactId));
        }
        var named = db.Contacts.Where(c => EF.Functions.Like(c.Name, pattern, LikePattern.Escape)).Select(c => (Guid?)c.Id);
        return tickets.Where(t => EF.Functions.Like(t.Number, pattern, LikePattern.Escape) || EF.Functions.Like(t.Title, pattern, LikePattern.Escape) || named.Contains(t.ContactId));
    }

    /// <summary>Whether the query can only return open tickets, so "open before finished" orders nothing.</summary>
    private static bool OpenOnly(TicketQuery query) =>
        query.View is not (TicketView.All or TicketView.ScheduledToday)
        || (query.Statuses.Count > 0 && !query.Statuses.Any(TicketRules.IsFinished));

    /// <summary>
    /// One page in risk order (open before finished, then nearest resolution due, undated last), read as consecutive
    /// ranges that each follow the (OrganisationId, ResolutionDueAt, Id) index: open and dated, open and undated,
    /// finished and dated, finished and undated. The database walks the index and stops once the page is full,
    /// instead of sorting every matching ticket; a later range is only read when the page reaches into it.
    /// </summary>
    private static async Task<List<Row>> PageByRiskAsync(IQueryable<Ticket> filtered, bool openOnly, int skip, int take, CancellationToken cancellationToken)
    {
        var open = openOnly ? filtered : filtered.Where(t => t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed);
        var ranges = new List<IQueryable<Ticket>>
        {
            open.Where(t => t.ResolutionDueAt != null).OrderBy(t => t.ResolutionDueAt).ThenBy(t => t.Id),
            open.Where(t => t.ResolutionDueAt == null).OrderBy(t => t.Id),
        };
        if (!openOnly)
        {
            var finished = filtered.Where(t => t.Status == TicketStatus.Resolved || t.Status == TicketStatus.Closed);
            ranges.Add(finished.Where(t => t.ResolutionDueAt != null).OrderBy(t => t.ResolutionDueAt).ThenBy(t => t.Id));
            ranges.Add(finished.Where(t => t.ResolutionDueAt == null).OrderBy(t => t.Id));
        }

        var rows = new List<Row>(take);
        foreach (var range in ranges)
        {
            var part = await Project(range).Skip(skip).Take(take - rows.Count).ToListAsync(cancellationToken);
            rows.AddRange(part);
            if (rows.Count == take) break;
            // The range ran out: the next one starts at its beginning, or, if the page lies wholly past this range,
            // that many rows further on.
            skip = part.Count > 0 ? 0 : Math.Max(0, skip - await range.CountAsync(cancellationToken));
        }
        return rows;
    }

    private IQueryable<Ticket> ScheduledToday(IQueryable<Ticket> tickets, string zone)
    {
        var today = TimeZones.Today(clock, zone);
        var (from, before) = UtcRange(today, today, zone);
        return tickets.Where(t => t.ScheduledStart >= from && t.ScheduledStart < before);
    }

    /// <summary>Local days <paramref name="from"/> to <paramref name="to"/> (inclusive, in the user's zone) as a UTC [from, before) range.</summary>
    private static (DateTime? From, DateTime? Before) UtcRange(DateOnly? from, DateOnly? to, string zone) =>
        (from is { } f ? TimeZones.StartOfDayUtc(f, zone) : null, to is { } t ? TimeZones.StartOfDayUtc(t.AddDays(1), zone) : null);

    private static IQueryable<Ticket> Sort(IQueryable<Ticket> tickets, TicketQuery query)
    {
        var d = query.Descending;
        IOrderedQueryable<Ticket> sorted = query.Sort switch
        {
            // Most urgent first: open before finished, then the nearest resolution due time; undated last. The list
            // pages this order through PageByRiskAsync; the CSV export streams it whole.
            TicketSort.Risk => tickets
                .OrderBy(t => t.Status == TicketStatus.Resolved || t.Status == TicketStatus.Closed)
                .ThenBy(t => t.ResolutionDueAt == null)
                .ThenBy(t => t.ResolutionDueAt),
            TicketSort.Number => d ? tickets.OrderByDescending(t => t.Number) : tickets.OrderBy(t => t.Number),
            TicketSort.Title => d ? tickets.OrderByDescending(t => t.Title) : tickets.OrderBy(t => t.Title),
            TicketSort.Contact => d ? tickets.OrderByDescending(t => t.Contact!.Name) : tickets.OrderBy(t => t.Contact!.Name),
            TicketSort.Status => d ? tickets.OrderByDescending(t => t.Status) : tickets.OrderBy(t => t.Status),
            TicketSort.Priority => d ? tickets.OrderByDescending(t => t.Priority) : tickets.OrderBy(t => t.Priority),
            TicketSort.Assignee => d ? tickets.OrderByDescending(t => t.AssignedUser!.DisplayName) : tickets.OrderBy(t => t.AssignedUser!.DisplayName),
            TicketSort.Scheduled => d ? tickets.OrderByDescending(t => t.ScheduledStart) : tickets.OrderBy(t => t.ScheduledStart),
            _ => d ? tickets.OrderByDescending(t => t.CreatedAt) : tickets.OrderBy(t => t.CreatedAt),
        };
        // A stable order, so paging never shows a row twice or skips one.
        return sorted.ThenBy(t => t.Id);
    }

    private static IQueryable<Row> Project(IQueryable<Ticket> tickets) => tickets.Select(t => new Row(
        t.Id, t.Number, t.Title, t.Contact != null ? t.Contact.Name : null, t.Status, t.Priority,
        t.AssignedUser != null ? t.AssignedUser.DisplayName : null, t.AssignedUser != null && !t.AssignedUser.IsActive, t.ScheduledStart, t.CreatedAt,
        t.ResponseDueAt, t.ResolutionDueAt, t.FirstRespondedAt, t.ResolvedAt));

    private static string? Local(DateTime? utc, string zone) =>
        utc is { } u ? DateFormats.Local(u, zone, DateFormats.IsoDateTime) : null;

    private sealed record Row(Guid Id, string Number, string Title, string? ContactName, TicketStatus Status, TicketPriority Priority,
        string? AssigneeName, bool AssigneeInactive, DateTime? ScheduledStart, DateTime CreatedAt, DateTime? ResponseDueAt, DateTime? ResolutionDueAt,
        DateTime? FirstRespondedAt, DateTime? ResolvedAt)
    {
        public TicketListItem ToItem(DateTime now)
        {
            var sla = TicketRules.StateOf(new Ticket
            {
                Number = Number, Title = Title, Status = Status, CreatedAt = CreatedAt, ResponseDueAt = ResponseDueAt,
                ResolutionDueAt = ResolutionDueAt, FirstRespondedAt = FirstRespondedAt, ResolvedAt = ResolvedAt,
            }, now);
            return new TicketListItem(Id, Number, Title, ContactName, Status, Priority, AssigneeName, ScheduledStart, CreatedAt, ResolutionDueAt, sla)
            {
                NeedsReassignment = AssigneeInactive && !TicketRules.IsFinished(Status),
            };
        }
    }
}
