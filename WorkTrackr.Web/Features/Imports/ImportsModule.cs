namespace WorkTrackr.Web.Features.Imports;

/// <summary>CSV imports of contacts and products. Each list's CSV export is its own feature's endpoint.</summary>
public static class ImportsModule
{
    public static IServiceCollection AddImports(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<CsvImports>();
        return services;
    }
}
