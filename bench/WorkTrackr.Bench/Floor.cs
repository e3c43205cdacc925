using System.Data;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using WorkTrackr.Data;
using WorkTrackr.Data.Common;

/// <summary>
/// What one call of an app operation sent to the database: per DbContext it opened, the commands (text, parameters
/// and how they were executed) and transaction steps in order, with when the context's first command started and its
/// last reader closed. <see cref="SqlRecorder"/> fills it; <see cref="AdoFloor"/> sends it again through plain ADO.NET.
/// </summary>
internal sealed class SqlRecording
{
    private readonly Dictionary<object, SqlGroup> byContext = new(ReferenceEqualityComparer.Instance);
    private readonly List<SqlGroup> groups = [];

    public IReadOnlyList<SqlGroup> Groups => groups;

    public int Commands => groups.Sum(g => g.Steps.Count(s => s.Kind is StepKind.Reader or StepKind.NonQuery or StepKind.Scalar));

    public int Readers => groups.Sum(g => g.Steps.Count(s => s.Kind is StepKind.Reader));

    public void Add(object? context, SqlStep step)
    {
        lock (groups)
        {
            var key = context ?? this;
            if (!byContext.TryGetValue(key, out var group))
            {
                byContext[key] = group = new SqlGroup { Start = Stopwatch.GetTimestamp() };
                groups.Add(group);
            }
            group.Steps.Add(step);
            group.End = Stopwatch.GetTimestamp();
        }
    }

    /// <summary>
    /// Reads the app's readers made (EF's count, which includes each exhausted reader's last, empty read; EF stops
    /// early for First and Single, while the floor reads every row).
    /// </summary>
    public int RowsRead { get; private set; }

    public void Touch(object? context, int rowsRead = 0)
    {
        lock (groups)
        {
            RowsRead += rowsRead;
            if (byContext.TryGetValue(context ?? this, out var group)) group.End = Stopwatch.GetTimestamp();
        }
    }

    /// <summary>
    /// The same command texts in the same order on each context (parameter values may differ: new keys, the current
    /// time). Contexts that ran at once may have started in either order, so they are compared as a set.
    /// </summary>
    public bool SameCommandsAs(SqlRecording other) => Signature().SequenceEqual(other.Signature());

    private IEnumerable<string> Signature() =>
        groups.Select(g => string.Join("\u0001", g.Steps.Select(s => $"{s.Kind}:{s.Text}"))).Order(StringComparer.Ordinal);

    /// <summary>
    /// Contexts as the operation used them: those whose time spans overlapped ran at once (the dashboard's panels on
    /// PostgreSQL), the others one after another. Each wave is a set of contexts to send side by side.
    /// </summary>
    public List<List<SqlGroup>> Waves()
    {
        var waves = new List<List<SqlGroup>>();
        long waveEnd = long.MinValue;
        foreach (var group in groups.OrderBy(g => g.Start))
        {
            if (waves.Count == 0 || group.Start > waveEnd) waves.Add([]);
            waves[^1].Add(group);
            waveEnd = Math.Max(waveEnd, group.End);
        }
        return waves;
    }
}

internal sealed class SqlGroup
{
    public List<SqlStep> Steps { get; } = [];
    public long Start { get; set; }
    public long End { get; set; }
}

internal enum StepKind { Reader, NonQuery, Scalar, Begin, Commit, Rollback, Savepoint, ReleaseSavepoint, RollbackToSavepoint }

internal sealed record SqlStep(StepKind Kind, string Text, CommandType CommandType, DbParameter[] Parameters, IsolationLevel Isolation = IsolationLevel.Unspecified)
{
    /// <summary>A parameter belongs to one command, so each recording and each sending gets copies.</summary>
    public static DbParameter Copy(DbParameter p) => p switch
    {
        // The clone keeps NpgsqlDbType and DataTypeName, so arrays and uuids go as the app sent them.
        NpgsqlParameter n => n.Clone(),
        SqliteParameter s => Copy(s),
        _ => throw new NotSupportedException($"Parameters of type {p.GetType()}"),
    };

    // Microsoft.Data.Sqlite binds by the value, and by a size and an SQLite type only when they were set. Its getters
    // report inferred ones otherwise (BLOB for a Guid, which unset goes as uppercase TEXT, as EF stores it; size 0 for
    // a Guid, which set would cut the text to nothing), so both are copied from the fields the getters fall back from.
    private static readonly System.Reflection.FieldInfo SqliteTypeSet = SqliteField("_sqliteType");
    private static readonly System.Reflection.FieldInfo SizeSet = SqliteField("_size");

