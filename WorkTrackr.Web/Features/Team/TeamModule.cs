namespace WorkTrackr.Web.Features.Team;

/// <summary>The organisation's people: invitations, roles, deactivation, sign-in history, working hours, and who can be assigned work.</summary>
public static class TeamModule
{
    public static IServiceCollection AddTeam(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<TeamDirectory>();
        services.AddScoped<TeamAdministration>();
        services.AddScoped<TeamInvitations>();
        return services;
    }
}
