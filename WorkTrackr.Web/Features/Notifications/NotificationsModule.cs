namespace WorkTrackr.Web.Features.Notifications;

/// <summary>The in-app notifications behind the bell.</summary>
public static class NotificationsModule
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<NotificationInbox>();
        return services;
    }
}
