using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using WorkTrackr.Data.Identity;

namespace WorkTrackr.Web.Infrastructure.Identity;

/// <summary>
/// Every few minutes of a connected circuit, checks that the user still exists, still may sign in (active, organisation
/// not suspended), that its session has not been ended and that the security stamp is unchanged; otherwise the
/// circuit's user is signed out.
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory,
        IServiceScopeFactory scopeFactory,
        IOptions<IdentityOptions> options,
        IOptions<RevalidationOptions> revalidation)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    // A deactivated person's, or a suspended organisation's, open circuits are signed out within a minute.
    protected override TimeSpan RevalidationInterval => revalidation.Value.Circuit;

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var signInManager = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        var principal = authenticationState.User;
        var user = await userManager.GetUserAsync(principal);
        if (user is null || !await signInManager.CanSignInAsync(user)) return false;
        var security = scope.ServiceProvider.GetRequiredService<AccountSecurity>();
        if (!await security.IsOpenAsync(user.Id, AccountSecurity.SessionOf(principal), touch: false)) return false;
        if (!userManager.SupportsUserSecurityStamp) return true;
        var principalStamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return principalStamp == await userManager.GetSecurityStampAsync(user);
    }
}
