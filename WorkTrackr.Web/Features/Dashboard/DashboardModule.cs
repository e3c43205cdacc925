using Microsoft.AspNetCore.Mvc;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Http;

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
        app.MapGet(ExportPath, async (HttpContext context, DashboardService dashboards, TimeProvider clock, string panel,
            [FromQuery] string? from, [FromQuery] string? to) =>
        {
            if (!DashboardService.Panels.ContainsKey(panel)) return Result.NotFound("The panel").ToProblem();
            var (first, last) = (Day(from, nameof(CustomRangeInput.From)), Day(to, nameof(CustomRangeInput.To)));
            if (!first.Succeeded) return first.ToProblem();
            if (!last.Succeeded) return last.ToProblem();
            var range = DashboardService.Custom(first.Value, last.Value);
            if (!range.Succeeded) return range.ToProblem();
            return await CsvExport.DownloadAsync(context, panel, clock, writer => dashboards.ExportCsvAsync(panel, range.Value!, writer, context.RequestAborted));
        }).RequireAuthorization(Capabilities.ViewManagerDashboard);
        return app;
    }

    /// <summary>A day given as yyyy-MM-dd (as <see cref="DashboardRange.Iso"/> writes it), or none when it is left out.</summary>
    private static Result<DateOnly?> Day(string? value, string field) =>
        string.IsNullOrEmpty(value) ? Result<DateOnly?>.Ok(null)
        : DateFormats.ParseIsoDate(value) is { } day ? Result<DateOnly?>.Ok(day)
        : Result<DateOnly?>.From(Result.Invalid(field, "Give the day as yyyy-MM-dd."));
}
