using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Crm;
using WorkTrackr.Data.Organisations;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Calendar;
using WorkTrackr.Web.Infrastructure.Tenancy;

namespace WorkTrackr.Web.Features.Crm;

/// <summary>
/// Each person's CRM calendar as an iCalendar feed that Outlook or Google Calendar subscribe to. The address carries a
/// secret; only its hash is stored. Regenerating gives a new address and kills the old one; revoking kills it.
/// </summary>
public sealed class CalendarFeeds(IDbContextFactory<WorkTrackrDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public const string PathPrefix = "/feeds/crm/";
    /// <summary>What a feed shows: the recent past and the year ahead.</summary>
    public static readonly TimeSpan Past = TimeSpan.FromDays(60), Ahead = TimeSpan.FromDays(365);

    public static string PathFor(string token) => $"{PathPrefix}{token}.ics";

    public async Task<Result<bool>> HasFeedAsync(CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ViewContacts) || currentUser.UserId is not { } me) return Result<bool>.From(Result.Forbidden());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return Result<bool>.Ok(await db.Users.AnyAsync(u => u.Id == me && u.CalendarFeedTokenHash != null, cancellationToken));
    }

    /// <summary>A new secret for the caller's feed (shown once); any earlier address stops working.</summary>
    public async Task<Result<string>> RegenerateAsync(CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ViewContacts) || currentUser.UserId is not { } me) return Result<string>.From(Result.Forbidden());
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var updated = await db.Users.Where(u => u.Id == me).ExecuteUpdateAsync(s => s.SetProperty(u => u.CalendarFeedTokenHash, Hash(token)), cancellationToken);
        return updated == 1 ? Result<string>.Ok(token) : Result<string>.From(Result.NotFound("Your account"));
    }

    public async Task<Result> RevokeAsync(CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ViewContacts) || currentUser.UserId is not { } me) return Result.Forbidden();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.Id == me).ExecuteUpdateAsync(s => s.SetProperty(u => u.CalendarFeedTokenHash, (string?)null), cancellationToken);
        return Result.Ok();
    }

    /// <summary>
    /// The feed behind <paramref name="token"/>, or null when no active member of an organisation holds it. Called
    /// without a signed-in user, so it scopes the events to the token holder's organisation itself.
    /// </summary>
    public async Task<string?> RenderAsync(string token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var hash = Hash(token);
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

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
