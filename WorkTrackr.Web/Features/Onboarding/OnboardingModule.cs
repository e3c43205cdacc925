namespace WorkTrackr.Web.Features.Onboarding;

/// <summary>Registering a new organisation and its first admin, and the list that walks them through setting it up.</summary>
public static class OnboardingModule
{
    public static IServiceCollection AddOnboarding(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<OrganisationRegistration>();
        services.AddScoped<GettingStarted>();
        return services;
    }
}
