using System.Text;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Http;

namespace WorkTrackr.Web.Features.Crm;

/// <summary>The CRM calendar of visits and calls, and each person's calendar feed for Outlook or Google Calendar.</summary>
public static class CrmModule
{
    public static IServiceCollection AddCrm(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<CrmEventService>();
        services.AddScoped<CalendarFeeds>();
        return services;
    }

    public static IEndpointRouteBuilder MapCrm(this IEndpointRouteBuilder app)
    {
        // GET /feeds/crm/{token}.ics: no sign-in (calendar apps cannot), the secret in the address is the key.
        app.MapGet(CalendarFeeds.PathPrefix + "{file}", async (string file, CalendarFeeds feeds, CancellationToken cancellationToken) =>
        {
            var calendar = file.EndsWith(".ics", StringComparison.Ordinal) ? await feeds.RenderAsync(file[..^4], cancellationToken) : null;
            return calendar is null
                ? Result.NotFound("The calendar feed").ToProblem()
                : TypedResults.Text(calendar, "text/calendar; charset=utf-8", Encoding.UTF8);
        }).AllowAnonymous().RequireRateLimiting(RateLimits.Feeds);
        return app;
    }
}
