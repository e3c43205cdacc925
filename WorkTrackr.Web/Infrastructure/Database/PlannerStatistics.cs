using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Common;

namespace WorkTrackr.Web.Infrastructure.Database;

/// <summary>
/// Keeps SQLite's query-planner statistics fresh. PostgreSQL's autovacuum analyses tables by itself; SQLite has no such
/// thing, and without statistics it reads a whole table through an organisation index (a lookup per row) instead of
/// scanning it, which doubles the cost of a text search. <c>PRAGMA optimize</c> analyses only the tables whose size has
/// changed enough to matter, so running it hourly is cheap.
/// </summary>
public sealed partial class PlannerStatistics(IServiceProvider services, ILogger<PlannerStatistics> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public static async Task RefreshAsync(WorkTrackrDbContext db, CancellationToken cancellationToken = default)
    {
        // 0x10002: analyse every table that needs it, not only those this connection has queried. The analysis limit
        // samples large tables instead of reading them whole, so writers are not held up for long.
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002;", cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                await using var db = new WorkTrackrDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<WorkTrackrDbContext>>(), FixedTenant.None);
                await RefreshAsync(db, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogRefreshFailed(logger, exception, Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the query planner's statistics failed; it is tried again in {Interval}.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, TimeSpan interval);
}
