using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Tickets;
using WorkTrackr.Web.Features.Common;
using WorkTrackr.Web.Features.Team;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Tenancy;

namespace WorkTrackr.Web.Features.Tickets;

/// <summary>
/// Tickets of the current organisation. Every method checks the caller's role: dispatchers, managers and admins see and
/// change every ticket; technicians see the tickets assigned to them and may only change their status and comment.
/// One save is one transaction, and stale edits come back as conflicts carrying what is there now.
/// </summary>
public sealed class TicketService(
    IDbContextFactory<WorkTrackrDbContext> dbFactory,
    CurrentUser currentUser,
    TeamDirectory team,
    TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Result<TicketDetails>> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ViewTickets)) return Result<TicketDetails>.From(Result.Forbidden());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ticket = await Visible(db).AsNoTracking()
            .Include(t => t.Contact).Include(t => t.AssignedUser).Include(t => t.Template)
            .SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (ticket is null) return Result<TicketDetails>.From(Result.NotFound("The ticket"));

        var activities = await db.TicketActivities.AsNoTracking().Where(a => a.TicketId == id)
            .OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var names = await team.NamesAsync(cancellationToken);
        return Result<TicketDetails>.Ok(ToDetails(ticket, activities, names));
    }

    public async Task<Result<TicketRef>> CreateAsync(TicketInput input, CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ManageTickets)) return Result<TicketRef>.From(Result.Forbidden());
        await Numbering.EnsureAsync(dbFactory, NumberSequence.Tickets, HighestTicketNumberAsync, cancellationToken);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var template = input.TemplateId is { } templateId
            ? await db.TicketTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == templateId && t.IsActive, cancellationToken)
            : null;
        var errors = await ValidateAsync(db, input, template, input.TemplateId is not null, existing: null, cancellationToken);
        if (errors.Count > 0) return Result<TicketRef>.From(Result.Invalid(errors));

        var targets = await TargetsAsync(db, input.Priority, cancellationToken);
        var now = Now;
        var (responseDue, resolutionDue) = TicketRules.DueTimes(now, targets.ResponseMinutes, targets.ResolutionMinutes);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ticket = new Ticket
        {
            Number = Ticket.FormatNumber(await Numbering.NextAsync(db, NumberSequence.Tickets, cancellationToken)),
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
        db.Tickets.Add(ticket);
        Log(db, ticket, TicketActivityKind.Created, null, ticket.Number);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result<TicketRef>.Ok(new TicketRef(ticket.Id, ticket.Number));
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
    private async Task<Result<TicketInput>> EditAsync(Guid id, Guid expectedVersion, Func<Ticket, TicketInput> edit, CancellationToken cancellationToken)
    {
        if (!currentUser.Can(Capabilities.ManageTickets)) return Result<TicketInput>.From(Result.Forbidden());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ticket = await Visible(db).Include(t => t.Template).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (ticket is null) return Result<TicketInput>.From(Result.NotFound("The ticket"));
        if (ticket.Version != expectedVersion) return Result<TicketInput>.Conflict(await CurrentInputAsync(id, cancellationToken));
        var input = edit(ticket);

        // The template of an existing ticket stays; its removed fields' values are kept as they were.
        var errors = await ValidateAsync(db, input, ticket.Template, false, existing: ticket, cancellationToken);
        if (errors.Count > 0) return Result<TicketInput>.From(Result.Invalid(errors));

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
        return await SaveAsync(db, id, cancellationToken);
    }

    public async Task<Result> ChangeStatusAsync(Guid id, TicketStatus to, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ViewTickets)) return Result.Forbidden();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ticket = await Visible(db).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (ticket is null) return Result.NotFound("The ticket");
        if (ticket.Version != expectedVersion) return Result.Conflict();
        if (!TicketRules.CanMove(ticket.Status, to))
            return Result.Invalid(nameof(Ticket.Status), $"A ticket that is {Describe(ticket.Status)} cannot become {Describe(to)}.");

        Log(db, ticket, TicketActivityKind.StatusChanged, ticket.Status.ToString(), to.ToString());
        ticket.FirstRespondedAt ??= Now;
        ticket.ResolvedAt = TicketRules.IsFinished(to) ? ticket.ResolvedAt ?? Now : null;
        ticket.Status = to;
        return await SaveAsync(db, id, cancellationToken);
    }

    /// <summary>An internal note on the ticket. Comments never conflict: each is its own line.</summary>
    public async Task<Result> AddCommentAsync(Guid id, string text, CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ViewTickets)) return Result.Forbidden();
        text = text.Trim();
        if (text.Length == 0) return Result.Invalid("Comment", "Write something first.");
        if (text.Length > DataLimits.NotesLength) return Result.Invalid("Comment", "Use at most 4000 characters.");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ticket = await Visible(db).AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (ticket is null) return Result.NotFound("The ticket");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Log(db, ticket, TicketActivityKind.Commented, null, null, text);
        await db.SaveChangesAsync(cancellationToken);
        // The first comment is the response; recorded without renewing the version, so nobody's open edit conflicts.
        var now = Now;
        await db.Tickets.Where(t => t.Id == id && t.FirstRespondedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.FirstRespondedAt, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Ok();
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
    private async Task<Dictionary<string, string[]>> ValidateAsync(WorkTrackrDbContext db, TicketInput input, TicketTemplate? template,
        bool templateRequested, Ticket? existing, CancellationToken cancellationToken)
    {
        var errors = InputValidation.Errors(input);

        if (templateRequested && template is null) errors[nameof(TicketInput.TemplateId)] = ["Choose a template from the list."];
        if (input.ContactId is { } contactId && contactId != existing?.ContactId
            && !await db.Contacts.AnyAsync(c => c.Id == contactId && c.IsActive, cancellationToken))
            errors[nameof(TicketInput.ContactId)] = ["Choose a contact from the list."];
        if (input.AssignedUserId is { } userId && userId != existing?.AssignedUserId
            && await team.FindAssignableAsync(userId, cancellationToken) is null)
            errors[nameof(TicketInput.AssignedUserId)] = ["Choose a technician or dispatcher of your organisation."];
        if (input.ScheduledStart is null != input.ScheduledEnd is null)
            errors[nameof(TicketInput.ScheduledEnd)] = ["Give both a start and an end, or neither."];
        else if (input.ScheduledEnd <= input.ScheduledStart)
            errors[nameof(TicketInput.ScheduledEnd)] = ["The end must be after the start."];
        if (template is not null)
            foreach (var (key, messages) in CustomFields.Validate(template.Fields, input.CustomFieldValues, existing?.CustomFieldValues)) errors[key] = messages;
        return errors;
    }

    private async Task<Result<TicketInput>> SaveAsync(WorkTrackrDbContext db, Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Result<TicketInput>.Ok(new TicketInput());
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<TicketInput>.Conflict(await CurrentInputAsync(id, cancellationToken));
        }
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
