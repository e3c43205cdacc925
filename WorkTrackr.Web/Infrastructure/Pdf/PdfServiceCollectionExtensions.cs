using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkTrackr.Web.Infrastructure.Rendering;

namespace WorkTrackr.Web.Infrastructure.Pdf;

public static class PdfServiceCollectionExtensions
{
    /// <summary>Documents printed to PDF by a shared headless Chromium (<c>Pdf</c> settings).</summary>
    public static IServiceCollection AddWorkTrackrPdf(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PdfOptions>(configuration.GetSection(PdfOptions.Section));
        services.AddSingleton<PdfRenderer>();
        services.TryAddScoped<ComponentHtml>();
        services.AddScoped<DocumentPrinter>();
        return services;
    }
}
