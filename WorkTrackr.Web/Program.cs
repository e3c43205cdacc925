using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Radzen;
using WorkTrackr.Data;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Identity;
using WorkTrackr.Web.Components;
using WorkTrackr.Web.Features.Calendar;
using WorkTrackr.Web.Features.Catalog;
using WorkTrackr.Web.Features.Common;
using WorkTrackr.Web.Features.Contacts;
using WorkTrackr.Web.Features.Crm;
using WorkTrackr.Web.Features.Dashboard;
using WorkTrackr.Web.Infrastructure.Changes;
using WorkTrackr.Web.Features.Imports;
using WorkTrackr.Web.Features.Invoicing;
using WorkTrackr.Web.Features.Onboarding;
using WorkTrackr.Web.Features.Services;
using WorkTrackr.Web.Features.Team;
using WorkTrackr.Web.Features.Tickets;
using WorkTrackr.Web.Features.Tickets.Templates;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Database;
using WorkTrackr.Web.Infrastructure.Email;
using WorkTrackr.Web.Infrastructure.Identity;
using WorkTrackr.Web.Infrastructure.Jobs;
using WorkTrackr.Web.Infrastructure.Tenancy;

var builder = WebApplication.CreateBuilder(args);
var services = builder.Services;

// A circuit whose connection dropped is kept this long for the browser to reconnect to; after that the server keeps only
// its persisted state (forms that persist a draft), which the reconnect dialog resumes (Components/Layout/ReconnectModal).
services.AddRazorComponents().AddInteractiveServerComponents(options =>
    options.DisconnectedCircuitRetentionPeriod = builder.Configuration.GetValue("Circuits:DisconnectedRetention", TimeSpan.FromMinutes(3)));
services.AddRadzenComponents();
services.AddSingleton(TimeProvider.System);
services.AddOptions<WorkTrackr.Web.Infrastructure.AppOptions>().BindConfiguration(WorkTrackr.Web.Infrastructure.AppOptions.Section);

// Data: the provider is chosen in one place; contexts see the current user's organisation.
services.AddWorkTrackrData(builder.Configuration, builder.Environment.ContentRootPath);
services.AddScoped<CurrentUser>();
services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<CurrentUser>());
services.AddScoped<CircuitHandler, CurrentUserCircuitHandler>();
// Identity's stores need a scoped context; it only touches users and roles, which are not organisation-owned.
services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<WorkTrackrDbContext>>().CreateDbContext());

// Identity on static server-rendered pages; the circuit revalidates the user every few minutes.
services.AddCascadingAuthenticationState();
services.AddScoped<IdentityRedirectManager>();
services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
services.AddAuthentication(options =>
    {
        options.DefaultScheme = IdentityConstants.ApplicationScheme;
        options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
    })
    .AddIdentityCookies();
services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = "/Account/Login";
    options.AccessDeniedPath = "/Account/AccessDenied";
    options.ExpireTimeSpan = TimeSpan.FromHours(12);
    options.SlidingExpiration = true;
});
services.AddIdentityCore<ApplicationUser>(options =>
    {
        options.User.RequireUniqueEmail = true;
        options.Password.RequiredLength = 8;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = builder.Configuration.GetValue("Identity:MaxFailedAccessAttempts", 5);
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(builder.Configuration.GetValue("Identity:LockoutMinutes", 15));
    })
    .AddRoles<IdentityRole<Guid>>()
    .AddEntityFrameworkStores<WorkTrackrDbContext>()
    .AddSignInManager<WorkTrackrSignInManager>()
    .AddClaimsPrincipalFactory<WorkTrackrClaimsPrincipalFactory>()
    .AddDefaultTokenProviders();
// Cookies are rechecked this often against the user's security stamp and WorkTrackrSignInManager.CanSignInAsync.
services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
services.AddWorkTrackrAuthorization();

services.AddSingleton<IEmailSender<ApplicationUser>, IdentityEmailSender>();

// Features.
services.AddScoped<WorkTrackr.Web.Infrastructure.Operations.RecordOperations>();
services.AddScoped<OrganisationRegistration>();
services.AddScoped<DashboardService>();
services.AddScoped<MyDayService>();
services.Configure<DataChangeOptions>(builder.Configuration.GetSection(DataChangeOptions.Section));
services.AddSingleton<DataChangeFeed>();
services.AddHostedService(sp => sp.GetRequiredService<DataChangeFeed>());
services.AddScoped<TeamDirectory>();
services.AddScoped<TicketService>();
services.AddScoped<TicketSearch>();
services.AddScoped<TicketTemplateService>();
services.AddScoped<SlaSettings>();
services.AddScoped<DispatchCalendar>();
services.AddHostedService<PlannerStatistics>();
services.AddScoped<ContactLookup>();
services.AddScoped<ContactService>();
services.AddScoped<ProductService>();
services.AddScoped<ServiceSubscriptions>();
services.AddScoped<CrmEventService>();
services.AddScoped<CalendarFeeds>();
services.AddScoped<CsvImports>();
services.AddScoped<InvoiceQueries>();
services.AddScoped<InvoiceDrafts>();
services.AddScoped<InvoiceIssuing>();
services.AddScoped<InvoicePayments>();
services.AddScoped<InvoiceDocumentService>();
services.AddScoped<WorkTrackr.Web.Features.Notifications.NotificationInbox>();
services.AddScoped<WorkTrackr.Web.Features.Administration.JobsService>();
services.AddScoped<WorkTrackr.Web.Features.Administration.BillingSettings>();
services.AddScoped<WorkTrackr.Web.Features.Resellers.CommissionLedger>();
services.AddScoped<WorkTrackr.Web.Features.Resellers.ResellerPortal>();
services.AddScoped<WorkTrackr.Web.Features.Platform.PlatformService>();
services.AddWorkTrackrJobs(builder.Configuration, builder.Environment.ContentRootPath);
services.AddTransient<DemoDataSeeder>();
services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section);

services.AddHealthChecks().AddDbContextCheck<WorkTrackrDbContext>();

var app = builder.Build();

if (args.Contains(DatabaseStartup.MigrateSwitch))
{
    await DatabaseStartup.InitialiseAsync(app.Services, app.Configuration, migrateOnly: true);
    app.Logger.LogInformation("Database migrated; exiting because of {Switch}.", DatabaseStartup.MigrateSwitch);
    return;
}
await DatabaseStartup.InitialiseAsync(app.Services, app.Configuration);

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);

app.UseAuthentication();
app.UseMiddleware<CurrentUserMiddleware>();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapWorkTrackrIdentityEndpoints();
app.MapTicketEndpoints();
app.MapCalendarFeedEndpoints();
app.MapExportEndpoints();
app.MapInvoiceEndpoints();
WorkTrackr.Web.Features.Resellers.ResellerEndpoints.MapResellerEndpoints(app);
app.MapWorkTrackrJobsDashboard();
app.MapHealthChecks("/health");

app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
