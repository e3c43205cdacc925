using WorkTrackr.Web.Features.Resellers;

namespace WorkTrackr.Web.Features.Platform;

/// <summary>
/// The Platform admin's pages: organisations, plans, resellers and invitations. Platform manages resellers, so it
/// depends on the Resellers feature and never the other way round: what the reseller pages ask of the Platform admin
/// (paying a month) goes through <see cref="ICommissionPayouts"/>, which this module answers.
/// </summary>
public static class PlatformModule
{
    public static IServiceCollection AddPlatform(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<PlatformOrganisations>();
        services.AddScoped<PlatformResellers>();
        services.AddScoped<ResellerInvitations>();
        services.AddScoped<PlatformAuditLog>();
        services.AddScoped<ICommissionPayouts, PlatformCommissionPayouts>();
        return services;
    }
}
