namespace WorkTrackr.Web.Features.Calendar;

/// <summary>The dispatch calendar: scheduling tickets on the team's working hours.</summary>
public static class CalendarModule
{
    public static IServiceCollection AddCalendar(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<DispatchCalendar>();
        return services;
    }
}
