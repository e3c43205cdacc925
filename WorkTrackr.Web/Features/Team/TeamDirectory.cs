using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Identity;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Operations;
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
/// the one place that scopes them by organisation; every query here starts from <see cref="MembersOf(WorkTrackrDbContext, Guid?)"/>.
/// </summary>
public sealed class TeamDirectory(RecordOperations operations, CurrentUser currentUser)
{
    /// <summary>Technicians and dispatchers: the people a ticket can be assigned to.</summary>
    public static readonly string[] AssignableRoles = [Roles.Technician, Roles.Dispatcher];

    // The pickers and names are every member's to read: no capability guards them, MembersOf confines them.

    public Task<IReadOnlyList<TeamMember>> AssignableAsync(CancellationToken cancellationToken = default) =>
        operations.WithoutCapabilityAsync<IReadOnlyList<TeamMember>>(async (db, cancellationToken) =>
            await MembersInRoles(db, AssignableRoles, MembersOf(db)).ToListAsync(cancellationToken), cancellationToken);

    public Task<TeamMember?> FindAssignableAsync(Guid userId, CancellationToken cancellationToken = default) =>
        operations.WithoutCapabilityAsync((db, cancellationToken) =>
            MembersInRoles(db, AssignableRoles, MembersOf(db).Where(u => u.Id == userId)).FirstOrDefaultAsync(cancellationToken), cancellationToken);

    /// <summary>Admins, managers and dispatchers: the people who can look after a customer (and hear of its renewals).</summary>
    public static readonly string[] OwnerRoles = [Roles.Admin, Roles.Manager, Roles.Dispatcher];

    public Task<IReadOnlyList<TeamMember>> PossibleOwnersAsync(CancellationToken cancellationToken = default) =>
        operations.WithoutCapabilityAsync<IReadOnlyList<TeamMember>>(async (db, cancellationToken) =>
            await MembersInRoles(db, OwnerRoles, MembersOf(db)).ToListAsync(cancellationToken), cancellationToken);

    /// <summary>Whether the person is one of <see cref="PossibleOwnersAsync"/>: an active member in an owner role.</summary>
    public Task<bool> IsPossibleOwnerAsync(Guid userId, CancellationToken cancellationToken = default) =>
        operations.WithoutCapabilityAsync((db, cancellationToken) =>
            MembersInRoles(db, OwnerRoles, MembersOf(db).Where(u => u.Id == userId)).AnyAsync(cancellationToken), cancellationToken);

    /// <summary>Display names of the organisation's people by id, for timelines and lists.</summary>
    public Task<IReadOnlyDictionary<Guid, string>> NamesAsync(CancellationToken cancellationToken = default) =>
        operations.WithoutCapabilityAsync<IReadOnlyDictionary<Guid, string>>(async (db, cancellationToken) =>
            await MembersOf(db).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken), cancellationToken);

    /// <summary>The hours in a week: more is a typing slip.</summary>
    public const int MaxWeeklyHours = 7 * 24;

    /// <summary>How many hours a week each person tickets go to can be scheduled; the dashboard's workload measures against it.</summary>
    public Task<Result<List<CapacityInput>>> CapacitiesAsync(CancellationToken cancellationToken = default) =>
        operations.ReadAsync(Capabilities.ManageOrganisation, (db, cancellationToken) => InRoles(db, AssignableRoles, MembersOf(db))
            .Select(m => new CapacityInput { UserId = m.User.Id, DisplayName = m.User.DisplayName, Role = m.Role, WeeklyHours = m.User.WeeklyCapacityHours })
            .ToListAsync(cancellationToken), cancellationToken);

    /// <summary>
    /// Saves everyone's weekly hours in one transaction, or nothing: errors are keyed by the row, <c>[2].WeeklyHours</c>. Open dashboards hear
    /// of it like any other change to what they show.
    /// </summary>
    public async Task<Result> SaveCapacitiesAsync(IReadOnlyList<CapacityInput> capacities, CancellationToken cancellationToken = default) =>
        currentUser.OrganisationId is not { } organisationId ? Result.Forbidden()
        : await operations.WriteAsync(Capabilities.ManageOrganisation, async (db, cancellationToken) =>
        {
            var errors = capacities.Select((c, row) => (c, row)).Where(r => r.c.WeeklyHours is < 0 or > MaxWeeklyHours)
                .ToDictionary(r => $"[{r.row}].{nameof(CapacityInput.WeeklyHours)}", _ => new[] { $"Enter 0 to {MaxWeeklyHours} hours." });
            if (errors.Count > 0) return Result<bool>.From(Result.Invalid(errors));

            var ids = capacities.Select(c => c.UserId).Distinct().ToList();
            var people = await MembersOf(db).Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
            if (people.Count != ids.Count) return Result<bool>.From(Result.NotFound("A member of the team"));
            foreach (var capacity in capacities) people[capacity.UserId].WeeklyCapacityHours = capacity.WeeklyHours;
            // Users are not watched by the change stamps; the raise commits with the hours, in the same transaction.
            await ChangeStampInterceptor.RaiseAsync(db, organisationId, cancellationToken);
            return Result<bool>.Ok(true);
        }, inTransaction: true, cancellationToken);

    private IQueryable<ApplicationUser> MembersOf(WorkTrackrDbContext db) => MembersOf(db, currentUser.OrganisationId);

    /// <summary>The people of one organisation (none without one): where every query of a team starts.</summary>
    internal static IQueryable<ApplicationUser> MembersOf(WorkTrackrDbContext db, Guid? organisationId) =>
        db.Users.Where(u => organisationId != null && u.OrganisationId == organisationId);

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
