using Microsoft.AspNetCore.Mvc;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;

namespace WorkTrackr.Web.Features.Catalog;

/// <summary>The product catalogue and its CSV export.</summary>
public static class CatalogModule
{
    public const string ExportPath = "/products/export.csv";

    public static IServiceCollection AddCatalog(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<ProductService>();
        return services;
    }

    public static IEndpointRouteBuilder MapCatalog(this IEndpointRouteBuilder app)
    {
        // Exactly what the list shows: its filter in the query string, without paging.
        app.MapGet(ExportPath, (HttpContext context, ProductService products, TimeProvider clock,
            [FromQuery] string? q, [FromQuery] ProductStatusFilter? status) =>
            CsvExport.DownloadAsync(context, "products", clock, writer => products.ExportCsvAsync(
                new ProductQuery { Text = q, Status = status ?? ProductStatusFilter.Active }, writer, context.RequestAborted)))
            .RequireAuthorization(Capabilities.ViewCatalog);
        return app;
    }
}
