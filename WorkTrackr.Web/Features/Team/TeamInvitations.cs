using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Identity;
using WorkTrackr.Data.Organisations;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Jobs;

namespace WorkTrackr.Web.Features.Team;

/// <summary>
/// Accepting an invitation, through the link in its email, by someone not signed in. The link's secret is the only
/// key: the invitation is found by its hash across organisations (one of the named cross-organisation reads,
/// docs/ARCHITECTURE.md), and the new member is written on a context fixed to that invitation's organisation.
/// </summary>
public sealed class TeamInvitations(JobDatabase database, UserManager<ApplicationUser> users, TimeProvider clock)
{
    /// <summary>The invitation the link opens, or null when no invitation has this secret (a mistyped or replaced link).</summary>
    public async Task<InvitationView?> FindAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!SecretTokens.IsPlausible(token)) return null;
        await using var platform = database.Platform();
        var found = await FindAsync(platform, token!, cancellationToken);
        if (found is null) return null;
        var organisation = await platform.Organisations.AsNoTracking().Where(o => o.Id == found.OrganisationId).Select(o => new { o.Name, o.Status }).SingleAsync(cancellationToken);
        var status = organisation.Status != OrganisationStatus.Active ? InvitationStatus.Revoked : found.StatusAt(Now);
        return new InvitationView(organisation.Name, found.Email, found.Role, status);
    }

    /// <summary>
    /// Makes the invited person a member in the invitation's role, with the name and password they chose, and marks the
    /// invitation accepted: one transaction. Their address is confirmed, since the link reached it.
    /// </summary>
    public async Task<Result<ApplicationUser>> AcceptAsync(string? token, string displayName, string password, CancellationToken cancellationToken = default)
    {
        if (!SecretTokens.IsPlausible(token)) return Refused(InvitationStatus.Revoked);
        TeamInvitation? found;
        await using (var platform = database.Platform())
        {
            found = await FindAsync(platform, token!, cancellationToken);
            if (found is null) return Refused(InvitationStatus.Revoked);
        }
        var name = displayName?.Trim() ?? "";
        if (name.Length == 0) return Result<ApplicationUser>.From(Result.Invalid(nameof(AcceptInput.DisplayName), "Enter your name."));
        if (name.Length > DataLimits.NameLength) return Result<ApplicationUser>.From(Result.Invalid(nameof(AcceptInput.DisplayName), DataLimits.TooLongMessage(DataLimits.NameLength)));

        var user = new ApplicationUser
        {
            UserName = found.Email,
            Email = found.Email,
            EmailConfirmed = true,
            DisplayName = name,
            OrganisationId = found.OrganisationId,
        };
        user.NormalizedUserName = users.NormalizeName(user.UserName);
        user.NormalizedEmail = users.NormalizeEmail(user.Email);
        user.SecurityStamp = Guid.NewGuid().ToString();
        // What UserManager.CreateAsync would set: lockout after wrong guesses applies to them too.
        user.LockoutEnabled = users.Options.Lockout.AllowedForNewUsers;
        var refused = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var checkedPassword = await validator.ValidateAsync(users, user, password);
            refused.AddRange(checkedPassword.Errors.Select(e => e.Description));
        }
        if (refused.Count > 0) return Result<ApplicationUser>.From(Result.Invalid(new Dictionary<string, string[]> { [nameof(AcceptInput.Password)] = [.. refused] }));
        // Identity's own checks of the account (its user name's characters, a unique address), as CreateAsync would run
        // them: an account they refuse could never be updated (a profile, a password change) afterwards.
        foreach (var validator in users.UserValidators)
        {
            var checkedUser = await validator.ValidateAsync(users, user);
            if (checkedUser.Succeeded) continue;
            return Result<ApplicationUser>.From(Result.Invalid("", checkedUser.Errors.Any(e => e.Code.StartsWith("Duplicate", StringComparison.Ordinal))
                ? AlreadySignsIn
                : "This address cannot have a WorkTrackr sign-in: " + string.Join(" ", checkedUser.Errors.Select(e => e.Description))));
        }
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);

        await using var db = database.For(found.OrganisationId, actingUserId: user.Id);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Read again inside the transaction, by the secret too: a resend in between has replaced it.
        var hash = SecretTokens.Hash(token!);
        var invitation = await db.TeamInvitations.SingleOrDefaultAsync(i => i.Id == found.Id && i.TokenHash == hash, cancellationToken);
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == found.OrganisationId, cancellationToken);
        var status = organisation.Status != OrganisationStatus.Active ? InvitationStatus.Revoked : invitation?.StatusAt(Now) ?? InvitationStatus.Revoked;
        if (status != InvitationStatus.Pending) return Refused(status);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == user.NormalizedEmail || u.NormalizedUserName == user.NormalizedUserName, cancellationToken))
            return Result<ApplicationUser>.From(Result.Invalid("", AlreadySignsIn));
        var role = await db.Roles.SingleAsync(r => r.Name == invitation!.Role, cancellationToken);
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = role.Id });
        invitation!.AcceptedAt = Now;
        invitation.AcceptedUserId = user.Id;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (DbErrors.IsUniqueViolation(exception))
        {
            return Result<ApplicationUser>.From(Result.Invalid("", AlreadySignsIn));
        }
        await transaction.CommitAsync(cancellationToken);
        return Result<ApplicationUser>.Ok(user);
    }

    private const string AlreadySignsIn = "Someone already signs in to WorkTrackr with this address. Sign in, or ask for an invitation to another address.";

    /// <summary>What an expired, revoked or accepted link says.</summary>
    public static string Explain(InvitationStatus status) => status switch
    {
        InvitationStatus.Expired => "This invitation has expired. Ask the person who invited you to send it again.",
        InvitationStatus.Accepted => "This invitation has already been accepted. Sign in with your email address and password.",
        InvitationStatus.Revoked => "This invitation link is no longer valid: it was revoked, or a newer email replaced it. Ask the person who invited you.",
        _ => "",
    };

    private static Result<ApplicationUser> Refused(InvitationStatus status) => Result<ApplicationUser>.From(Result.Invalid("", Explain(status)));

    private Task<TeamInvitation?> FindAsync(WorkTrackrDbContext platform, string token, CancellationToken cancellationToken)
    {
        var hash = SecretTokens.Hash(token);
        return database.AcrossOrganisations<TeamInvitation>(platform).SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}

/// <summary>What the invited person fills in.</summary>
public sealed class AcceptInput
{
    [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Enter your name.")]
    [System.ComponentModel.DataAnnotations.StringLength(DataLimits.NameLength, ErrorMessage = DataLimits.TooLong)]
    public string DisplayName { get; set; } = "";

    [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Choose a password.")]
    public string Password { get; set; } = "";

    [System.ComponentModel.DataAnnotations.Compare(nameof(Password), ErrorMessage = "The passwords do not match.")]
    public string ConfirmPassword { get; set; } = "";

    public string Token { get; set; } = "";
}
