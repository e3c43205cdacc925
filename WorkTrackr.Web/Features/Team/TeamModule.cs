namespace WorkTrackr.Web.Features.Team;

/// <summary>The organisation's people, their working hours, and who can be assigned work.</summary>
public static class TeamModule
{
    public static IServiceCollection AddTeam(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<TeamDirectory>();
        return services;
    }
}
