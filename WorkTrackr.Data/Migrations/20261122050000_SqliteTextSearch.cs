using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using WorkTrackr.Data.Common;

namespace WorkTrackr.Data.Migrations;

/// <summary>
/// SQLite only: FTS5 trigram indexes over ticket numbers and titles and contact names, the SQLite counterpart of the
/// PostgreSQL trigram indexes, so a text search reads an index instead of every row. They are external-content tables
/// (the text stays in Tickets and Contacts) kept in step by triggers. EF cannot model virtual tables, so they live in
/// migrations only; their names start with <see cref="TextSearch.Prefix"/>.
/// </summary>
[DbContext(typeof(WorkTrackrDbContext))]
[Migration("20261122050000_SqliteTextSearch")]
public partial class SqliteTextSearch : Migration
{
    private static readonly (string Index, string Table, string[] Columns)[] Indexes =
    [
        (TextSearch.Tickets, "Tickets", ["Number", "Title"]),
        (TextSearch.Contacts, "Contacts", ["Name"]),
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsSqlite()) return;
        foreach (var (index, table, columns) in Indexes)
        {
            var names = string.Join(", ", columns.Select(c => $"\"{c}\""));
            var news = string.Join(", ", columns.Select(c => $"new.\"{c}\""));
            var olds = string.Join(", ", columns.Select(c => $"old.\"{c}\""));
            migrationBuilder.Sql($"""
                CREATE VIRTUAL TABLE "{index}" USING fts5({names}, content='{table}', tokenize='trigram');
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "{index}_insert" AFTER INSERT ON "{table}" BEGIN
                    INSERT INTO "{index}"(rowid, {names}) VALUES (new.rowid, {news});
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "{index}_delete" AFTER DELETE ON "{table}" BEGIN
                    INSERT INTO "{index}"("{index}", rowid, {names}) VALUES ('delete', old.rowid, {olds});
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "{index}_update" AFTER UPDATE OF {names} ON "{table}" BEGIN
                    INSERT INTO "{index}"("{index}", rowid, {names}) VALUES ('delete', old.rowid, {olds});
                    INSERT INTO "{index}"(rowid, {names}) VALUES (new.rowid, {news});
                END;
                """);
            migrationBuilder.Sql($"""INSERT INTO "{index}"("{index}") VALUES ('rebuild');""");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsSqlite()) return;
        foreach (var (index, _, _) in Indexes)
        {
            foreach (var trigger in new[] { "insert", "delete", "update" })
                migrationBuilder.Sql($"""DROP TRIGGER "{index}_{trigger}";""");
            migrationBuilder.Sql($"""DROP TABLE "{index}";""");
        }
    }
}
