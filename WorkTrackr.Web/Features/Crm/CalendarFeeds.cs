using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Crm;
using WorkTrackr.Data.Organisations;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Calendar;
using WorkTrackr.Web.Infrastructure.Operations;
using WorkTrackr.Web.Infrastructure.Tenancy;

namespace WorkTrackr.Web.Features.Crm;

/// <summary>
/// Each person's CRM calendar as an iCalendar feed that Outlook or Google Calendar subscribe to. The address carries a
/// secret; only its hash is stored. Regenerating gives a new address and kills the old one; revoking kills it.
/// </summary>
public sealed class CalendarFeeds(RecordOperations operations, CurrentUser currentUser, TimeProvider clock)
{
    public const string PathPrefix = "/feeds/crm/";
    /// <summary>What a feed shows: the recent past and the year ahead.</summary>
    public static readonly TimeSpan Past = TimeSpan.FromDays(60), Ahead = TimeSpan.FromDays(365);

    public static string PathFor(string token) => $"{PathPrefix}{token}.ics";

    public Task<Result<bool>> HasFeedAsync(CancellationToken cancellationToken = default) =>
        currentUser.UserId is not { } me ? Task.FromResult(Result<bool>.From(Result.Forbidden()))
        : operations.ReadAsync(Capabilities.ViewContacts, (db, cancellationToken) =>
            db.Users.AnyAsync(u => u.Id == me && u.CalendarFeedTokenHash != null, cancellationToken), cancellationToken);

    /// <summary>A new secret for the caller's feed (shown once); any earlier address stops working.</summary>
    public Task<Result<string>> RegenerateAsync(CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } me) return Task.FromResult(Result<string>.From(Result.Forbidden()));
        var token = SecretTokens.New();
        return operations.WriteAsync(Capabilities.ViewContacts, async (db, cancellationToken) =>
        {
            var updated = await db.Users.Where(u => u.Id == me).ExecuteUpdateAsync(s => s.SetProperty(u => u.CalendarFeedTokenHash, SecretTokens.Hash(token)), cancellationToken);
            return updated == 1 ? Result<string>.Ok(token) : Result<string>.From(Result.NotFound("Your account"));
        }, cancellationToken: cancellationToken);
    }

    public async Task<Result> RevokeAsync(CancellationToken cancellationToken = default) =>
        currentUser.UserId is not { } me ? Result.Forbidden()
        : await operations.WriteAsync(Capabilities.ViewContacts, async (db, cancellationToken) =>
        {
            await db.Users.Where(u => u.Id == me).ExecuteUpdateAsync(s => s.SetProperty(u => u.CalendarFeedTokenHash, (string?)null), cancellationToken);
            return Result<bool>.Ok(true);
        }, cancellationToken: cancellationToken);

    /// <summary>
    /// The feed behind <paramref name="token"/>, or null when no active member of an organisation holds it. Called
    /// without a signed-in user, so it scopes the events to the token holder's organisation itself.
    /// </summary>
    public async Task<string?> RenderAsync(string token, CancellationToken cancellationToken = default) =>
        !SecretTokens.IsPlausible(token) ? null
        : await operations.WithoutCapabilityAsync((db, cancellationToken) => RenderAsync(db, token, cancellationToken), cancellationToken);

    private async Task<string?> RenderAsync(WorkTrackrDbContext db, string token, CancellationToken cancellationToken)
    {
        var hash = SecretTokens.Hash(token);
        // The holder must still be allowed to see it: active, in an active organisation, in a role that views contacts.
        var roles = Capabilities.RolesByCapability[Capabilities.ViewContacts];
        var holder = await db.Users.AsNoTracking()
            .Where(u => u.CalendarFeedTokenHash == hash && u.IsActive && u.Organisation != null && u.Organisation.Status == OrganisationStatus.Active)
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))))
            .Select(u => new { u.Id, u.DisplayName, u.OrganisationId })
            .SingleOrDefaultAsync(cancellationToken);
        if (holder is null) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var (from, to) = (now - Past, now + Ahead);
        var events = await db.CrmEvents.IgnoreQueryFilters([WorkTrackrDbContext.TenantFilter]).AsNoTracking()
            .Where(e => e.OrganisationId == holder.OrganisationId && e.AssignedUserId == holder.Id && e.StartsAt < to && e.EndsAt > from)
            .OrderBy(e => e.StartsAt)
            .Select(e => new { e.Id, e.UpdatedAt, e.StartsAt, e.EndsAt, e.Title, e.Type, e.Status, e.Notes, Contact = e.Contact!.Name, Address = e.Contact.ServiceAddress })
            .ToListAsync(cancellationToken);
        return ICalendarWriter.Write($"WorkTrackr: {holder.DisplayName}", events.Select(e => new CalendarFeedEvent(
            $"{e.Id}@worktrackr", e.UpdatedAt, e.StartsAt, e.EndsAt, $"{e.Title} ({e.Contact})",
            string.IsNullOrEmpty(e.Notes) ? $"{e.Type} with {e.Contact}" : $"{e.Type} with {e.Contact}\n{e.Notes}",
            e.Address, e.Status == CrmEventStatus.Cancelled ? "CANCELLED" : "CONFIRMED", e.Type.ToString())));
    }
}
