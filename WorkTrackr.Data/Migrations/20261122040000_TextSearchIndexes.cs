using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WorkTrackr.Data.Migrations;

/// <summary>
/// PostgreSQL only: trigram indexes for the ticket list's text search over numbers, titles and contact names. pg_trgm
/// ships with PostgreSQL and is a trusted extension, so the database owner may create it.
/// </summary>
[DbContext(typeof(WorkTrackrDbContext))]
[Migration("20261122040000_TextSearchIndexes")]
public partial class TextSearchIndexes : Migration
{
    private static readonly (string Name, string Table, string Column)[] Indexes =
    [
        ("IX_Tickets_Number_Trigram", "Tickets", "Number"),
        ("IX_Tickets_Title_Trigram", "Tickets", "Title"),
        ("IX_Contacts_Name_Trigram", "Contacts", "Name"),
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsNpgsql()) return;
        migrationBuilder.AlterDatabase().Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        foreach (var (name, table, column) in Indexes)
        {
            migrationBuilder.CreateIndex(name: name, table: table, column: column)
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsNpgsql()) return;
        foreach (var (name, table, _) in Indexes) migrationBuilder.DropIndex(name: name, table: table);
        migrationBuilder.AlterDatabase().OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
    }
}
