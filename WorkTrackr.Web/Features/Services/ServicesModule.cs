using Microsoft.AspNetCore.Mvc;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Jobs;

namespace WorkTrackr.Web.Features.Services;

/// <summary>Customer services (a contact's products that renew), their CSV export and the renewal reminders job.</summary>
public static class ServicesModule
{
    public const string ExportPath = "/services/export.csv";

    public static IServiceCollection AddServices(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<ServiceSubscriptions>();
        services.AddScoped<RenewalReminderSweep>();
        services.AddRecordedJob<RenewalRemindersJob>(RenewalRemindersJob.Job);
        return services;
    }

    public static IEndpointRouteBuilder MapServices(this IEndpointRouteBuilder app)
    {
        // Exactly what the list shows: its filter in the query string, without paging.
        app.MapGet(ExportPath, (HttpContext context, ServiceSubscriptions services, TimeProvider clock,
            [FromQuery] string? q, [FromQuery] RenewalWindow? window, [FromQuery] bool? ended) =>
            CsvExport.DownloadAsync(context, "services", clock, writer => services.ExportCsvAsync(
                new ServiceQuery { Text = q, Window = window, IncludeEnded = ended ?? false }, writer, context.RequestAborted)))
            .RequireAuthorization(Capabilities.ViewCustomerServices);
        return app;
    }
}
