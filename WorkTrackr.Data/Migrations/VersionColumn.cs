using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WorkTrackr.Data.Migrations;

/// <summary>Adding (and dropping) the concurrency <c>Version</c> column on a table that already has rows.</summary>
internal static class VersionColumn
{
    public static void Add(MigrationBuilder migrationBuilder, string table)
    {
        migrationBuilder.AddColumn<Guid>(name: "Version", table: table, nullable: false, defaultValue: Guid.Empty);
        // Existing rows get a version of their own, as saves would have given them; the interceptor renews it from here on.
        migrationBuilder.Sql($"UPDATE \"{table}\" SET \"Version\" = {NewGuid(migrationBuilder)};");
    }

    /// <summary>SQL for a fresh random Guid as the provider stores one (EF keeps a Guid on SQLite as upper-case text).</summary>
    public static string NewGuid(MigrationBuilder migrationBuilder) => migrationBuilder.IsNpgsql()
        ? "gen_random_uuid()"
        : "(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6)))";

    public static void Drop(MigrationBuilder migrationBuilder, string table)
    {
        // EF's SQLite generator would rebuild the table from a target model, which hand-written migrations lack.
        if (migrationBuilder.IsSqlite())
            migrationBuilder.Sql($"ALTER TABLE \"{table}\" DROP COLUMN \"Version\";");
        else
            migrationBuilder.DropColumn(name: "Version", table: table);
    }
}
