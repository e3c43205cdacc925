using WorkTrackr.Web.Features.Administration;
using WorkTrackr.Web.Features.Calendar;
using WorkTrackr.Web.Features.Catalog;
using WorkTrackr.Web.Features.Contacts;
using WorkTrackr.Web.Features.Crm;
using WorkTrackr.Web.Features.Dashboard;
using WorkTrackr.Web.Features.Imports;
using WorkTrackr.Web.Features.Invoicing;
using WorkTrackr.Web.Features.Notifications;
using WorkTrackr.Web.Features.Onboarding;
using WorkTrackr.Web.Features.Platform;
using WorkTrackr.Web.Features.Resellers;
using WorkTrackr.Web.Features.Services;
using WorkTrackr.Web.Features.Team;
using WorkTrackr.Web.Features.Tickets;
using WorkTrackr.Web.Infrastructure.Http;

namespace WorkTrackr.Web.Features;

/// <summary>
/// Every feature module, in one list. Each feature folder has one <c>…Module</c> class: <c>Add…</c> registers its
/// services, options and jobs, and <c>Map…</c> (where it has any) its endpoints. A new feature adds itself here.
/// Features build on the platform parts in Infrastructure, which never depend on a feature.
/// </summary>
public static class FeatureModules
{
    public static IServiceCollection AddFeatureModules(this IServiceCollection services, IConfiguration config) => services
        .AddOnboarding(config)
        .AddDashboard(config)
        .AddTeam(config)
        .AddTickets(config)
        .AddCalendar(config)
        .AddContacts(config)
        .AddCatalog(config)
        .AddServices(config)
        .AddCrm(config)
        .AddImports(config)
        .AddInvoicing(config)
        .AddNotifications(config)
        .AddAdministration(config)
        .AddResellers(config)
        .AddPlatform(config);

    /// <summary>
    /// The features' endpoints, in one group that answers every failure as a ProblemDetails (<see cref="ResultHttp"/>),
    /// a role the endpoint's policy refuses included.
    /// </summary>
    public static IEndpointRouteBuilder MapFeatureModules(this IEndpointRouteBuilder app)
    {
        app.MapGroup("").AnswerWithProblems().RequireRateLimiting(RateLimits.Downloads)
            .MapTickets()
            .MapCrm()
            .MapContacts()
            .MapCatalog()
            .MapServices()
            .MapDashboard()
            .MapInvoicing()
            .MapResellers()
            .MapAdministration();
        return app;
    }
}
