using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Identity;
using WorkTrackr.Data.Tickets;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Email;
using WorkTrackr.Web.Infrastructure.Identity;
using WorkTrackr.Web.Infrastructure.Jobs;
using WorkTrackr.Web.Infrastructure.Operations;
using WorkTrackr.Web.Infrastructure.Rendering;
using WorkTrackr.Web.Infrastructure.Tenancy;

namespace WorkTrackr.Web.Features.Team;

/// <summary>
/// The Admin's team page: members and their roles, invitations, deactivation, seats, and the team's sign-in history.
/// Users sit outside the tenant filter, so every query of the team starts from <see cref="MembersOf"/>; the one look
/// beyond it is an invitation's check that no one signs in with the address yet (addresses are unique across
/// WorkTrackr, so an Admin learns that much). Changes to people go through the context like any record, so the audit
/// log records them (a role as the person's <c>Role</c> field).
/// </summary>
public sealed class TeamAdministration(RecordOperations operations, CurrentUser currentUser, TimeProvider clock, PublicAddress publicAddress,
    ComponentHtml html, IJobTrigger jobs, Microsoft.Extensions.Options.IOptions<IdentityOptions> identity)
{
    public const string AcceptPath = "Account/AcceptInvitation";

    public Task<Result<List<MemberRow>>> MembersAsync(CancellationToken cancellationToken = default) =>
        operations.ReadAsync(Capabilities.ManageOrganisation, (db, cancellationToken) =>
            (from user in MembersOf(db)
             let role = db.UserRoles.Where(ur => ur.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault()
             orderby user.IsActive descending, user.DisplayName
             select new MemberRow(user.Id, user.DisplayName, user.Email ?? "", role ?? "", user.IsActive,
                 db.SignInEvents.Where(e => e.UserId == user.Id && e.Kind == SignInEventKind.SignedIn).Max(e => (DateTime?)e.At),
                 user.WeeklyCapacityHours,
                 db.Tickets.Count(t => t.AssignedUserId == user.Id && t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed),
                 db.Contacts.Count(c => c.OwnerUserId == user.Id && c.IsActive)))
            .ToListAsync(cancellationToken), cancellationToken);

    /// <summary>Invitations not accepted, newest first; revoked ones only from the last week, so the list does not grow forever.</summary>
    public Task<Result<List<InvitationRow>>> InvitationsAsync(CancellationToken cancellationToken = default) =>
        operations.ReadAsync(Capabilities.ManageOrganisation, async (db, cancellationToken) =>
        {
            var now = Now;
            var recent = now - TeamInvitation.ValidFor;
            var rows = await db.TeamInvitations.AsNoTracking()
                .Where(i => i.AcceptedAt == null && (i.RevokedAt == null || i.RevokedAt > recent))
                .OrderByDescending(i => i.SentAt)
                .Select(i => new { i.Id, i.Email, i.Role, i.SentAt, i.ExpiresAt, i.RevokedAt, InvitedBy = MembersOf(db).Where(u => u.Id == i.InvitedById).Select(u => u.DisplayName).FirstOrDefault() })
                .ToListAsync(cancellationToken);
            return rows.Select(i => new InvitationRow(i.Id, i.Email, i.Role,
                i.RevokedAt is not null ? InvitationStatus.Revoked : i.ExpiresAt <= now ? InvitationStatus.Expired : InvitationStatus.Pending,
                i.SentAt, i.ExpiresAt, i.InvitedBy)).ToList();
        }, cancellationToken);

    public Task<Result<SeatSummary>> SeatsAsync(CancellationToken cancellationToken = default) =>
        operations.TryReadAsync(Capabilities.ManageOrganisation, async (db, cancellationToken) =>
        {
            var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == currentUser.OrganisationId, cancellationToken);
            if (organisation is null) return Result<SeatSummary>.From(Result.NotFound("Your organisation"));
            var seats = await MembersOf(db).CountAsync(u => u.IsActive, cancellationToken);
            var price = await db.PlanPrices.AsNoTracking().SingleOrDefaultAsync(p => p.Plan == organisation.Plan, cancellationToken);
            return Result<SeatSummary>.Ok(new SeatSummary(organisation.Plan, seats, price?.BasePrice ?? 0, price?.PricePerSeat ?? 0, price?.MonthlyValue(seats) ?? 0));
        }, cancellationToken);

    /// <summary>The team's sign-ins, failures, lockouts and sign-outs, newest first.</summary>
    public Task<Result<List<TeamSignIn>>> SignInHistoryAsync(CancellationToken cancellationToken = default) =>
        operations.ReadAsync(Capabilities.ManageOrganisation, (db, cancellationToken) =>
            db.SignInEvents.AsNoTracking().Where(e => e.OrganisationId != null && e.OrganisationId == currentUser.OrganisationId)
                .OrderByDescending(e => e.At).Take(AccountSecurity.HistoryLength)
                .Select(e => new TeamSignIn(e.At, MembersOf(db).Where(u => u.Id == e.UserId).Select(u => u.DisplayName).FirstOrDefault() ?? e.Email ?? "", e.Kind, e.IpAddress, e.UserAgent))
                .ToListAsync(cancellationToken), cancellationToken);

    /// <summary>
    /// Invites a person by email in a role: an invitation valid for <see cref="TeamInvitation.ValidFor"/>, and its email
    /// queued in the same transaction. Someone who already signs in, or already has an invitation waiting, is refused.
    /// </summary>
    public async Task<Result> InviteAsync(InviteInput input, CancellationToken cancellationToken = default)
    {
        Result result = await operations.WriteAsync(Capabilities.ManageOrganisation, async (db, cancellationToken) =>
        {
            var email = input.Email?.Trim() ?? "";
            var now = Now;
            var errors = await Steps.Check(
                (email.Length is 0 || email.Length > DataLimits.EmailLength || !new EmailAddressAttribute().IsValid(email), nameof(InviteInput.Email), "Enter an email address like name@example.com."),
                (email.Any(c => !identity.Value.User.AllowedUserNameCharacters.Contains(c)), nameof(InviteInput.Email),
                    "Use an address of letters, digits and . - _ @ + only: WorkTrackr signs people in with it."),
                (!Roles.Organisation.Contains(input.Role), nameof(InviteInput.Role), "Choose a role."));
            if (errors.Count > 0) return Result<bool>.From(Result.Invalid(errors));
            var normalized = email.ToUpperInvariant();
            if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, cancellationToken))
                return Result<bool>.From(Result.Invalid(nameof(InviteInput.Email), "Someone already signs in to WorkTrackr with this address."));
            // The invitations waiting are few; addresses compare without case, as Identity's do.
            var waiting = await db.TeamInvitations.Where(i => i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now).Select(i => i.Email).ToListAsync(cancellationToken);
            if (waiting.Contains(email, StringComparer.OrdinalIgnoreCase)) return Result<bool>.From(Result.Invalid(nameof(InviteInput.Email), "An invitation to this address is waiting. Resend it from the list below."));

            var invitation = new TeamInvitation { Email = email, Role = input.Role, InvitedById = currentUser.UserId };
            db.TeamInvitations.Add(invitation);
            await SendAsync(db, invitation, now);
            return Result<bool>.Ok(true);
        }, inTransaction: true, cancellationToken);
        if (result.Succeeded) await WakeEmailAsync(cancellationToken);
        return result;
    }

    /// <summary>A new link, valid for another week, in a new email; the old email's link stops working.</summary>
    public async Task<Result> ResendAsync(Guid invitationId, CancellationToken cancellationToken = default) =>
        await operations.ChangeAsync(new Change<TeamInvitation>(Capabilities.ManageOrganisation, invitationId)
        {
            What = "The invitation",
            Validate = op => Steps.Check(
                (op.Row.AcceptedAt is not null, "", "This invitation has been accepted."),
                (op.Row.RevokedAt is not null, "", "This invitation was revoked. Invite the person again.")),
            Apply = op => SendAsync(op.Db, op.Row, Now),
            InTransaction = true,
            AfterCommit = WakeEmailAsync,
        }, cancellationToken);

    /// <summary>The link stops working at once, and says it was revoked.</summary>
    public Task<Result> RevokeAsync(Guid invitationId, CancellationToken cancellationToken = default) =>
        operations.ChangeAsync(new Change<TeamInvitation>(Capabilities.ManageOrganisation, invitationId)
        {
            What = "The invitation",
            Validate = op => Steps.Check((op.Row.AcceptedAt is not null, "", "This invitation has been accepted: deactivate the person instead.")),
            Apply = Steps.Do<TeamInvitation>(op => op.Row.RevokedAt ??= Now),
        }, cancellationToken);

    /// <summary>
    /// Gives a person another role. Their sessions end, so the new role applies at once: they sign in again. The last
    /// active Admin keeps the role, and nobody changes their own.
    /// </summary>
    public Task<Result> ChangeRoleAsync(Guid userId, string role, CancellationToken cancellationToken = default) =>
        ChangePersonAsync(userId, async (db, user, roles, cancellationToken) =>
        {
            if (!Roles.Organisation.Contains(role)) return Result.Invalid("Role", "Choose a role.");
            if (user.Id == currentUser.UserId) return Result.Invalid("Role", "You cannot change your own role. Ask another Admin.");
            var current = await db.UserRoles.Where(ur => ur.UserId == user.Id).ToListAsync(cancellationToken);
            if (current.Count == 1 && roles.TryGetValue(current[0].RoleId, out var held) && held == role) return Result.Ok();
            if (role != Roles.Admin && await IsLastActiveAdminAsync(db, user, roles, cancellationToken))
                return Result.Invalid("Role", "This is the last active Admin. Make someone else an Admin first.");
            db.UserRoles.RemoveRange(current);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roles.Single(r => r.Value == role).Key });
            return Result.Ok();
        }, endSessions: true, cancellationToken);

    /// <summary>
    /// A deactivated person cannot sign in, and their open sessions end within a minute. Their tickets and contacts
    /// stay assigned to them, and the team page flags them for reassignment. The last active Admin cannot be deactivated.
    /// </summary>
    public Task<Result> DeactivateAsync(Guid userId, CancellationToken cancellationToken = default) =>
        ChangePersonAsync(userId, async (db, user, roles, cancellationToken) =>
        {
            if (!user.IsActive) return Result.Ok();
            if (user.Id == currentUser.UserId) return Result.Invalid("", "You cannot deactivate yourself. Ask another Admin.");
            if (await IsLastActiveAdminAsync(db, user, roles, cancellationToken))
                return Result.Invalid("", "This is the last active Admin. Make someone else an Admin first.");
            user.IsActive = false;
            return Result.Ok();
        }, endSessions: true, cancellationToken);

    public Task<Result> ReactivateAsync(Guid userId, CancellationToken cancellationToken = default) =>
        ChangePersonAsync(userId, (_, user, _, _) =>
        {
            user.IsActive = true;
            return Task.FromResult(Result.Ok());
        }, endSessions: false, cancellationToken);

    /// <summary>
    /// One change to one member, in one transaction. The organisation's row is written first (a no-op update), which
    /// holds its lock until commit: two Admins demoting each other at once are served one after the other, so the
    /// last-Admin rule cannot be raced past.
    /// </summary>
    private async Task<Result> ChangePersonAsync(Guid userId,
        Func<WorkTrackrDbContext, ApplicationUser, IReadOnlyDictionary<Guid, string>, CancellationToken, Task<Result>> change, bool endSessions,
        CancellationToken cancellationToken) =>
        currentUser.OrganisationId is not { } organisationId ? Result.Forbidden()
        : await operations.WriteAsync(Capabilities.ManageOrganisation, async (db, cancellationToken) =>
        {
            await db.Organisations.Where(o => o.Id == organisationId).ExecuteUpdateAsync(s => s.SetProperty(o => o.Name, o => o.Name), cancellationToken);
            var user = await MembersOf(db).SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
            if (user is null) return Result<bool>.From(Result.NotFound("The person"));
            // Tracked, so the audit log names the roles without asking the database again.
            var roles = await db.Roles.Where(r => Roles.Organisation.Contains(r.Name!)).ToDictionaryAsync(r => r.Id, r => r.Name!, cancellationToken);
            var result = await change(db, user, roles, cancellationToken);
            if (!result.Succeeded) return Result<bool>.From(result);
            if (!db.ChangeTracker.HasChanges()) return Result<bool>.Ok(true);
            // What Identity's own store does on every update: a concurrent profile save fails rather than undoing this.
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
            if (endSessions)
            {
                // The cookie and the circuit revalidate against the stamp and the sessions within a minute.
                user.SecurityStamp = Guid.NewGuid().ToString();
                await AccountSecurity.EndAllAsync(db, user.Id, Now, cancellationToken);
            }
            // Pickers, workloads and dashboards list active people; they hear of it like any other change.
            await ChangeStampInterceptor.RaiseAsync(db, organisationId, cancellationToken);
            return Result<bool>.Ok(true);
        }, inTransaction: true, cancellationToken);

    private static async Task<bool> IsLastActiveAdminAsync(WorkTrackrDbContext db, ApplicationUser user, IReadOnlyDictionary<Guid, string> roles,
        CancellationToken cancellationToken)
    {
        var adminRole = roles.Single(r => r.Value == Roles.Admin).Key;
        var isAdmin = await db.UserRoles.AnyAsync(ur => ur.UserId == user.Id && ur.RoleId == adminRole, cancellationToken);
        if (!isAdmin || !user.IsActive) return false;
        return !await db.Users.AnyAsync(u => u.OrganisationId == user.OrganisationId && u.Id != user.Id && u.IsActive
            && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == adminRole), cancellationToken);
    }

    /// <summary>A fresh secret and expiry for the invitation, and its email queued on the same context.</summary>
    private async Task SendAsync(WorkTrackrDbContext db, TeamInvitation invitation, DateTime now)
    {
        var token = SecretTokens.New();
        invitation.TokenHash = SecretTokens.Hash(token);
        invitation.SentAt = now;
        invitation.ExpiresAt = now + TeamInvitation.ValidFor;
        var organisation = currentUser.OrganisationName ?? "your team";
        var link = new Uri(publicAddress.BaseUri, AcceptPath).AbsoluteUri + QueryString.Create("token", token);
        var body = await html.RenderAsync<TeamInvitationEmail>(new Dictionary<string, object?>
        {
            [nameof(TeamInvitationEmail.InvitedBy)] = currentUser.DisplayName,
            [nameof(TeamInvitationEmail.Organisation)] = organisation,
            [nameof(TeamInvitationEmail.Role)] = invitation.Role,
            [nameof(TeamInvitationEmail.Link)] = link,
            [nameof(TeamInvitationEmail.ExpiresOn)] = DateFormats.Local(invitation.ExpiresAt, currentUser.TimeZoneId, DateFormats.DateTime),
        });
        EmailOutbox.Queue(db, currentUser.OrganisationId, invitation.Email, $"{currentUser.DisplayName} invites you to {organisation} on WorkTrackr", body, now);
    }

    private Task WakeEmailAsync(CancellationToken cancellationToken) => jobs.RunNowAsync(EmailJob.Job);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IQueryable<ApplicationUser> MembersOf(WorkTrackrDbContext db) => TeamDirectory.MembersOf(db, currentUser.OrganisationId);
}
