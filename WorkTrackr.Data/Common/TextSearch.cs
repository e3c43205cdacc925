using Microsoft.EntityFrameworkCore;

namespace WorkTrackr.Data.Common;

/// <summary>
/// SQLite's full-text (FTS5 trigram) indexes over ticket numbers and titles and contact names. They are external-content
/// tables: each index row's rowid is its table row's rowid, and triggers keep them in step. EF cannot model virtual
/// tables, so migrations and start-up create them (names start with <see cref="Prefix"/>). A trigram index only
/// answers searches of at least <see cref="MinimumLength"/> characters.
/// </summary>
public static class TextSearch
{
    public const string Prefix = "TextSearch_";
    public const string Tickets = Prefix + "Tickets";
    public const string Contacts = Prefix + "Contacts";
    public const int MinimumLength = 3;

    private static readonly (string Index, string Table, string[] Columns)[] Indexes =
    [
        (Tickets, "Tickets", ["Number", "Title"]),
        (Contacts, "Contacts", ["Name", "Email", "Phone"]),
    ];

    /// <summary>An FTS5 query for rows containing <paramref name="text"/> anywhere: one quoted phrase.</summary>
    public static string Phrase(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The same, in one column only (FTS5's column filter).</summary>
    public static string Phrase(string column, string text) => $"{column} : {Phrase(text)}";

    /// <summary>Whether <paramref name="text"/> is long enough for a trigram index (counted in characters, not UTF-16 units).</summary>
    public static bool Indexable(string text) => text.EnumerateRunes().Count() >= MinimumLength;

    /// <summary>
    /// Statements that create any missing index or trigger and then rebuild every index from its table. Idempotent.
    /// Rebuilding matters because the rowids the indexes point at are not stable: VACUUM may renumber them, and a
    /// migration that rebuilds a table renumbers them and drops its triggers.
    /// </summary>
    public static IEnumerable<string> EnsureStatements()
    {
        foreach (var (index, table, columns) in Indexes)
        {
            var names = string.Join(", ", columns.Select(c => $"\"{c}\""));
            var news = string.Join(", ", columns.Select(c => $"new.\"{c}\""));
            var olds = string.Join(", ", columns.Select(c => $"old.\"{c}\""));
            yield return $"""CREATE VIRTUAL TABLE IF NOT EXISTS "{index}" USING fts5({names}, content='{table}', tokenize='trigram');""";
            yield return $"""
                CREATE TRIGGER IF NOT EXISTS "{index}_insert" AFTER INSERT ON "{table}" BEGIN
                    INSERT INTO "{index}"(rowid, {names}) VALUES (new.rowid, {news});
                END;
                """;
            yield return $"""
                CREATE TRIGGER IF NOT EXISTS "{index}_delete" AFTER DELETE ON "{table}" BEGIN
                    INSERT INTO "{index}"("{index}", rowid, {names}) VALUES ('delete', old.rowid, {olds});
                END;
                """;
            yield return $"""
                CREATE TRIGGER IF NOT EXISTS "{index}_update" AFTER UPDATE OF {names} ON "{table}" BEGIN
                    INSERT INTO "{index}"("{index}", rowid, {names}) VALUES ('delete', old.rowid, {olds});
                    INSERT INTO "{index}"(rowid, {names}) VALUES (new.rowid, {news});
                END;
                """;
            yield return $"""INSERT INTO "{index}"("{index}") VALUES ('rebuild');""";
        }
    }

    public static IEnumerable<string> DropStatements()
    {
        foreach (var (index, _, _) in Indexes)
        {
            foreach (var trigger in new[] { "insert", "delete", "update" }) yield return $"""DROP TRIGGER IF EXISTS "{index}_{trigger}";""";
            yield return $"""DROP TABLE IF EXISTS "{index}";""";
        }
    }

    /// <summary>
    /// The Ids of the rows of <paramref name="index"/>'s table that match the FTS5 <paramref name="query"/>, as a query to
    /// compose with (it runs inside the outer query, which keeps its tenant filter).
    /// </summary>
    public static IQueryable<Guid> MatchingIds(DbContext db, string index, string query)
    {
        // Only our own index and table names go into the text (TableOf refuses others); the query is a parameter.
        var sql = $"SELECT t.\"Id\" AS \"Value\" FROM \"{index}\" JOIN \"{TableOf(index)}\" AS t ON t.rowid = \"{index}\".rowid WHERE \"{index}\" MATCH {{0}}";
        return db.Database.SqlQueryRaw<Guid>(sql, query);
    }

    /// <summary>
    /// How many rows of <paramref name="index"/> match the FTS5 <paramref name="query"/> (all organisations), counting
    /// no further than <paramref name="limit"/>: enough to choose a plan without paying for every hit of a common term.
    /// </summary>
    public static Task<int> CountAsync(DbContext db, string index, string query, int limit, CancellationToken cancellationToken)
    {
        _ = TableOf(index); // refuses anything but our own indexes
        var sql = $"SELECT count(*) AS \"Value\" FROM (SELECT rowid FROM \"{index}\" WHERE \"{index}\" MATCH {{0}} LIMIT {{1}})";
        return db.Database.SqlQueryRaw<int>(sql, query, limit).SingleAsync(cancellationToken);
    }

    private static string TableOf(string index) => Indexes.Single(i => i.Index == index).Table;

    /// <summary>On SQLite, makes sure the indexes and their triggers exist and match their tables (see <see cref="EnsureStatements"/>).</summary>
    public static async Task EnsureAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsSqlite()) return;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var statement in EnsureStatements()) await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
