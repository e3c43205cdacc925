using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;

namespace WorkTrackr.Web.Features.Tickets;

public static class TicketEndpoints
{
    public const string ExportPath = "/tickets/export.csv";

    /// <summary>CSV export of exactly the list the user is looking at: same query string, no paging.</summary>
    public static void MapTicketEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(ExportPath, async (HttpContext context, TicketSearch search, TimeProvider clock) =>
        {
            var query = TicketQuery.Parse(context.Request.QueryString.Value ?? "");
            context.Response.ContentType = "text/csv; charset=utf-8";
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"tickets-{DateFormats.Format(clock.GetUtcNow().UtcDateTime, DateFormats.FileStamp)}.csv\"";
            await using var writer = new StreamWriter(context.Response.Body, new System.Text.UTF8Encoding(false));
            var result = await search.ExportCsvAsync(query, writer, context.RequestAborted);
            if (!result.Succeeded) context.Response.StatusCode = StatusCodes.Status403Forbidden;
        }).RequireAuthorization(Capabilities.ViewTickets);
}
