using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using WorkTrackr.Data.Common;

namespace WorkTrackr.Data.Migrations;

/// <summary>
/// SQLite only: FTS5 trigram indexes over ticket numbers and titles and contact names, the SQLite counterpart of the
/// PostgreSQL trigram indexes, so a text search reads an index instead of every row (see <see cref="TextSearch"/>,
/// which start-up also runs, to repair what VACUUM or a table rebuild would leave behind).
/// </summary>
[DbContext(typeof(WorkTrackrDbContext))]
[Migration("20261122050000_SqliteTextSearch")]
public partial class SqliteTextSearch : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsSqlite()) return;
        foreach (var statement in TextSearch.EnsureStatements()) migrationBuilder.Sql(statement);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsSqlite()) return;
        foreach (var statement in TextSearch.DropStatements()) migrationBuilder.Sql(statement);
    }
}
