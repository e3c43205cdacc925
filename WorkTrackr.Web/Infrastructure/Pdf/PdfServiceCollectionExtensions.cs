namespace WorkTrackr.Web.Infrastructure.Pdf;

public static class PdfServiceCollectionExtensions
{
    /// <summary>Documents printed to PDF by a shared headless Chromium (<c>Pdf</c> settings).</summary>
    public static IServiceCollection AddWorkTrackrPdf(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PdfOptions>(configuration.GetSection(PdfOptions.Section));
        services.AddSingleton<PdfRenderer>();
        services.AddScoped<DocumentPrinter>();
        return services;
    }
}
