using MudBlazor.Services;
using WorkTrackr.Web.Components;
using WorkTrackr.Web.Features;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Changes;
using WorkTrackr.Web.Infrastructure.Circuits;
using WorkTrackr.Web.Infrastructure.Database;
using WorkTrackr.Web.Infrastructure.Email;
using WorkTrackr.Web.Infrastructure.Http;
using WorkTrackr.Web.Infrastructure.Identity;
using WorkTrackr.Web.Infrastructure.Jobs;
using WorkTrackr.Web.Infrastructure.Pdf;
using WorkTrackr.Web.Infrastructure.Tenancy;

var builder = WebApplication.CreateBuilder(args);
var (services, config, contentRoot) = (builder.Services, builder.Configuration, builder.Environment.ContentRootPath);

// The platform (Infrastructure): what every feature builds on, and which never depends on a feature.
services.AddWorkTrackrCircuits(config).AddMudServices().AddSingleton(TimeProvider.System);
services.AddOptions<WorkTrackr.Web.Infrastructure.AppOptions>().BindConfiguration(WorkTrackr.Web.Infrastructure.AppOptions.Section);
services.AddWorkTrackrDatabase(config, contentRoot).AddWorkTrackrTenancy().AddWorkTrackrChangeFeed(config);
services.AddWorkTrackrIdentity(config).AddWorkTrackrAuthorization().AddWorkTrackrProblemDetails().AddWorkTrackrWebSecurity(config).AddWorkTrackrRateLimits(config);
services.AddWorkTrackrEmail(config).AddWorkTrackrPdf(config).AddWorkTrackrJobs(config, contentRoot);

// Features: each module adds its own services and jobs (Features/FeatureModules.cs).
services.AddFeatureModules(config);

var app = builder.Build();
_ = app.Services.GetRequiredService<JobCatalog>(); // a Jobs:Sweeps name that is no job fails the start, jobs on or off

if (!await DatabaseStartup.InitialiseAsync(app, args)) return; // --migrate: migrated, and that was all

if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/Error", createScopeForErrors: true);
app.UseWorkTrackrWebSecurity();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);

app.UseAuthentication();
app.UseMiddleware<CurrentUserMiddleware>();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets();
// Blazor's own frame-ancestors 'self' header would be a second policy: WebSecurity's says 'none' for every response.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
app.MapWorkTrackrIdentityEndpoints();
app.MapFeatureModules();
app.MapWorkTrackrJobsDashboard();
app.MapHealthChecks("/health");

app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
