using System.Data.Common;
using System.Text;

namespace WorkTrackr.Tests.Infrastructure;

/// <summary>
/// A database schema read back from the catalogue as sorted, comparable lines: tables, columns (store type,
/// nullability, default, identity), primary keys, indexes, foreign keys and check constraints.
/// EF's own bookkeeping tables are left out, and so are SQLite's full-text indexes (virtual tables EF cannot model,
/// which migrations create beside the model; TicketSearchTests cover them).
/// </summary>
public sealed class SchemaSnapshot
{
    private static readonly HashSet<string> IgnoredTables = new(StringComparer.Ordinal)
    {
        "__EFMigrationsHistory",
        "__EFMigrationsLock",
    };

    private SchemaSnapshot(IEnumerable<string> lines) =>
        Lines = lines.Distinct().Order(StringComparer.Ordinal).ToList();

    public IReadOnlyList<string> Lines { get; }

    public static async Task<SchemaSnapshot> ReadAsync(DbContext context)
    {
        var connection = context.Database.GetDbConnection();
        var wasOpen = connection.State == System.Data.ConnectionState.Open;
        if (!wasOpen) await connection.OpenAsync();
        try
        {
            return context.Database.ProviderName switch
            {
                "Microsoft.EntityFrameworkCore.Sqlite" => await ReadSqliteAsync(connection),
                "Npgsql.EntityFrameworkCore.PostgreSQL" => await ReadPostgresAsync(connection),
                var other => throw new NotSupportedException($"No schema reader for provider {other}."),
            };
        }
        finally
        {
            if (!wasOpen) await connection.CloseAsync();
        }
    }

    /// <summary>Lines of <paramref name="migrated"/> and <paramref name="model"/> that the other lacks.</summary>
    public static SchemaDiff Compare(SchemaSnapshot migrated, SchemaSnapshot model) => new(
        OnlyInMigrations: migrated.Lines.Except(model.Lines, StringComparer.Ordinal).ToList(),
        MissingFromMigrations: model.Lines.Except(migrated.Lines, StringComparer.Ordinal).ToList());

    public override string ToString() => string.Join('\n', Lines);

    private static async Task<SchemaSnapshot> ReadSqliteAsync(DbConnection connection)
    {
        var lines = new List<string>();
        var tables = await QueryAsync(connection,
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
        foreach (var table in tables)
        {
            var name = (string)table[0]!;
            if (IgnoredTables.Contains(name) || name.StartsWith(WorkTrackr.Data.Common.TextSearch.Prefix, StringComparison.Ordinal)) continue;
            var sql = (string)table[1]!;
            lines.Add($"table {name}");

            var columns = await QueryAsync(connection,
                "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info($name) ORDER BY cid", name);
            // Only a lone INTEGER PRIMARY KEY can be AUTOINCREMENT, and the keyword survives only in the table's SQL.
            var autoincrement = sql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase);
            foreach (var column in columns)
            {
                var isAutoincrementKey = autoincrement && Convert.ToInt64(column[4], CultureInfo.InvariantCulture) == 1;
                lines.Add(ColumnLine(name, (string)column[0]!, (string)column[1]!, Convert.ToInt64(column[2], CultureInfo.InvariantCulture) == 1,
                    column[3] as string, isAutoincrementKey ? "autoincrement" : null));
            }
            var keyColumns = columns.Where(c => Convert.ToInt64(c[4], CultureInfo.InvariantCulture) > 0)
                .OrderBy(c => Convert.ToInt64(c[4], CultureInfo.InvariantCulture)).Select(c => (string)c[0]!).ToList();
            if (keyColumns.Count > 0) lines.Add($"primary key {name} ({string.Join(", ", keyColumns)})");

            var indexes = await QueryAsync(connection,
                "SELECT name, \"unique\", origin, partial FROM pragma_index_list($name)", name);
            foreach (var index in indexes)
            {
                if ((string)index[2]! == "pk") continue;
                var indexName = (string)index[0]!;
                var indexColumns = await QueryAsync(connection,
                    "SELECT name FROM pragma_index_info($name) ORDER BY seqno", indexName);
                lines.Add(IndexLine(name, indexName, indexColumns.Select(c => (string?)c[0] ?? "(expression)"),
                    Convert.ToInt64(index[1], CultureInfo.InvariantCulture) == 1, Convert.ToInt64(index[3], CultureInfo.InvariantCulture) == 1 ? "partial" : null));
            }

            var foreignKeys = await QueryAsync(connection,
                "SELECT id, seq, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list($name) ORDER BY id, seq",
                name);
            foreach (var foreignKey in foreignKeys.GroupBy(f => Convert.ToInt64(f[0], CultureInfo.InvariantCulture)))
            {
                lines.Add(ForeignKeyLine(name, name: null,
                    foreignKey.Select(f => (string)f[3]!), (string)foreignKey.First()[2]!,
                    foreignKey.Select(f => (string?)f[4] ?? "(primary key)"), (string)foreignKey.First()[5]!));
            }

            foreach (var (checkName, expression) in SqliteCheckConstraints(sql))
                lines.Add(CheckLine(name, checkName, expression));
        }
        return new SchemaSnapshot(lines);
    }

