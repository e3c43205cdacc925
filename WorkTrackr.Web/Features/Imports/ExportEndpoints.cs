using Microsoft.AspNetCore.Mvc;
using WorkTrackr.Data.Contacts;
using WorkTrackr.Web.Features.Catalog;
using WorkTrackr.Web.Features.Contacts;
using WorkTrackr.Web.Features.Services;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;

namespace WorkTrackr.Web.Features.Imports;

/// <summary>CSV downloads of exactly what each list shows: its filter in the query string, without paging.</summary>
public static class ExportEndpoints
{
    public const string ContactsPath = "/contacts/export.csv";
    public const string ProductsPath = "/products/export.csv";
    public const string ServicesPath = "/services/export.csv";

    public static void MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ContactsPath, (HttpContext context, ContactService contacts, TimeProvider clock,
            [FromQuery] string? q, [FromQuery] ContactStatusFilter? status, [FromQuery] ContactKind? kind) =>
            CsvExport.DownloadAsync(context, "contacts", clock, writer => contacts.ExportCsvAsync(
                new ContactQuery { Text = q, Status = status ?? ContactStatusFilter.Active, Kind = kind }, writer, context.RequestAborted)))
            .RequireAuthorization(Capabilities.ViewContacts);

        endpoints.MapGet(ProductsPath, (HttpContext context, ProductService products, TimeProvider clock,
            [FromQuery] string? q, [FromQuery] ProductStatusFilter? status) =>
            CsvExport.DownloadAsync(context, "products", clock, writer => products.ExportCsvAsync(
                new ProductQuery { Text = q, Status = status ?? ProductStatusFilter.Active }, writer, context.RequestAborted)))
            .RequireAuthorization(Capabilities.ViewCatalog);

        endpoints.MapGet(ServicesPath, (HttpContext context, ContactServices services, TimeProvider clock,
            [FromQuery] string? q, [FromQuery] RenewalWindow? window, [FromQuery] bool? ended) =>
            CsvExport.DownloadAsync(context, "services", clock, writer => services.ExportCsvAsync(
                new ServiceQuery { Text = q, Window = window, IncludeEnded = ended ?? false }, writer, context.RequestAborted)))
            .RequireAuthorization(Capabilities.ViewCustomerServices);
    }
}