    private static System.Reflection.FieldInfo SqliteField(string name) =>
        typeof(SqliteParameter).GetField(name, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)
        ?? throw new InvalidOperationException($"Microsoft.Data.Sqlite's SqliteParameter no longer has {name}: see how it binds now.");

    private static SqliteParameter Copy(SqliteParameter s)
    {
        var copy = new SqliteParameter(s.ParameterName, s.Value) { Direction = s.Direction };
        if (SqliteTypeSet.GetValue(s) is SqliteType type) copy.SqliteType = type;
        if (SizeSet.GetValue(s) is int size) copy.Size = size;
        return copy;
    }
}

/// <summary>
/// Records, while <see cref="Current"/> is set in the calling flow, every command and transaction step EF sends, with
/// copies of the parameters taken as the command starts. Outside a recording it does nothing. Copying the parameters
/// costs microseconds per command, inside the app's timed call.
/// </summary>
internal static class SqlRecorder
{
    private static readonly AsyncLocal<SqlRecording?> current = new();

    public static SqlRecording? Current { get => current.Value; set => current.Value = value; }

    public static readonly CommandRecorder Commands = new();
    public static readonly TransactionRecorder Transactions = new();

    public sealed class CommandRecorder : DbCommandInterceptor
    {
        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        { Record(command, eventData, StepKind.Reader); return result; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        { Record(command, eventData, StepKind.Reader); return ValueTask.FromResult(result); }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        { Record(command, eventData, StepKind.NonQuery); return result; }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        { Record(command, eventData, StepKind.NonQuery); return ValueTask.FromResult(result); }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        { Record(command, eventData, StepKind.Scalar); return result; }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        { Record(command, eventData, StepKind.Scalar); return ValueTask.FromResult(result); }

        public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
        { Current?.Touch(eventData.Context, eventData.ReadCount); return result; }

        public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
        { Current?.Touch(eventData.Context); return result; }

        public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
        { Current?.Touch(eventData.Context); return ValueTask.FromResult(result); }

        public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
        { Current?.Touch(eventData.Context); return result; }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        { Current?.Touch(eventData.Context); return ValueTask.FromResult(result); }

        private static void Record(DbCommand command, CommandEventData eventData, StepKind kind) =>
            Current?.Add(eventData.Context, new SqlStep(kind, command.CommandText, command.CommandType, [.. command.Parameters.Cast<DbParameter>().Select(SqlStep.Copy)]));
    }

    public sealed class TransactionRecorder : DbTransactionInterceptor
    {
        public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
        { Step(eventData.Context, StepKind.Begin, "", eventData.IsolationLevel); return result; }

        public override ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        { Step(eventData.Context, StepKind.Begin, "", eventData.IsolationLevel); return ValueTask.FromResult(result); }

        public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
        { Step(eventData.Context, StepKind.Commit); return result; }

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        { Step(eventData.Context, StepKind.Commit); return ValueTask.FromResult(result); }

