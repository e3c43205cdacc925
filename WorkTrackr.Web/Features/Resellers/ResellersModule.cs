using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Http;
using WorkTrackr.Web.Infrastructure.Jobs;

namespace WorkTrackr.Web.Features.Resellers;

/// <summary>
/// The reseller portal (a reseller's own customers and commission, which the Platform admin also opens for any
/// reseller), monthly statements and the job that closes ended months.
/// </summary>
public static class ResellersModule
{
    public static IServiceCollection AddResellers(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<CommissionLedger>();
        services.AddScoped<ResellerPortal>();
        services.AddRecordedJob<CommissionMonthsJob>(CommissionMonthsJob.Job);
        return services;
    }

    public static IEndpointRouteBuilder MapResellers(this IEndpointRouteBuilder app)
    {
        // GET /resellers/statement.pdf?month=2026-10[&reseller=id]: a month's commission statement.
        app.MapGet("/resellers/statement.pdf", async (string? month, Guid? reseller, ResellerPortal portal, CancellationToken cancellationToken) =>
        {
            if (DateFormats.ParseIsoDate(month + "-01") is not { } first)
                return Result.Invalid("month", "Give the month as yyyy-MM.").ToProblem();
            return (await portal.StatementAsync(first, reseller, cancellationToken))
                .ToHttpResult(statement => TypedResults.File(statement.Content, "application/pdf", statement.FileName));
        }).RequireAuthorization(Capabilities.ViewResellers);
        return app;
    }
}
