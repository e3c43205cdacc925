using WorkTrackr.Data;

namespace WorkTrackr.Web.Infrastructure.Database;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// The data layer (<see cref="DataServiceCollectionExtensions.AddWorkTrackrData"/>: the provider is chosen in one
    /// place, and contexts see the current user's organisation), with what the web app adds to it: SQLite's planner
    /// statistics, the demo data seeder and its settings (<see cref="DatabaseStartup"/>) and the database health check.
    /// </summary>
    public static IServiceCollection AddWorkTrackrDatabase(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        services.AddWorkTrackrData(configuration, contentRootPath);
        services.AddHostedService<PlannerStatistics>();
        services.AddTransient<DemoDataSeeder>();
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section);
        services.AddHealthChecks().AddDbContextCheck<WorkTrackrDbContext>();
        return services;
    }
}
