using System.Diagnostics;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorkTrackr.Data;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Identity;
using WorkTrackr.Web.Infrastructure.Database;
using WorkTrackr.Web.Infrastructure.Identity;
using WorkTrackr.Web.Infrastructure.Operations;
using WorkTrackr.Web.Infrastructure.Tenancy;

/// <summary>
/// What every benchmark shares: the app's data services on one provider (with <see cref="SqlRecorder"/> listening, so a
/// figure's floor can send the same SQL), a signed-in scope, and a timer. The figures themselves are <see cref="Figure"/>s.
/// </summary>
internal static class BenchHost
{
    public const int Runs = 60;
    public const int WarmUp = 5;

    public static ServiceProvider Services(DatabaseProvider provider, string connectionString, Action<IServiceCollection> add)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:WorkTrackr"] = connectionString,
        }).Build();
        var services = new ServiceCollection()
            // BENCH_SQL=1 prints every SQL command EF sends, for reading plans.
            .AddLogging(logging =>
            {
                if (Environment.GetEnvironmentVariable("BENCH_SQL") == "1")
                    logging.AddSimpleConsole().AddFilter((category, level) => category == DbLoggerCategory.Database.Command.Name && level >= LogLevel.Information);
            })
            .AddSingleton(TimeProvider.System)
            .AddWorkTrackrData(configuration, AppContext.BaseDirectory)
            // After the app's own interceptors; records only inside a Figure's timed app call.
            .ConfigureDbContext<WorkTrackrDbContext>(options => options.AddInterceptors(SqlRecorder.Commands, SqlRecorder.Transactions))
            .AddScoped<CurrentUser>()
            .AddScoped<ITenantContext>(sp => sp.GetRequiredService<CurrentUser>())
            // What every feature service builds on.
            .AddScoped<RecordOperations>();
        add(services);
        return services.BuildServiceProvider();
    }

    public static WorkTrackrDbContext Context(IServiceProvider services, Guid? organisationId) =>
        new(services.GetRequiredService<DbContextOptions<WorkTrackrDbContext>>(), organisationId is { } id ? new FixedTenant(id) : FixedTenant.None);

    /// <summary>
    /// A database in use has planner statistics: SQLite from the app's hourly PRAGMA optimize, PostgreSQL from
    /// autovacuum, which a freshly loaded bench database has not had time for.
    /// </summary>
    public static async Task SettleAsync(IServiceProvider services, DatabaseProvider provider)
    {
        await using var db = Context(services, null);
        if (provider == DatabaseProvider.Postgres) await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE;");
        else await PlannerStatistics.RefreshAsync(db);
    }

    /// <summary>A scope whose current user is a dispatcher (or <paramref name="role"/>) of the organisation, in New York.</summary>
    public static AsyncServiceScope SignedIn(IServiceProvider services, Guid organisationId, Guid? userId = null, string role = Roles.Dispatcher)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, (userId ?? Guid.NewGuid()).ToString()),
            new Claim(ClaimTypes.Role, role),
            new Claim(WorkTrackrClaims.OrganisationId, organisationId.ToString()),
            new Claim(WorkTrackrClaims.TimeZone, "America/New_York"),
        ], "bench")));
        return scope;
    }

    public static async Task<(double Ms, int Rows)> TimeAsync(Func<Task<int>> run)
    {
        var watch = Stopwatch.StartNew();
        var rows = await run();
        return (watch.Elapsed.TotalMilliseconds, rows);
    }
}
