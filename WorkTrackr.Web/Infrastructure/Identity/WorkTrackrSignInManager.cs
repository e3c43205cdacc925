using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkTrackr.Data;
using WorkTrackr.Data.Identity;
using WorkTrackr.Data.Organisations;

namespace WorkTrackr.Web.Infrastructure.Identity;

/// <summary>
/// Refuses sign-in to deactivated users and to members of an organisation that is suspended or not yet confirmed; starts a session at every sign-in
/// and checks it at every revalidation, and records sign-ins, failures, lockouts and sign-outs (<see cref="AccountSecurity"/>).
/// </summary>
// The accessor is shared with the base class on purpose (see Http).
#pragma warning disable CS9107
public sealed class WorkTrackrSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    IDbContextFactory<WorkTrackrDbContext> dbFactory,
    AccountSecurity security)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
#pragma warning restore CS9107
{
    /// <summary>The session a refresh of the cookie keeps (a changed name, a changed password), rather than starting one.</summary>
    private Guid? refreshing;

    /// <summary>
    /// The request, or none (a test's or a job's sign-in check). The base class's <c>Context</c> throws when there is none;
    /// the accessor is a stateless singleton, so reading it here as well as in the base is safe.
    /// </summary>
    private HttpContext? Http => contextAccessor.HttpContext;

    public override async Task<bool> CanSignInAsync(ApplicationUser user) =>
        await base.CanSignInAsync(user) && user.IsActive && await OrganisationStatusAsync(user) is null or OrganisationStatus.Active;

    /// <summary>
    /// Runs when a sign-in cookie is revalidated: a user who may no longer sign in (deactivated, organisation
    /// suspended) loses the session too, not only the next sign-in.
    /// </summary>
    public override async Task<ApplicationUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is not null && await CanSignInAsync(user) && await security.IsOpenAsync(user.Id, AccountSecurity.SessionOf(principal), touch: true)
            ? user : null;
    }

    /// <summary>Every sign-in is a new session, named in the cookie; a refresh keeps the one it refreshes.</summary>
    public override async Task SignInWithClaimsAsync(ApplicationUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var session = refreshing ?? await security.StartSessionAsync(user, Http);
        await base.SignInWithClaimsAsync(user, authenticationProperties,
            additionalClaims.Where(c => c.Type != WorkTrackrClaims.SessionId).Append(new Claim(WorkTrackrClaims.SessionId, session.ToString())));
    }

    public override async Task RefreshSignInAsync(ApplicationUser user)
    {
        refreshing = AccountSecurity.SessionOf(Context.User);
        try
        {
            await base.RefreshSignInAsync(user);
        }
        finally
        {
            refreshing = null;
        }
    }

    /// <summary>
    /// A password sign-in, with lockout counted per IP address (<see cref="AccountSecurity.IsLockedOutAsync"/>) rather than
    /// by Identity's one counter per account, which anyone who knows the address could run up. Every refusal is recorded:
    /// a failure (known account or not) or a lockout.
    /// </summary>
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            await security.RecordAsync(SignInEventKind.Failed, null, userName, Http);
            return SignInResult.Failed;
        }
        // Someone who may not sign in at all (deactivated, organisation suspended or unconfirmed) is refused before any
        // lockout, as Identity does: the sign-in page explains only to whoever knows the password, and not once locked.
        if (!await CanSignInAsync(user))
        {
            await security.RecordAsync(SignInEventKind.Failed, user, userName, Http);
            return SignInResult.NotAllowed;
        }
        var (attempt, lockedOut) = await security.BeginAttemptAsync(user, Http);
        if (lockoutOnFailure && lockedOut)
        {
            await security.LockedOutAsync(attempt);
            return SignInResult.LockedOut;
        }
        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            await security.SucceededAsync(attempt);
            return result;
        }
        if (result.IsLockedOut) await security.LockedOutAsync(attempt);
        // The attempt that reaches the limit is answered as a lockout, as Identity's own lockout would.
        return !result.IsLockedOut && lockoutOnFailure && await security.IsLockedOutAsync(user, Http) ? SignInResult.LockedOut : result;
    }

    public override async Task SignOutAsync()
    {
        if (Http is { } http) await security.SignedOutAsync(http.User, http);
        await base.SignOutAsync();
    }

    /// <summary>The status of the person's organisation (only an active one's people sign in); null for someone of none.</summary>
    public async Task<OrganisationStatus?> OrganisationStatusAsync(ApplicationUser user)
    {
        if (user.OrganisationId is not { } organisationId) return null;
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Organisations.Where(o => o.Id == organisationId).Select(o => (OrganisationStatus?)o.Status).SingleOrDefaultAsync();
    }
}
