using Hangfire;
using Hangfire.InMemory;
using Hangfire.Logging;
using Hangfire.PostgreSql;
using Npgsql;
using MsLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace WorkTrackr.Web.Infrastructure.Jobs;

/// <summary>
/// Hangfire's own tables. On PostgreSQL they live in the <c>hangfire</c> schema, installed at start-up beside the app's
/// migrations (<see cref="Database.DatabaseStartup"/>) rather than lazily by the first storage object, under an advisory
/// lock: Hangfire's installer is not safe against a second node installing at the same moment.
/// </summary>
public interface IJobStorageSchema
{
    Task EnsureAsync(CancellationToken cancellationToken = default);
}

/// <summary>The in-memory storage has nothing to install.</summary>
public sealed class InMemoryJobStorageSchema : IJobStorageSchema
{
    public Task EnsureAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
}

public sealed class PostgresJobStorageSchema(HangfireDataSource dataSource) : IJobStorageSchema
{
    public const string Schema = "hangfire";

    /// <summary>Any fixed number, the same on every node: the key of the advisory lock the installation runs under.</summary>
    private const long InstallLock = 0x57_54_48_46; // "WTHF"

    public async Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        // A connection of its own, outside the pool and not multiplexed: the lock, the scripts and the unlock share one
        // session, and closing it ends the session, so the lock can never outlive this method on a pooled connection.
        var unpooled = new NpgsqlConnectionStringBuilder(dataSource.Source.ConnectionString) { Pooling = false, Multiplexing = false };
        await using var connection = new NpgsqlConnection(unpooled.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await LockAsync(connection, "pg_advisory_lock", cancellationToken);
        try
        {
            // Installs the missing script versions only.
            await Task.Run(() => PostgreSqlObjectsInstaller.Install(connection, Schema), cancellationToken);
        }
        finally
        {
            await LockAsync(connection, "pg_advisory_unlock", CancellationToken.None);
        }
    }

    private static async Task LockAsync(NpgsqlConnection connection, string function, CancellationToken cancellationToken)
    {
        // No time-out: another node may be installing (an upgrade can take minutes); start-up waits for it.
        await using var command = new NpgsqlCommand($"SELECT {function}(@key)", connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("key", InstallLock);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>
/// The connections Hangfire opens, from a data source of its own rather than one Npgsql builds from the connection
/// string, and not registered as <see cref="NpgsqlDataSource"/>, so nothing else in the container picks it up by type.
/// (Hangfire.PostgreSql's long-polling LISTEN connections are cloned from these by connection string.)
/// </summary>
public sealed class HangfireDataSource(string connectionString) : IDisposable
{
    public NpgsqlDataSource Source { get; } = NpgsqlDataSource.Create(connectionString);

    public IConnectionFactory ConnectionFactory => new Factory(Source);

    public void Dispose() => Source.Dispose();

    private sealed class Factory(NpgsqlDataSource source) : IConnectionFactory
    {
        public NpgsqlConnection GetOrCreateConnection() => source.CreateConnection();
    }
}

public static class JobStorageFactory
{
    public static JobStorage Postgres(HangfireDataSource dataSource, JobOptions options) =>
        new PostgreSqlStorage(dataSource.ConnectionFactory, new PostgreSqlStorageOptions
        {
            SchemaName = PostgresJobStorageSchema.Schema,
            // Installed once at start-up under a lock (PostgresJobStorageSchema), not by every storage object.
            PrepareSchemaIfNecessary = false,
            // LISTEN/NOTIFY: a fire-and-forget job is fetched at once rather than at the next poll.
            EnableLongPolling = true,
            QueuePollInterval = options.PollingInterval,
            // A fetched job stays invisible to other nodes while its worker is alive (the heartbeat slides the timeout),
            // and a job of a node that died is fetched again after five minutes rather than the default thirty.
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = TimeSpan.FromMinutes(5),
        });

    public static JobStorage InMemory() => new InMemoryStorage(new InMemoryStorageOptions());
}

/// <summary>
/// Hangfire logs through one process-wide provider (<c>LogProvider</c>), which every host replaces when it configures
/// Hangfire. This one forwards to the host that set it and goes quiet once that host's logging is disposed, so another
/// host in the same process (as in the tests) never fails by logging into a disposed factory.
/// </summary>
public sealed class HostLogProvider(ILoggerFactory factory) : ILogProvider
{
    public ILog GetLogger(string name)
    {
        try
        {
            return new Forwarding(factory.CreateLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return Quiet.Instance;
        }
    }

    private sealed class Forwarding(ILogger logger) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            var level = logLevel switch
            {
                Hangfire.Logging.LogLevel.Trace => MsLogLevel.Trace,
                Hangfire.Logging.LogLevel.Debug => MsLogLevel.Debug,
                Hangfire.Logging.LogLevel.Info => MsLogLevel.Information,
                Hangfire.Logging.LogLevel.Warn => MsLogLevel.Warning,
                Hangfire.Logging.LogLevel.Error => MsLogLevel.Error,
                _ => MsLogLevel.Critical,
            };
            try
            {
                // No message: Hangfire only asks whether the level is on.
                if (messageFunc is null) return logger.IsEnabled(level);
                // The message is built only when it is written.
                if (!logger.IsEnabled(level)) return false;
                // A finished message, not a template: braces in it stay as they are.
                logger.Log(level, default, messageFunc(), exception, static (message, _) => message);
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }

    private sealed class Quiet : ILog
    {
        public static readonly Quiet Instance = new();
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
