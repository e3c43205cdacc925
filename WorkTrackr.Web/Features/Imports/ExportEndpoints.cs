using Microsoft.AspNetCore.Mvc;
using WorkTrackr.Data.Contacts;
using WorkTrackr.Web.Features.Catalog;
using WorkTrackr.Web.Features.Contacts;
using WorkTrackr.Web.Features.Dashboard;
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
    /// <summary>A dashboard panel's figures for a range: /dashboard/revenue.csv?from=2026-11-01&amp;to=2026-11-30.</summary>
    public const string DashboardPath = "/dashboard/{panel}.csv";

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

        endpoints.MapGet(ServicesPath, (HttpContext context, ServiceSubscriptions services, TimeProvider clock,
            [FromQuery] string? q, [FromQuery] RenewalWindow? window, [FromQuery] bool? ended) =>
            CsvExport.DownloadAsync(context, "services", clock, writer => services.ExportCsvAsync(
                new ServiceQuery { Text = q, Window = window, IncludeEnded = ended ?? false }, writer, context.RequestAborted)))
            .RequireAuthorization(Capabilities.ViewCustomerServices);

        endpoints.MapGet(DashboardPath, (HttpContext context, DashboardService dashboards, TimeProvider clock, string panel,
            [FromQuery] DateOnly? from, [FromQuery] DateOnly? to) =>
        {
            if (!DashboardService.Panels.ContainsKey(panel)) return Task.FromResult(Results.NotFound());
            var range = DashboardService.Custom(from, to);
            if (!range.Succeeded) return Task.FromResult(Results.BadRequest(range.Message));
            return CsvExport.DownloadAsync(context, panel, clock, writer => dashboards.ExportCsvAsync(panel, range.Value!, writer, context.RequestAborted));
        }).RequireAuthorization(Capabilities.ViewManagerDashboard);
    }
}
