using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Identity;
using WorkTrackr.Web.Infrastructure.Tenancy;

namespace WorkTrackr.Web.Features.Team;

public sealed record TeamMember(Guid Id, string DisplayName, string Role);

/// <summary>
/// The people of the current organisation. Users sit outside the tenant filter (sign-in must find them), so this is
/// the one place that scopes them by organisation; every query here starts from <see cref="MembersOf"/>.
/// </summary>
public sealed class TeamDirectory(IDbContextFactory<WorkTrackrDbContext> dbFactory, CurrentUser currentUser)
{
    /// <summary>Technicians and dispatchers: the people a ticket can be assigned to.</summary>
    public static readonly string[] AssignableRoles = [Roles.Technician, Roles.Dispatcher];

    public async Task<IReadOnlyList<TeamMember>> AssignableAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await MembersInRoles(db, AssignableRoles, MembersOf(db)).ToListAsync(cancellationToken);
    }

    public async Task<TeamMember?> FindAssignableAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await MembersInRoles(db, AssignableRoles, MembersOf(db).Where(u => u.Id == userId)).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Admins, managers and dispatchers: the people who can look after a customer (and hear of its renewals).</summary>
    public static readonly string[] OwnerRoles = [Roles.Admin, Roles.Manager, Roles.Dispatcher];

    public async Task<IReadOnlyList<TeamMember>> PossibleOwnersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await MembersInRoles(db, OwnerRoles, MembersOf(db)).ToListAsync(cancellationToken);
    }

    /// <summary>Display names of the organisation's people by id, for timelines and lists.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await MembersOf(db).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
    }

    private IQueryable<ApplicationUser> MembersOf(WorkTrackrDbContext db)
    {
        var organisationId = currentUser.OrganisationId;
        return db.Users.Where(u => organisationId != null && u.OrganisationId == organisationId);
    }

    private static IQueryable<TeamMember> MembersInRoles(WorkTrackrDbContext db, string[] roles, IQueryable<ApplicationUser> members) =>
        from user in members.Where(u => u.IsActive)
        join userRole in db.UserRoles on user.Id equals userRole.UserId
        join role in db.Roles on userRole.RoleId equals role.Id
        where roles.Contains(role.Name!)
        orderby user.DisplayName
        select new TeamMember(user.Id, user.DisplayName, role.Name!);
}
