using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkTrackr.Data;
using WorkTrackr.Data.Identity;

namespace WorkTrackr.Web.Infrastructure.Identity;

/// <summary>Adds the organisation, reseller, display name and time zone to the sign-in cookie.</summary>
public sealed class WorkTrackrClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole<Guid>> roleManager,
    IOptions<IdentityOptions> options,
    IDbContextFactory<WorkTrackrDbContext> dbFactory)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(WorkTrackrClaims.DisplayName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName));
        var timeZone = user.TimeZoneId;
        if (user.OrganisationId is { } organisationId)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var organisation = await db.Organisations.AsNoTracking()
                .Where(o => o.Id == organisationId)
                .Select(o => new { o.Name, o.TimeZoneId })
                .SingleAsync();
            identity.AddClaim(new Claim(WorkTrackrClaims.OrganisationId, organisationId.ToString()));
            identity.AddClaim(new Claim(WorkTrackrClaims.OrganisationName, organisation.Name));
            timeZone ??= organisation.TimeZoneId;
        }
        if (user.ResellerId is { } resellerId)
        {
            identity.AddClaim(new Claim(WorkTrackrClaims.ResellerId, resellerId.ToString()));
        }
        identity.AddClaim(new Claim(WorkTrackrClaims.TimeZone, timeZone ?? "UTC"));
        return identity;
    }
}
