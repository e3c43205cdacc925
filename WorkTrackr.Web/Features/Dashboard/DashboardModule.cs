using Microsoft.AspNetCore.Mvc;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;

namespace WorkTrackr.Web.Features.Dashboard;

/// <summary>The manager's dashboard (with each panel's figures as CSV) and everyone's "my day".</summary>
public static class DashboardModule
{
    /// <summary>A dashboard panel's figures for a range: /dashboard/revenue.csv?from=2026-11-01&amp;to=2026-11-30.</summary>
    public const string ExportPath = "/dashboard/{panel}.csv";

    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<DashboardService>();
        services.AddScoped<MyDayService>();
        return services;
    }

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet(ExportPath, (HttpContext context, DashboardService dashboards, TimeProvider clock, string panel,
            [FromQuery] DateOnly? from, [FromQuery] DateOnly? to) =>
        {
            if (!DashboardService.Panels.ContainsKey(panel)) return Task.FromResult(Results.NotFound());
            var range = DashboardService.Custom(from, to);
            if (!range.Succeeded) return Task.FromResult(Results.BadRequest(range.Message));
            return CsvExport.DownloadAsync(context, panel, clock, writer => dashboards.ExportCsvAsync(panel, range.Value!, writer, context.RequestAborted));
        }).RequireAuthorization(Capabilities.ViewManagerDashboard);
        return app;
    }
}