        public override InterceptionResult TransactionRollingBack(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
        { Step(eventData.Context, StepKind.Rollback); return result; }

        public override ValueTask<InterceptionResult> TransactionRollingBackAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        { Step(eventData.Context, StepKind.Rollback); return ValueTask.FromResult(result); }

        public override InterceptionResult CreatingSavepoint(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
        { Step(eventData.Context, StepKind.Savepoint, Savepoint(eventData)); return result; }

        public override ValueTask<InterceptionResult> CreatingSavepointAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        { Step(eventData.Context, StepKind.Savepoint, Savepoint(eventData)); return ValueTask.FromResult(result); }

        public override InterceptionResult ReleasingSavepoint(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
        { Step(eventData.Context, StepKind.ReleaseSavepoint, Savepoint(eventData)); return result; }

        public override ValueTask<InterceptionResult> ReleasingSavepointAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        { Step(eventData.Context, StepKind.ReleaseSavepoint, Savepoint(eventData)); return ValueTask.FromResult(result); }

        public override InterceptionResult RollingBackToSavepoint(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
        { Step(eventData.Context, StepKind.RollbackToSavepoint, Savepoint(eventData)); return result; }

        public override ValueTask<InterceptionResult> RollingBackToSavepointAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        { Step(eventData.Context, StepKind.RollbackToSavepoint, Savepoint(eventData)); return ValueTask.FromResult(result); }

        // EF names its one savepoint per SaveChanges "__EFSavePoint"; the event data does not carry the name.
        private static string Savepoint(TransactionEventData _) => "__EFSavePoint";

        private static void Step(object? context, StepKind kind, string text = "", IsolationLevel isolation = IsolationLevel.Unspecified) =>
            Current?.Add(context, new SqlStep(kind, text, CommandType.Text, [], isolation));
    }
}

/// <summary>
/// The floor: a recorded operation's commands sent again through plain ADO.NET (Microsoft.Data.Sqlite or Npgsql), on
/// connections opened once beforehand (SQLite ones with the app's own connection settings), each command with copies
/// of the app's parameters and executed as the app executed it, every row of every result read, the transactions begun
/// and ended where the app's were. What is left out is what the app adds: EF's query pipeline and materialisation,
/// opening a pooled connection per context, and the service's own work.
/// </summary>
internal sealed class AdoFloor(DatabaseProvider provider, string connectionString) : IAsyncDisposable
{
    private readonly List<DbConnection> connections = [];

    /// <summary>A <see cref="Figure.Floor"/>: the recorded commands of input <c>i</c>'s call, sent again; returns the rows read.</summary>
    public Task<int> Replay(int _, SqlRecording recording) => ReplayAsync(recording);

    public async Task<int> ReplayAsync(SqlRecording recording)
    {
        var rows = 0;
        foreach (var wave in recording.Waves())
        {
            while (connections.Count < wave.Count) connections.Add(await OpenAsync());
            // As the app's Task.WhenAll: on SQLite every "async" call completes synchronously, so these run one after
            // another there, as the app's do; on PostgreSQL they overlap.
            var counts = await Task.WhenAll(wave.Select((group, i) => ReplayAsync(group, connections[i])));
            rows += counts.Sum();
        }
        return rows;
    }

    private static async Task<int> ReplayAsync(SqlGroup group, DbConnection connection)
    {
        var rows = 0;
        DbTransaction? transaction = null;
        try
        {
            foreach (var step in group.Steps)
            {
                switch (step.Kind)
                {
                    case StepKind.Begin:
                        transaction = await connection.BeginTransactionAsync(step.Isolation);
                        break;
                    case StepKind.Commit:
                        await transaction!.CommitAsync();
                        await transaction.DisposeAsync();
                        transaction = null;
                        break;
                    case StepKind.Rollback:
                        await transaction!.RollbackAsync();
                        await transaction.DisposeAsync();
                        transaction = null;
                        break;
                    case StepKind.Savepoint:
                        await transaction!.SaveAsync(step.Text);
                        break;
                    case StepKind.ReleaseSavepoint:
                        await transaction!.ReleaseAsync(step.Text);
                        break;
                    case StepKind.RollbackToSavepoint:
                        await transaction!.RollbackAsync(step.Text);
                        break;
                    default:
                        await using (var command = connection.CreateCommand())
                        {
                            command.CommandText = step.Text;
                            command.CommandType = step.CommandType;
                            command.Transaction = transaction;
                            foreach (var parameter in step.Parameters) command.Parameters.Add(SqlStep.Copy(parameter));
                            rows += step.Kind switch
                            {
                                StepKind.NonQuery => await command.ExecuteNonQueryAsync() * 0,
                                StepKind.Scalar => await command.ExecuteScalarAsync() is null ? 0 : 1,
                                _ => await ReadAllAsync(command),
                            };
                        }
                        break;
                }
            }
        }
        finally
        {
            // A transaction the app left open was rolled back when its context was disposed.
            if (transaction is not null) await transaction.DisposeAsync();
        }
        return rows;
    }

    private static async Task<int> ReadAllAsync(DbCommand command)
    {
        var rows = 0;
        await using var reader = await command.ExecuteReaderAsync();
        do
        {
            while (await reader.ReadAsync())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++) _ = reader.GetValue(i);
            }
        }
        while (await reader.NextResultAsync());
        return rows;
    }

    private async Task<DbConnection> OpenAsync()
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var postgres = new NpgsqlConnection(connectionString);
            await postgres.OpenAsync();
            return postgres;
        }
        var sqlite = new SqliteConnection(connectionString);
        await sqlite.OpenAsync();
        // The app's own per-connection settings (WAL, mmap, cache size), as its interceptor applies them on open.
        await new SqliteConnectionSettings().ConnectionOpenedAsync(sqlite, null!);
        return sqlite;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in connections) await connection.DisposeAsync();
        connections.Clear();
    }
}
