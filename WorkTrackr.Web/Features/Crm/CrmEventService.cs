using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Crm;
using WorkTrackr.Web.Features.Team;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Tenancy;

namespace WorkTrackr.Web.Features.Crm;

/// <summary>
/// The CRM calendar's events: calls, meetings and visits with contacts, stored as UTC instants. Office roles read and
/// change them; stale saves come back as conflicts instead of overwriting.
/// </summary>
public sealed class CrmEventService(IDbContextFactory<WorkTrackrDbContext> dbFactory, CurrentUser currentUser, TeamDirectory team)
{
    /// <summary>
    /// Events overlapping [<paramref name="fromUtc"/>, <paramref name="toUtc"/>): everyone's, only the caller's, or only
    /// those of <paramref name="assignedTo"/> (a person of the organisation; anyone else's id finds nothing).
    /// </summary>
    public async Task<Result<IReadOnlyList<CrmEventItem>>> RangeAsync(DateTime fromUtc, DateTime toUtc, bool mineOnly, Guid? assignedTo = null,
        CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ViewContacts)) return Result<IReadOnlyList<CrmEventItem>>.From(Result.Forbidden());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var events = db.CrmEvents.AsNoTracking().Where(e => e.StartsAt < toUtc && e.EndsAt > fromUtc);
        var me = currentUser.UserId;
        if (mineOnly) events = events.Where(e => me != null && e.AssignedUserId == me);
        if (assignedTo is { } person) events = events.Where(e => e.AssignedUserId == person);
        return Result<IReadOnlyList<CrmEventItem>>.Ok(await Project(events.OrderBy(e => e.StartsAt)).ToListAsync(cancellationToken));
    }

    public async Task<Result<CrmEventItem>> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ViewContacts)) return Result<CrmEventItem>.From(Result.Forbidden());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await Project(db.CrmEvents.AsNoTracking().Where(e => e.Id == id)).SingleOrDefaultAsync(cancellationToken);
        return item is null ? Result<CrmEventItem>.From(Result.NotFound("The event")) : Result<CrmEventItem>.Ok(item);
    }

    public async Task<Result<Guid>> CreateAsync(CrmEventInput input, CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ManageContacts)) return Result<Guid>.From(Result.Forbidden());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await ValidateAsync(db, input, null, cancellationToken) is { Count: > 0 } errors) return Result<Guid>.From(Result.Invalid(errors));
        var crmEvent = new CrmEvent { Title = "" };
        Apply(crmEvent, input);
        db.CrmEvents.Add(crmEvent);
        await db.SaveChangesAsync(cancellationToken);
        return Result<Guid>.Ok(crmEvent.Id);
    }

    public Task<Result> UpdateAsync(Guid id, CrmEventInput input, Guid expectedVersion, CancellationToken cancellationToken = default) =>
        EditAsync(id, expectedVersion, _ => input, cancellationToken);

    /// <summary>A drag or a resize on the calendar: new times, everything else as it is.</summary>
    public Task<Result> MoveAsync(Guid id, DateTime startsAt, DateTime endsAt, Guid expectedVersion, CancellationToken cancellationToken = default) =>
        EditAsync(id, expectedVersion, e => With(e, i => (i.StartsAt, i.EndsAt) = (startsAt, endsAt)), cancellationToken);

    /// <summary>The one-click "done".</summary>
    public Task<Result> MarkDoneAsync(Guid id, Guid expectedVersion, CancellationToken cancellationToken = default) =>
        EditAsync(id, expectedVersion, e => With(e, i => i.Status = CrmEventStatus.Done), cancellationToken);

    private async Task<Result> EditAsync(Guid id, Guid expectedVersion, Func<CrmEvent, CrmEventInput> edit, CancellationToken cancellationToken)
    {
        if (!currentUser.Can(Capabilities.ManageContacts)) return Result.Forbidden();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var crmEvent = await db.CrmEvents.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (crmEvent is null) return Result.NotFound("The event");
        if (crmEvent.Version != expectedVersion) return Result.Conflict();
        var input = edit(crmEvent);
        if (await ValidateAsync(db, input, crmEvent, cancellationToken) is { Count: > 0 } errors) return Result.Invalid(errors);
        Apply(crmEvent, input);
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    private async Task<Dictionary<string, string[]>> ValidateAsync(WorkTrackrDbContext db, CrmEventInput input, CrmEvent? existing, CancellationToken cancellationToken)
    {
        var errors = InputValidation.Errors(input);
        if (string.IsNullOrWhiteSpace(input.Title)) errors[nameof(CrmEventInput.Title)] = ["Give the event a title."];
        if (input.EndsAt <= input.StartsAt) errors[nameof(CrmEventInput.EndsAt)] = ["The end must be after the start."];
        if (input.ContactId is { } contactId && contactId != existing?.ContactId && !await db.Contacts.AnyAsync(c => c.Id == contactId && c.IsActive, cancellationToken))
            errors[nameof(CrmEventInput.ContactId)] = ["Choose a contact from the list."];
        if (input.AssignedUserId is { } userId && userId != existing?.AssignedUserId && !(await team.NamesAsync(cancellationToken)).ContainsKey(userId))
            errors[nameof(CrmEventInput.AssignedUserId)] = ["Choose someone of your organisation."];
        return errors;
    }

    private static void Apply(CrmEvent crmEvent, CrmEventInput input)
    {
        crmEvent.Title = input.Title.Trim();
        crmEvent.Type = input.Type;
        crmEvent.Status = input.Status;
        crmEvent.ContactId = input.ContactId!.Value;
        crmEvent.AssignedUserId = input.AssignedUserId;
        crmEvent.StartsAt = input.StartsAt!.Value;
        crmEvent.EndsAt = input.EndsAt!.Value;
        crmEvent.Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
    }

    private static CrmEventInput With(CrmEvent e, Action<CrmEventInput> change)
    {
        var input = new CrmEventInput
        {
            Title = e.Title, Type = e.Type, Status = e.Status, ContactId = e.ContactId, AssignedUserId = e.AssignedUserId,
            StartsAt = e.StartsAt, EndsAt = e.EndsAt, Notes = e.Notes,
        };
        change(input);
        return input;
    }

    private static IQueryable<CrmEventItem> Project(IQueryable<CrmEvent> events) => events.Select(e => new CrmEventItem(
        e.Id, e.Title, e.Type, e.Status, e.StartsAt, e.EndsAt, e.AssignedUserId, e.AssignedUser != null ? e.AssignedUser.DisplayName : null,
        e.ContactId, e.Contact!.Name, e.Notes, e.Version));
}
