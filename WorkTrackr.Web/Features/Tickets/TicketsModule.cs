using WorkTrackr.Web.Features.Tickets.Templates;
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
        app.MapGet(ExportPath, async (HttpContext context, TicketSearch search, TimeProvider clock) =>
        {
            var query = TicketQuery.Parse(context.Request.QueryString.Value ?? "");
            context.Response.ContentType = "text/csv; charset=utf-8";
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"tickets-{clock.GetUtcNow():yyyyMMdd-HHmm}.csv\"";
            await using var writer = new StreamWriter(context.Response.Body, new System.Text.UTF8Encoding(false));
            var result = await search.ExportCsvAsync(query, writer, context.RequestAborted);
            if (!result.Succeeded) context.Response.StatusCode = StatusCodes.Status403Forbidden;
        }).RequireAuthorization(Capabilities.ViewTickets);
        return app;
    }
}
