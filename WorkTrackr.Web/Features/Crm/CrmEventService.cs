using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Crm;
using WorkTrackr.Web.Features.Team;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Operations;
using WorkTrackr.Web.Infrastructure.Tenancy;

namespace WorkTrackr.Web.Features.Crm;

/// <summary>
/// The CRM calendar's events: calls, meetings and visits with contacts, stored as UTC instants. Office roles read and
/// change them; stale saves come back as conflicts instead of overwriting.
/// </summary>
public sealed class CrmEventService(RecordOperations operations, CurrentUser currentUser, TeamDirectory team)
{
    private const string What = "The event";

    /// <summary>
    /// Events overlapping [<paramref name="fromUtc"/>, <paramref name="toUtc"/>): everyone's, only the caller's, or only
    /// those of <paramref name="assignedTo"/> (a person of the organisation; anyone else's id finds nothing).
    /// </summary>
    public Task<Result<IReadOnlyList<CrmEventItem>>> RangeAsync(DateTime fromUtc, DateTime toUtc, bool mineOnly, Guid? assignedTo = null,
        CancellationToken cancellationToken = default) =>
        operations.ReadAsync<IReadOnlyList<CrmEventItem>>(Capabilities.ViewContacts, async (db, cancellationToken) =>
    {
        var events = db.CrmEvents.AsNoTracking().Where(e => e.StartsAt < toUtc && e.EndsAt > fromUtc);
        var me = currentUser.UserId;
        if (mineOnly) events = events.Where(e => me != null && e.AssignedUserId == me);
        if (assignedTo is { } person) events = events.Where(e => e.AssignedUserId == person);
        return await Project(events.OrderBy(e => e.StartsAt)).ToListAsync(cancellationToken);
    }, cancellationToken);

    public Task<Result<CrmEventItem>> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        operations.ProjectAsync(new Find<CrmEvent>(Capabilities.ViewContacts, id) { What = What }, Project, cancellationToken);

    public Task<Result<Guid>> CreateAsync(CrmEventInput input, CancellationToken cancellationToken = default) =>
        operations.CreateAsync(new Create<CrmEvent>(Capabilities.ManageContacts)
        {
            Validate = (db, cancellationToken) => ValidateAsync(db, input, null, cancellationToken),
            Make = (_, _) => Task.FromResult(Apply(new CrmEvent { Title = "" }, input)),
        }, crmEvent => crmEvent.Id, cancellationToken);

    public Task<Result> UpdateAsync(Guid id, CrmEventInput input, Guid expectedVersion, CancellationToken cancellationToken = default) =>
        EditAsync(id, expectedVersion, _ => input, cancellationToken);

    /// <summary>A drag or a resize on the calendar: new times, everything else as it is.</summary>
    public Task<Result> MoveAsync(Guid id, DateTime startsAt, DateTime endsAt, Guid expectedVersion, CancellationToken cancellationToken = default) =>
        EditAsync(id, expectedVersion, e => With(e, i => (i.StartsAt, i.EndsAt) = (startsAt, endsAt)), cancellationToken);

    /// <summary>The one-click "done".</summary>
    public Task<Result> MarkDoneAsync(Guid id, Guid expectedVersion, CancellationToken cancellationToken = default) =>
        EditAsync(id, expectedVersion, e => With(e, i => i.Status = CrmEventStatus.Done), cancellationToken);

    /// <summary>Loads the event once, checks the version, and saves the input <paramref name="edit"/> makes from it.</summary>
    private Task<Result> EditAsync(Guid id, Guid expectedVersion, Func<CrmEvent, CrmEventInput> edit, CancellationToken cancellationToken)
    {
        CrmEventInput input = null!;
        return operations.ChangeAsync(new Change<CrmEvent>(Capabilities.ManageContacts, id)
        {
            What = What,
            ExpectedVersion = expectedVersion,
            Validate = op =>
            {
                input = edit(op.Row);
                return ValidateAsync(op.Db, input, op.Row, op.CancellationToken);
            },
            Apply = Steps.Do<CrmEvent>(op => Apply(op.Row, input)),
        }, cancellationToken);
    }

    /// <summary>
    /// The input's data-annotation errors, then the rules that need the database; a contact or assignee the event
    /// already has stays valid even if since deactivated. The input is made from the row for a move, so it is checked here.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, string[]>> ValidateAsync(WorkTrackrDbContext db, CrmEventInput input, CrmEvent? existing, CancellationToken cancellationToken)
    {
        var errors = InputValidation.Errors(input);
        if (string.IsNullOrWhiteSpace(input.Title)) errors.TryAdd(nameof(CrmEventInput.Title), ["Give the event a title."]);
        if (input.EndsAt <= input.StartsAt) errors.TryAdd(nameof(CrmEventInput.EndsAt), ["The end must be after the start."]);
        if (input.ContactId is { } contactId && contactId != existing?.ContactId && !await db.Contacts.AnyAsync(c => c.Id == contactId && c.IsActive, cancellationToken))
            errors.TryAdd(nameof(CrmEventInput.ContactId), ["Choose a contact from the list."]);
        if (input.AssignedUserId is { } userId && userId != existing?.AssignedUserId && !(await team.NamesAsync(cancellationToken)).ContainsKey(userId))
            errors.TryAdd(nameof(CrmEventInput.AssignedUserId), ["Choose someone of your organisation."]);
        return errors;
    }

    private static CrmEvent Apply(CrmEvent crmEvent, CrmEventInput input)
    {
        crmEvent.Title = input.Title.Trim();
        crmEvent.Type = input.Type;
        crmEvent.Status = input.Status;
        crmEvent.ContactId = input.ContactId!.Value;
        crmEvent.AssignedUserId = input.AssignedUserId;
        crmEvent.StartsAt = input.StartsAt!.Value;
        crmEvent.EndsAt = input.EndsAt!.Value;
        crmEvent.Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        return crmEvent;
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
