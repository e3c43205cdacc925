namespace WorkTrackr.Web.Infrastructure.Changes;

public static class ChangeFeedServiceCollectionExtensions
{
    /// <summary>The <see cref="DataChangeFeed"/> that tells open views their organisation's records changed (<c>DataChanges</c> settings).</summary>
    public static IServiceCollection AddWorkTrackrChangeFeed(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DataChangeOptions>(configuration.GetSection(DataChangeOptions.Section));
        services.AddSingleton<DataChangeFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<DataChangeFeed>());
        return services;
    }
}