    /// <summary>SQLite has no catalogue of check constraints; EF writes them as <c>CONSTRAINT "name" CHECK (expr)</c>.</summary>
    private static IEnumerable<(string Name, string Expression)> SqliteCheckConstraints(string tableSql)
    {
        const string marker = "CONSTRAINT \"";
        var position = 0;
        while ((position = tableSql.IndexOf(marker, position, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var nameStart = position + marker.Length;
            var nameEnd = tableSql.IndexOf('"', nameStart);
            position = nameEnd;
            if (nameEnd < 0) yield break;
            var rest = tableSql.AsSpan(nameEnd + 1).TrimStart();
            if (!rest.StartsWith("CHECK", StringComparison.OrdinalIgnoreCase)) continue;
            var open = tableSql.IndexOf('(', nameEnd);
            var depth = 0;
            for (var i = open; i < tableSql.Length; i++)
            {
                if (tableSql[i] == '(')
                {
                    depth++;
                }
                else if (tableSql[i] == ')' && --depth == 0)
                {
                    yield return (tableSql[nameStart..nameEnd], tableSql[(open + 1)..i]);
                    position = i;
                    break;
                }
            }
        }
    }

    private static async Task<SchemaSnapshot> ReadPostgresAsync(DbConnection connection)
    {
        var lines = new List<string>();
        const string userTables = """
            SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
            """;

        foreach (var table in await QueryAsync(connection,
                     "SELECT table_name FROM information_schema.tables " +
                     "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"))
        {
            var name = (string)table[0]!;
            if (!IgnoredTables.Contains(name)) lines.Add($"table {name}");
        }

        foreach (var column in await QueryAsync(connection, $"""
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   pg_get_expr(d.adbin, d.adrelid), a.attidentity::text, a.attgenerated::text
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE a.attrelid IN ({userTables}) AND a.attnum > 0 AND NOT a.attisdropped
            """))
        {
            if (IgnoredTables.Contains((string)column[0]!)) continue;
            var extra = (string)column[5]! switch
            {
                "a" => "identity always",
                "d" => "identity by default",
                _ => (string)column[6]! == "s" ? "generated stored" : null,
            };
            lines.Add(ColumnLine((string)column[0]!, (string)column[1]!, (string)column[2]!, (bool)column[3]!,
                column[4] as string, extra));
        }

        foreach (var index in await QueryAsync(connection, $"""
            SELECT t.relname, i.relname, x.indisunique, x.indisprimary,
                   ARRAY(SELECT pg_get_indexdef(x.indexrelid, k, true) FROM generate_series(1, x.indnatts) k ORDER BY k),
                   pg_get_expr(x.indpred, x.indrelid), am.amname
            FROM pg_index x
            JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_am am ON am.oid = i.relam
            WHERE x.indrelid IN ({userTables})
            """))
        {
            var table = (string)index[0]!;
            if (IgnoredTables.Contains(table)) continue;
            var columns = ((string[])index[4]!).Select(c => c.Trim('"'));
            if ((bool)index[3]!)
            {
                lines.Add($"primary key {table} ({string.Join(", ", columns)}) named {index[1]}");
                continue;
            }
            var details = string.Join(", ", new[]
            {
                (string)index[6]! == "btree" ? null : (string)index[6]!,
                index[5] is string filter ? $"where {filter}" : null,
            }.OfType<string>());
            lines.Add(IndexLine(table, (string)index[1]!, columns, (bool)index[2]!, details.Length > 0 ? details : null));
        }

        foreach (var constraint in await QueryAsync(connection, $"""
            SELECT t.relname, con.conname, con.contype::text,
                   ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
                         JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord),
                   p.relname,
                   ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
                         JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord),
                   con.confdeltype::text, pg_get_constraintdef(con.oid, true)
            FROM pg_constraint con
            JOIN pg_class t ON t.oid = con.conrelid
            LEFT JOIN pg_class p ON p.oid = con.confrelid
            WHERE con.conrelid IN ({userTables}) AND con.contype IN ('f', 'c', 'u', 'x')
            """))
        {
            var table = (string)constraint[0]!;
            if (IgnoredTables.Contains(table)) continue;
            var name = (string)constraint[1]!;
            switch ((string)constraint[2]!)
            {
                case "f":
                    lines.Add(ForeignKeyLine(table, name, (string[])constraint[3]!, (string)constraint[4]!,
                        (string[])constraint[5]!, (string)constraint[6]! switch
                        {
                            "a" => "NO ACTION",
                            "r" => "RESTRICT",
                            "c" => "CASCADE",
                            "n" => "SET NULL",
                            "d" => "SET DEFAULT",
                            var other => other,
                        }));
                    break;
                case "c":
                    var definition = (string)constraint[7]!;
                    lines.Add(CheckLine(table, name, definition.StartsWith("CHECK ", StringComparison.Ordinal)
                        ? definition["CHECK ".Length..] : definition));
                    break;
                default:
                    lines.Add($"constraint {table}.{name} {constraint[7]}");
                    break;
            }
        }
        return new SchemaSnapshot(lines);
    }

    private static string ColumnLine(string table, string column, string type, bool notNull, string? defaultValue, string? extra)
    {
        var facets = new List<string> { type, notNull ? "not null" : "null" };
        if (defaultValue is not null) facets.Add($"default {defaultValue}");
        if (extra is not null) facets.Add(extra);
        return $"column {table}.{column} ({string.Join(", ", facets)})";
    }

    private static string IndexLine(string table, string name, IEnumerable<string> columns, bool unique, string? details) =>
        $"{(unique ? "unique index" : "index")} {table}.{name} ({string.Join(", ", columns)})" +
        (details is null ? "" : $" {details}");

    private static string ForeignKeyLine(string table, string? name, IEnumerable<string> columns, string principalTable,
        IEnumerable<string> principalColumns, string onDelete) =>
        $"foreign key {table} ({string.Join(", ", columns)}) -> {principalTable} ({string.Join(", ", principalColumns)})" +
        $" on delete {onDelete}" + (name is null ? "" : $" named {name}");

    private static string CheckLine(string table, string name, string expression) =>
        $"check {table}.{name} {expression.Trim()}";

    /// <param name="name">Bound to <c>$name</c> in <paramref name="sql"/>.</param>
    private static async Task<List<object?[]>> QueryAsync(DbConnection connection, string sql, string? name = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (name is not null)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "$name";
            parameter.Value = name;
            command.Parameters.Add(parameter);
        }
        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }
}

/// <summary>What a migrated schema has that the model's lacks, and the other way round.</summary>
public sealed record SchemaDiff(IReadOnlyList<string> OnlyInMigrations, IReadOnlyList<string> MissingFromMigrations)
{
    public bool IsEmpty => OnlyInMigrations.Count == 0 && MissingFromMigrations.Count == 0;

    public override string ToString()
    {
        if (IsEmpty) return "The migrated schema matches the model.";
        var text = new StringBuilder("The migrations do not give the schema the model gives (add or fix a migration):\n");
        foreach (var line in MissingFromMigrations) text.Append("  missing from migrations: ").AppendLine(line);
        foreach (var line in OnlyInMigrations) text.Append("  only in migrations:      ").AppendLine(line);
        return text.ToString();
    }
}
