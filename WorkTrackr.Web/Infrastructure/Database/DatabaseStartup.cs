using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkTrackr.Data;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Identity;
using WorkTrackr.Web.Infrastructure.Jobs;

namespace WorkTrackr.Web.Infrastructure.Database;

public static partial class DatabaseStartup
{
    /// <summary>The command-line switch that applies migrations and exits.</summary>
    public const string MigrateSwitch = "--migrate";

    /// <summary>
    /// Start-up's database step: with <see cref="MigrateSwitch"/> on the command line it only applies the migrations and
    /// returns false (the process should exit); otherwise it initialises the database as below and returns true.
    /// </summary>
    public static async Task<bool> InitialiseAsync(WebApplication app, string[] args)
    {
        if (!args.Contains(MigrateSwitch))
        {
            await InitialiseAsync(app.Services, app.Configuration);
            return true;
        }
        await InitialiseAsync(app.Services, app.Configuration, migrateOnly: true);
        LogMigrated(app.Logger, MigrateSwitch);
        return false;
    }

    /// <summary>
    /// Applies pending migrations, brings SQLite's full-text indexes in line with their tables and installs Hangfire's
    /// tables (unless <c>Database:MigrateOnStartup</c> is false), makes sure the roles exist and, when
    /// <see cref="SeedOptions.DemoData"/> is true and the database has no organisation yet, adds the demo data.
    /// </summary>
    public static async Task InitialiseAsync(IServiceProvider services, IConfiguration configuration, bool migrateOnly = false)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup));

        if (migrateOnly || configuration.GetValue("Database:MigrateOnStartup", true))
        {
            await using var db = new WorkTrackrDbContext(provider.GetRequiredService<DbContextOptions<WorkTrackrDbContext>>(), FixedTenant.None);
            var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
            if (pending.Count > 0)
            {
                LogApplying(logger, pending.Count, pending);
                await db.Database.MigrateAsync();
            }
            await TextSearch.EnsureAsync(db);
            // Hangfire's own tables (PostgreSQL), which the job storage expects to find.
            await provider.GetRequiredService<IJobStorageSchema>().EnsureAsync();
        }

        var roleManager = provider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
                await roleManager.CreateAsync(new IdentityRole<Guid>(role));
        }

        if (!migrateOnly && provider.GetRequiredService<IOptions<SeedOptions>>().Value.DemoData)
        {
            await provider.GetRequiredService<DemoDataSeeder>().SeedIfEmptyAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated; exiting because of {Switch}.")]
    private static partial void LogMigrated(ILogger logger, string @switch);

    /// <remarks>The logger writes a list as its items joined by commas.</remarks>
    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migration(s): {Migrations}")]
    private static partial void LogApplying(ILogger logger, int count, IReadOnlyList<string> migrations);
}
