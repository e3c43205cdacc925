using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Identity;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Tenancy;

namespace WorkTrackr.Web.Features.Team;

public sealed record TeamMember(Guid Id, string DisplayName, string Role);

/// <summary>One person's weekly capacity as the working hours page edits it.</summary>
public sealed class CapacityInput
{
    public Guid UserId { get; init; }
    public string DisplayName { get; init; } = "";
    public string Role { get; init; } = "";
    public int WeeklyHours { get; set; }
}

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

    /// <summary>The hours in a week: more is a typing slip.</summary>
    public const int MaxWeeklyHours = 7 * 24;

    /// <summary>How many hours a week each person tickets go to can be scheduled; the dashboard's workload measures against it.</summary>
    public async Task<Result<List<CapacityInput>>> CapacitiesAsync(CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ManageOrganisation)) return Result<List<CapacityInput>>.From(Result.Forbidden());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return Result<List<CapacityInput>>.Ok(await InRoles(db, AssignableRoles, MembersOf(db))
            .Select(m => new CapacityInput { UserId = m.User.Id, DisplayName = m.User.DisplayName, Role = m.Role, WeeklyHours = m.User.WeeklyCapacityHours })
            .ToListAsync(cancellationToken));
    }

    /// <summary>
    /// Saves everyone's weekly hours in one transaction, or nothing: errors are keyed by the row, <c>[2].WeeklyHours</c>. Open dashboards hear
    /// of it like any other change to what they show.
    /// </summary>
    public async Task<Result> SaveCapacitiesAsync(IReadOnlyList<CapacityInput> capacities, CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ManageOrganisation) || currentUser.OrganisationId is not { } organisationId) return Result.Forbidden();
        var errors = capacities.Select((c, row) => (c, row)).Where(r => r.c.WeeklyHours is < 0 or > MaxWeeklyHours)
            .ToDictionary(r => $"[{r.row}].{nameof(CapacityInput.WeeklyHours)}", _ => new[] { $"Enter 0 to {MaxWeeklyHours} hours." });
        if (errors.Count > 0) return Result.Invalid(errors);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = capacities.Select(c => c.UserId).Distinct().ToList();
        var people = await MembersOf(db).Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        if (people.Count != ids.Count) return Result.NotFound("A member of the team");
        foreach (var capacity in capacities) people[capacity.UserId].WeeklyCapacityHours = capacity.WeeklyHours;
        await db.SaveChangesAsync(cancellationToken);
        await ChangeStampInterceptor.RaiseAsync(db, organisationId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Ok();
    }

    private IQueryable<ApplicationUser> MembersOf(WorkTrackrDbContext db)
    {
        var organisationId = currentUser.OrganisationId;
        return db.Users.Where(u => organisationId != null && u.OrganisationId == organisationId);
    }

    private static IQueryable<TeamMember> MembersInRoles(WorkTrackrDbContext db, string[] roles, IQueryable<ApplicationUser> members) =>
        InRoles(db, roles, members).Select(m => new TeamMember(m.User.Id, m.User.DisplayName, m.Role));

    private static IQueryable<MemberInRole> InRoles(WorkTrackrDbContext db, string[] roles, IQueryable<ApplicationUser> members) =>
        from user in members.Where(u => u.IsActive)
        join userRole in db.UserRoles on user.Id equals userRole.UserId
        join role in db.Roles on userRole.RoleId equals role.Id
        where roles.Contains(role.Name!)
        orderby user.DisplayName
        select new MemberInRole { User = user, Role = role.Name! };

    private sealed class MemberInRole
    {
        public required ApplicationUser User { get; init; }
        public required string Role { get; init; }
    }
}
