using Microsoft.AspNetCore.Components.Server.Circuits;
using WorkTrackr.Data.Common;

namespace WorkTrackr.Web.Infrastructure.Tenancy;

public static class TenancyServiceCollectionExtensions
{
    /// <summary>
    /// The signed-in person of each scope (<see cref="CurrentUser"/>), which is also the tenant every data context sees:
    /// set per request by <see cref="CurrentUserMiddleware"/> and per circuit by <see cref="CurrentUserCircuitHandler"/>.
    /// </summary>
    public static IServiceCollection AddWorkTrackrTenancy(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<CircuitHandler, CurrentUserCircuitHandler>();
        // The feature services' one way to read and write the organisation's records, as the current user.
        services.AddScoped<Operations.RecordOperations>();
        return services;
    }
}
