using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WorkTrackr.Data.Auditing;
using WorkTrackr.Data.Common;

namespace WorkTrackr.Data;

public enum DatabaseProvider { Sqlite, Postgres }

public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "WorkTrackr";

    /// <summary>
    /// The one place a database provider is chosen. <c>Database:Provider</c> is <c>Sqlite</c> (default: a file in the
    /// app's data folder) or <c>Postgres</c> (needs <c>ConnectionStrings:WorkTrackr</c>). Contexts come from a scoped
    /// factory so each sees the scope's <see cref="ITenantContext"/>; open one per operation.
    /// </summary>
    public static IServiceCollection AddWorkTrackrData(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        var (provider, connectionString) = ResolveDatabase(configuration, contentRootPath);
        services.AddSingleton(sp => new AuditableInterceptor(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<TenancyInterceptor>();
        services.AddSingleton<ChangeStampInterceptor>();
        services.AddSingleton(sp => new AuditInterceptor(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddDbContextFactory<WorkTrackrDbContext>((sp, options) =>
        {
            Configure(options, provider, connectionString);
            options.AddInterceptors(sp.GetRequiredService<AuditableInterceptor>(), sp.GetRequiredService<TenancyInterceptor>(),
                sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<ChangeStampInterceptor>());
        }, ServiceLifetime.Scoped);
        return services;
    }

    public static (DatabaseProvider Provider, string ConnectionString) ResolveDatabase(IConfiguration configuration, string contentRootPath)
    {
        var providerName = configuration["Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(providerName)
            ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(providerName, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"Database:Provider '{providerName}' is not supported; use Sqlite or Postgres.");
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
                throw new InvalidOperationException($"Database:Provider is Postgres but ConnectionStrings:{ConnectionStringName} is empty.");
            var folder = Path.GetFullPath(configuration["Database:DataFolder"] ?? "App_Data", contentRootPath);
            Directory.CreateDirectory(folder);
            connectionString = $"Data Source={Path.Combine(folder, "worktrackr.db")}";
        }
        return (provider, connectionString);
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString),
            _ => options.UseSqlite(connectionString).AddInterceptors(new SqliteConnectionSettings()),
        };
}
