using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Tickets;
using WorkTrackr.Web.Features.Common;
using WorkTrackr.Web.Features.Team;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Operations;
using WorkTrackr.Web.Infrastructure.Tenancy;

namespace WorkTrackr.Web.Features.Tickets;

/// <summary>
/// Tickets of the current organisation. Every method checks the caller's role: dispatchers, managers and admins see and
/// change every ticket; technicians see the tickets assigned to them and may only change their status and comment.
/// One save is one transaction, and stale edits come back as conflicts carrying what is there now.
/// </summary>
public sealed class TicketService(
    IDbContextFactory<WorkTrackrDbContext> dbFactory,
    RecordOperations operations,
    CurrentUser currentUser,
    TeamDirectory team,
    TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private const string What = "The ticket";

    public Task<Result<TicketDetails>> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        operations.GetAsync(new Find<Ticket>(Capabilities.ViewTickets, id)
        {
            What = What,
            Query = db => Visible(db).Include(t => t.Contact).Include(t => t.AssignedUser).Include(t => t.Template),
        }, async op =>
        {
            var activities = await op.Db.TicketActivities.AsNoTracking().Where(a => a.TicketId == id)
                .OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync(op.CancellationToken);
            return ToDetails(op.Row, activities, await team.NamesAsync(op.CancellationToken));
        }, cancellationToken);

    public Task<Result<TicketRef>> CreateAsync(TicketInput input, CancellationToken cancellationToken = default)
    {
        TicketTemplate? template = null;
        return operations.CreateAsync(new Create<Ticket>(Capabilities.ManageTickets)
        {
            Prepare = ct => Numbering.EnsureAsync(dbFactory, NumberSequence.Tickets, HighestTicketNumberAsync, ct),
            Validate = async (db, ct) =>
            {
                template = input.TemplateId is { } templateId
                    ? await db.TicketTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == templateId && t.IsActive, ct)
                    : null;
                return await ValidateAsync(db, input, template, input.TemplateId is not null, existing: null, ct);
            },
            // The number is taken in the transaction that saves the ticket, so a failed save skips none.
            InTransaction = true,
            Make = async (db, ct) =>
            {
                var targets = await TargetsAsync(db, input.Priority, ct);
                var now = Now;
                var (responseDue, resolutionDue) = TicketRules.DueTimes(now, targets.ResponseMinutes, targets.ResolutionMinutes);
                var ticket = new Ticket
                {
                    Number = Ticket.FormatNumber(await Numbering.NextAsync(db, NumberSequence.Tickets, ct)),
                    Title = input.Title.Trim(),
                    Description = Blank(input.Description),
                    ContactId = input.ContactId,
                    Priority = input.Priority,
                    AssignedUserId = input.AssignedUserId,
                    ScheduledStart = input.ScheduledStart,
                    ScheduledEnd = input.ScheduledEnd,
                    TemplateId = template?.Id,
                    CustomFieldValues = CleanValues(input.CustomFieldValues),
                    CreatedByUserId = currentUser.UserId,
                    CreatedAt = now,
                    ResponseDueAt = responseDue,
                    ResolutionDueAt = resolutionDue,
                };
                Log(db, ticket, TicketActivityKind.Created, null, ticket.Number);
                return ticket;
            },
        }, ticket => new TicketRef(ticket.Id, ticket.Number), cancellationToken);
    }

    /// <summary>
    /// Saves an edit made from <paramref name="expectedVersion"/>. If someone saved the ticket since, nothing is written
    /// and the result is a conflict whose value is the ticket as it is now.
    /// </summary>
    public Task<Result<TicketInput>> UpdateAsync(Guid id, TicketInput input, Guid expectedVersion, CancellationToken cancellationToken = default) =>
        EditAsync(id, expectedVersion, _ => input, cancellationToken);

    public async Task<Result> AssignAsync(Guid id, Guid? userId, Guid expectedVersion, CancellationToken cancellationToken = default) =>
        await EditAsync(id, expectedVersion, ticket => InputOf(ticket, i => i.AssignedUserId = userId), cancellationToken);

    public async Task<Result> RescheduleAsync(Guid id, DateTime? startUtc, DateTime? endUtc, Guid expectedVersion, CancellationToken cancellationToken = default) =>
        await EditAsync(id, expectedVersion, ticket => InputOf(ticket, i => (i.ScheduledStart, i.ScheduledEnd) = (startUtc, endUtc)), cancellationToken);

    /// <summary>Sets when the ticket is done and by whom, in one save: what the dispatch calendar's dialog does.</summary>
    public async Task<Result> ScheduleAsync(Guid id, DateTime? startUtc, DateTime? endUtc, Guid? assigneeId, Guid expectedVersion, CancellationToken cancellationToken = default) =>
        await EditAsync(id, expectedVersion, ticket => InputOf(ticket, i => (i.ScheduledStart, i.ScheduledEnd, i.AssignedUserId) = (startUtc, endUtc, assigneeId)), cancellationToken);

    /// <summary>Loads the ticket once, checks the version, and saves the input <paramref name="edit"/> makes from it.</summary>
    private Task<Result<TicketInput>> EditAsync(Guid id, Guid expectedVersion, Func<Ticket, TicketInput> edit, CancellationToken cancellationToken)
    {
        TicketInput input = null!;
        return operations.ChangeAsync(new Change<Ticket>(Capabilities.ManageTickets, id)
        {
            What = What,
            Query = db => Visible(db).Include(t => t.Template),
            ExpectedVersion = expectedVersion,
            Validate = op =>
            {
                input = edit(op.Row);
                // The template of an existing ticket stays; its removed fields' values are kept as they were.
                return ValidateAsync(op.Db, input, op.Row.Template, false, existing: op.Row, op.CancellationToken);
            },
            Apply = op => ApplyEditAsync(op, input),
        }, _ => new TicketInput(), ct => CurrentInputAsync(id, ct), cancellationToken);
    }

    private async Task ApplyEditAsync(Operation<Ticket> op, TicketInput input)
    {
        var (db, ticket, cancellationToken) = op;
        var names = await team.NamesAsync(cancellationToken);
        var edited = new List<string>();
        if (ticket.Title != input.Title.Trim()) edited.Add("title");
        if (ticket.Description != Blank(input.Description)) edited.Add("description");
        if (ticket.ContactId != input.ContactId) edited.Add("contact");
        if (ticket.Priority != input.Priority) edited.Add("priority");
        var values = CleanValues(input.CustomFieldValues, keep: ticket.CustomFieldValues, template: ticket.Template);
        if (!values.OrderBy(v => v.Key).SequenceEqual(ticket.CustomFieldValues.OrderBy(v => v.Key))) edited.Add("custom fields");

        if (ticket.Priority != input.Priority)
        {
            var targets = await TargetsAsync(db, input.Priority, cancellationToken);
            (ticket.ResponseDueAt, ticket.ResolutionDueAt) = TicketRules.DueTimes(ticket.CreatedAt, targets.ResponseMinutes, targets.ResolutionMinutes);
        }
        if (ticket.AssignedUserId != input.AssignedUserId)
            Log(db, ticket, TicketActivityKind.Assigned, NameOf(names, ticket.AssignedUserId), NameOf(names, input.AssignedUserId));
        if (ticket.ScheduledStart != input.ScheduledStart || ticket.ScheduledEnd != input.ScheduledEnd)
            Log(db, ticket, TicketActivityKind.Rescheduled, FormatSchedule(ticket.ScheduledStart, ticket.ScheduledEnd), FormatSchedule(input.ScheduledStart, input.ScheduledEnd));
        if (edited.Count > 0) Log(db, ticket, TicketActivityKind.Edited, null, null, "Changed " + string.Join(", ", edited));

        ticket.Title = input.Title.Trim();
        ticket.Description = Blank(input.Description);
        ticket.ContactId = input.ContactId;
        ticket.Priority = input.Priority;
        ticket.AssignedUserId = input.AssignedUserId;
        ticket.ScheduledStart = input.ScheduledStart;
        ticket.ScheduledEnd = input.ScheduledEnd;
        ticket.CustomFieldValues = values;
    }

    /// <summary>Technicians may move their own tickets too (the visibility rule decides which they can load).</summary>
    public Task<Result> ChangeStatusAsync(Guid id, TicketStatus to, Guid expectedVersion, CancellationToken cancellationToken = default) =>
        operations.ChangeAsync(new Change<Ticket>(Capabilities.ViewTickets, id)
        {
            What = What,
            Query = Visible,
            ExpectedVersion = expectedVersion,
            Validate = op => Steps.Check((!TicketRules.CanMove(op.Row.Status, to), nameof(Ticket.Status),
                $"A ticket that is {Describe(op.Row.Status)} cannot become {Describe(to)}.")),
            Apply = Steps.Do<Ticket>(op =>
            {
                var ticket = op.Row;
                Log(op.Db, ticket, TicketActivityKind.StatusChanged, ticket.Status.ToString(), to.ToString());
                ticket.FirstRespondedAt ??= Now;
                ticket.ResolvedAt = TicketRules.IsFinished(to) ? ticket.ResolvedAt ?? Now : null;
                ticket.Status = to;
            }),
        }, cancellationToken);

    /// <summary>An internal note on the ticket. Comments never conflict: each is its own line.</summary>
    public Task<Result> AddCommentAsync(Guid id, string text, CancellationToken cancellationToken = default)
    {
        text = text.Trim();
        return operations.ChangeAsync(new Change<Ticket>(Capabilities.ViewTickets, id)
        {
            What = What,
            Query = Visible,
            Validate = _ => Steps.Check(
                (text.Length == 0, "Comment", "Write something first."),
                (text.Length > DataLimits.NotesLength, "Comment", DataLimits.TooLongMessage(DataLimits.NotesLength))),
            // The first comment is the response, recorded without renewing the version, so nobody's open edit conflicts.
            InTransaction = true,
            Apply = async op =>
            {
                Log(op.Db, op.Row, TicketActivityKind.Commented, null, null, text);
                var now = Now;
                await op.Db.Tickets.Where(t => t.Id == id && t.FirstRespondedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.FirstRespondedAt, now), op.CancellationToken);
            },
        }, cancellationToken);
    }

    /// <summary>The organisation's SLA target for each priority, its own where set and the defaults elsewhere.</summary>
    public async Task<IReadOnlyDictionary<TicketPriority, (int ResponseMinutes, int ResolutionMinutes)>> SlaTargetsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var own = await db.SlaTargets.AsNoTracking().ToDictionaryAsync(s => s.Priority, s => (s.ResponseMinutes, s.ResolutionMinutes), cancellationToken);
        return Enum.GetValues<TicketPriority>().ToDictionary(p => p, p => own.TryGetValue(p, out var t) ? t : SlaTarget.Defaults[p]);
    }

    public async Task<IReadOnlyList<TicketTemplate>> ActiveTemplatesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.TicketTemplates.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Name).ToListAsync(cancellationToken);
    }

    private IQueryable<Ticket> Visible(WorkTrackrDbContext db) => VisibleTo(db, currentUser);

    /// <summary>The tickets a user may see: all of the organisation's, or a technician's own.</summary>
    internal static IQueryable<Ticket> VisibleTo(WorkTrackrDbContext db, CurrentUser user)
    {
        if (user.Can(Capabilities.ViewAllTickets)) return db.Tickets;
        var me = user.UserId;
        return db.Tickets.Where(t => me != null && t.AssignedUserId == me);
    }

    /// <summary>Field-keyed errors. A contact or assignee the ticket already has stays valid even if since deactivated.</summary>
    private async Task<IReadOnlyDictionary<string, string[]>> ValidateAsync(WorkTrackrDbContext db, TicketInput input, TicketTemplate? template,
        bool templateRequested, Ticket? existing, CancellationToken cancellationToken)
    {
        var errors = InputValidation.Errors(input);

        if (templateRequested && template is null) errors[nameof(TicketInput.TemplateId)] = ["Choose a template from the list."];
        if (input.ContactId is { } contactId && contactId != existing?.ContactId
            && !await db.Contacts.AnyAsync(c => c.Id == contactId && c.IsActive, cancellationToken))
        {
            errors[nameof(TicketInput.ContactId)] = ["Choose a contact from the list."];
        }

        if (input.AssignedUserId is { } userId && userId != existing?.AssignedUserId
            && await team.FindAssignableAsync(userId, cancellationToken) is null)
        {
            errors[nameof(TicketInput.AssignedUserId)] = ["Choose a technician or dispatcher of your organisation."];
        }

        if (input.ScheduledStart is null != input.ScheduledEnd is null)
            errors[nameof(TicketInput.ScheduledEnd)] = ["Give both a start and an end, or neither."];
        else if (input.ScheduledEnd <= input.ScheduledStart)
            errors[nameof(TicketInput.ScheduledEnd)] = ["The end must be after the start."];
        if (template is not null)
            foreach (var (key, messages) in CustomFields.Validate(template.Fields, input.CustomFieldValues, existing?.CustomFieldValues)) errors[key] = messages;
        return errors;
    }

    private async Task<TicketInput> CurrentInputAsync(Guid id, CancellationToken cancellationToken) =>
        (await GetAsync(id, cancellationToken)).Value?.ToInput() ?? new TicketInput();

    private async Task<int> HighestTicketNumberAsync(WorkTrackrDbContext db)
    {
        // Numbers are zero-padded to six digits, so the highest sorts last as text too.
        var highest = await db.Tickets.MaxAsync(t => (string?)t.Number);
        return highest is null ? 0 : int.Parse(highest.AsSpan(2), CultureInfo.InvariantCulture);
    }

    private static async Task<(int ResponseMinutes, int ResolutionMinutes)> TargetsAsync(WorkTrackrDbContext db, TicketPriority priority, CancellationToken cancellationToken)
    {
        var own = await db.SlaTargets.AsNoTracking().SingleOrDefaultAsync(s => s.Priority == priority, cancellationToken);
        return own is null ? SlaTarget.Defaults[priority] : (own.ResponseMinutes, own.ResolutionMinutes);
    }

    private void Log(WorkTrackrDbContext db, Ticket ticket, TicketActivityKind kind, string? from, string? to, string? text = null) =>
        db.TicketActivities.Add(new TicketActivity
        {
            TicketId = ticket.Id,
            At = Now,
            UserId = currentUser.UserId,
            Kind = kind,
            FromValue = from,
            ToValue = to,
            Text = text,
        });

    private TicketDetails ToDetails(Ticket ticket, List<TicketActivity> activities, IReadOnlyDictionary<Guid, string> names)
    {
        var definitions = ticket.Template?.Fields ?? [];
        var fields = definitions.Where(f => !f.Removed || ticket.CustomFieldValues.ContainsKey(f.Key))
            .Select(f => new TicketFieldView(f.Key, f.Label, f.Type, ticket.CustomFieldValues.GetValueOrDefault(f.Key), f.Removed))
            .Concat(ticket.CustomFieldValues.Where(v => definitions.All(f => f.Key != v.Key))
                .Select(v => new TicketFieldView(v.Key, v.Key, CustomFieldType.Text, v.Value, Removed: true)))
            .ToList();
        var canManage = currentUser.Can(Capabilities.ManageTickets);
        return new TicketDetails(
            ticket.Id, ticket.Number, ticket.Title, ticket.Description, ticket.Status, ticket.Priority,
            ticket.ContactId, ticket.Contact?.Name, ticket.AssignedUserId, ticket.AssignedUser?.DisplayName,
            ticket.ScheduledStart, ticket.ScheduledEnd, ticket.TemplateId, ticket.Template?.Name, fields,
            definitions.Where(f => !f.Removed).ToList(),
            ticket.CreatedAt, ticket.ResponseDueAt, ticket.ResolutionDueAt, ticket.FirstRespondedAt, ticket.ResolvedAt,
            TicketRules.StateOf(ticket, Now), ticket.Version, TicketRules.AllowedNext(ticket.Status), canManage,
            activities.Select(a => new TicketActivityView(a.At, a.UserId is { } u ? names.GetValueOrDefault(u) : null, a.Kind, a.FromValue, a.ToValue, a.Text)).ToList());
    }

    /// <summary>Values of the template's live fields as entered; values of removed fields as they were.</summary>
    private static Dictionary<string, string?> CleanValues(Dictionary<string, string?> entered,
        Dictionary<string, string?>? keep = null, TicketTemplate? template = null)
    {
        var values = entered.Where(v => !string.IsNullOrWhiteSpace(v.Value))
            .ToDictionary(v => v.Key, v => (string?)v.Value!.Trim());
        if (keep is null || template is null) return values;
        var live = template.Fields.Where(f => !f.Removed).Select(f => f.Key).ToHashSet();
        foreach (var (key, value) in keep.Where(v => !live.Contains(v.Key))) values[key] = value;
        return values;
    }

    /// <summary>The ticket as it stands, as an edit, with one <paramref name="change"/> applied.</summary>
    private static TicketInput InputOf(Ticket ticket, Action<TicketInput> change)
    {
        var input = new TicketInput
        {
            Title = ticket.Title,
            Description = ticket.Description,
            ContactId = ticket.ContactId,
            Priority = ticket.Priority,
            AssignedUserId = ticket.AssignedUserId,
            ScheduledStart = ticket.ScheduledStart,
            ScheduledEnd = ticket.ScheduledEnd,
            TemplateId = ticket.TemplateId,
            CustomFieldValues = new Dictionary<string, string?>(ticket.CustomFieldValues),
        };
        change(input);
        return input;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? NameOf(IReadOnlyDictionary<Guid, string> names, Guid? userId) =>
        userId is { } id ? names.GetValueOrDefault(id, "someone") : null;

    /// <summary>Stored as UTC round-trip text; the timeline shows it in the viewer's zone.</summary>
    private static string? FormatSchedule(DateTime? start, DateTime? end) =>
        start is { } s && end is { } e ? $"{s.ToString("O", CultureInfo.InvariantCulture)}/{e.ToString("O", CultureInfo.InvariantCulture)}" : null;

    private static string Describe(TicketStatus status) => status switch
    {
        TicketStatus.InProgress => "in progress",
        TicketStatus.OnHold => "on hold",
        _ => status.ToString().ToLowerInvariant(),
    };
}
