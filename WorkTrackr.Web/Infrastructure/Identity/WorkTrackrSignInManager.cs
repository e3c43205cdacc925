using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkTrackr.Data;
using WorkTrackr.Data.Identity;
using WorkTrackr.Data.Organisations;

namespace WorkTrackr.Web.Infrastructure.Identity;

/// <summary>Refuses sign-in to deactivated users and to members of a suspended organisation.</summary>
public sealed class WorkTrackrSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    IDbContextFactory<WorkTrackrDbContext> dbFactory)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(ApplicationUser user) =>
        await base.CanSignInAsync(user) && user.IsActive && !await IsOrganisationSuspendedAsync(user);

    /// <summary>
    /// Runs when a sign-in cookie is revalidated: a user who may no longer sign in (deactivated, organisation
    /// suspended) loses the session too, not only the next sign-in.
    /// </summary>
    public override async Task<ApplicationUser?> ValidateSecurityStampAsync(System.Security.Claims.ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is not null && await CanSignInAsync(user) ? user : null;
    }

    public async Task<bool> IsOrganisationSuspendedAsync(ApplicationUser user)
    {
        if (user.OrganisationId is not { } organisationId) return false;
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Organisations.AnyAsync(o => o.Id == organisationId && o.Status == OrganisationStatus.Suspended);
    }
}
