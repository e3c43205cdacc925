using WorkTrackr.Web.Features.Tickets.Templates;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;

namespace WorkTrackr.Web.Features.Tickets;

/// <summary>Tickets: the list and its search, a ticket's page and editor, SLA targets and ticket templates.</summary>
public static class TicketsModule
{
    public const string ExportPath = "/tickets/export.csv";

    public static IServiceCollection AddTickets(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<TicketService>();
        services.AddScoped<TicketSearch>();
        services.AddScoped<TicketTemplateService>();
        services.AddScoped<SlaSettings>();
        return services;
    }

    public static IEndpointRouteBuilder MapTickets(this IEndpointRouteBuilder app)
    {
        // CSV export of exactly the list the user is looking at: same query string, no paging.
        app.MapGet(ExportPath, (HttpContext context, TicketSearch search, TimeProvider clock) =>
            CsvExport.DownloadAsync(context, "tickets", clock, writer => search.ExportCsvAsync(
                TicketQuery.Parse(context.Request.QueryString.Value ?? ""), writer, context.RequestAborted)))
            .RequireAuthorization(Capabilities.ViewTickets);
        return app;
    }
}
