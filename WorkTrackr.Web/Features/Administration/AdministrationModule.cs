namespace WorkTrackr.Web.Features.Administration;

/// <summary>The organisation admin's pages: the jobs overview and billing settings. The Hangfire dashboard is the jobs engine's (Infrastructure/Jobs).</summary>
public static class AdministrationModule
{
    public static IServiceCollection AddAdministration(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<JobsService>();
        services.AddScoped<BillingSettings>();
        return services;
    }
}
