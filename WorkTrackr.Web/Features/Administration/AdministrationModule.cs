using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;

namespace WorkTrackr.Web.Features.Administration;

/// <summary>The organisation admin's pages: the jobs overview and billing settings. The Hangfire dashboard is the jobs engine's (Infrastructure/Jobs).</summary>
public static class AdministrationModule
{
    public static IServiceCollection AddAdministration(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<JobsService>();
        services.AddScoped<BillingSettings>();
        services.AddScoped<OrganisationSettings>();
        services.AddScoped<AuditLog>();
        return services;
    }

    public const string AuditExportPath = "/admin/audit/export.csv";

    public static IEndpointRouteBuilder MapAdministration(this IEndpointRouteBuilder app)
    {
        // CSV of exactly the entries the viewer shows: the same filters, no paging.
        app.MapGet(AuditExportPath, (HttpContext context, AuditLog log, TimeProvider clock, Guid? person, string? type, string? record, DateOnly? from, DateOnly? to) =>
            CsvExport.DownloadAsync(context, "audit-log", clock, writer => log.ExportCsvAsync(
                new AuditQuery { UserId = person, EntityType = type, EntityId = record, From = from, To = to }, writer, context.RequestAborted)))
            .RequireAuthorization(Capabilities.ViewAudit);
        return app;
    }
}
