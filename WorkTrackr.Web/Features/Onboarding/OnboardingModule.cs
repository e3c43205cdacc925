namespace WorkTrackr.Web.Features.Onboarding;

/// <summary>Registering a new organisation and its first admin.</summary>
public static class OnboardingModule
{
    public static IServiceCollection AddOnboarding(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<OrganisationRegistration>();
        return services;
    }
}
