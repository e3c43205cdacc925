using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkTrackr.Data;
using WorkTrackr.Data.Identity;

namespace WorkTrackr.Web.Infrastructure.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>
    /// Identity on static server-rendered pages (<c>/Account</c>), signed in by cookie; the circuit revalidates the user
    /// every few minutes. Lockout follows <c>Identity:MaxFailedAccessAttempts</c> and <c>Identity:LockoutMinutes</c>.
    /// </summary>
    public static IServiceCollection AddWorkTrackrIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        // Identity's stores need a scoped context; it only touches users and roles, which are not organisation-owned.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<WorkTrackrDbContext>>().CreateDbContext());

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.Configure<RevalidationOptions>(configuration.GetSection("Identity:Revalidation"));
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.ExpireTimeSpan = AccountSecurity.SessionLifetime;
            options.SlidingExpiration = true;
        });
        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Identity:MaxFailedAccessAttempts", 5);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Identity:LockoutMinutes", 15));
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<WorkTrackrDbContext>()
            .AddSignInManager<WorkTrackrSignInManager>()
            .AddClaimsPrincipalFactory<WorkTrackrClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();
        services.AddScoped<AccountSecurity>();
        // Cookies are rechecked this often against the user's security stamp, WorkTrackrSignInManager.CanSignInAsync and
        // their session: a deactivated person, or an ended session, is signed out within a minute.
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<RevalidationOptions>>((options, revalidation) =>
        {
            options.ValidationInterval = revalidation.Value.Cookie;
            // The refreshed cookie is the same session: the claims factory does not know it, so carry it over.
            options.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal?.FindFirst(WorkTrackrClaims.SessionId) is { } session && context.NewPrincipal?.Identity is ClaimsIdentity identity)
                    identity.AddClaim(new Claim(session.Type, session.Value));
                return Task.CompletedTask;
            };
        });
        return services;
    }
}

/// <summary>
/// How often a signed-in person is checked again (still active, session not ended, stamp unchanged), from
/// <c>Identity:Revalidation</c>: a live circuit every <see cref="Circuit"/>, a cookie at most every <c>Cookie</c>
/// (SecurityStampValidatorOptions). Together they end a deactivated person's session within a minute.
/// </summary>
public sealed class RevalidationOptions
{
    public TimeSpan Circuit { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan Cookie { get; set; } = TimeSpan.FromMinutes(1);
}
