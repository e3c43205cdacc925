using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;

namespace WorkTrackr.Web.Features.Resellers;

public static class ResellerEndpoints
{
    /// <summary>GET /resellers/statement.pdf?month=2026-10[&amp;reseller=id]: a month's commission statement.</summary>
    public static void MapResellerEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/resellers/statement.pdf", async (string month, Guid? reseller, ResellerPortal portal, CancellationToken cancellationToken) =>
        {
            if (DateFormats.ParseIsoDate(month + "-01") is not { } first)
                return Results.BadRequest("Give the month as yyyy-MM.");
            var statement = await portal.StatementAsync(first, reseller, cancellationToken);
            return statement.Succeeded
                ? Results.File(statement.Value.Content, "application/pdf", statement.Value.FileName)
                : Results.NotFound();
        }).RequireAuthorization(Capabilities.ViewResellers);
}
