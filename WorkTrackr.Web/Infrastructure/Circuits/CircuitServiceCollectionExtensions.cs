namespace WorkTrackr.Web.Infrastructure.Circuits;

public static class CircuitServiceCollectionExtensions
{
    /// <summary>
    /// Razor components with interactive server rendering. A circuit whose connection dropped is kept for
    /// <c>Circuits:DisconnectedRetention</c> (3 minutes) for the browser to reconnect to; after that the server keeps
    /// only its persisted state (forms that persist a <see cref="FormDraft{T}"/>), which the reconnect dialog resumes
    /// (Components/Layout/ReconnectModal).
    /// </summary>
    public static IServiceCollection AddWorkTrackrCircuits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorComponents().AddInteractiveServerComponents(options =>
            options.DisconnectedCircuitRetentionPeriod = configuration.GetValue("Circuits:DisconnectedRetention", TimeSpan.FromMinutes(3)));
        return services;
    }
}
