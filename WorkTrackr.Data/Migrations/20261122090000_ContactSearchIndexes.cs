using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using WorkTrackr.Data.Common;

namespace WorkTrackr.Data.Migrations;

/// <summary>
/// Contact search by email and phone from an index too: PostgreSQL trigram indexes on both; on SQLite the contacts'
/// full-text index is rebuilt with the two columns beside the name.
/// </summary>
[DbContext(typeof(WorkTrackrDbContext))]
[Migration("20261122090000_ContactSearchIndexes")]
public partial class ContactSearchIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsNpgsql())
        {
            foreach (var column in new[] { "Email", "Phone" })
            {
                migrationBuilder.CreateIndex(name: $"IX_Contacts_{column}_Trigram", table: "Contacts", column: column)
                    .Annotation("Npgsql:IndexMethod", "gin")
                    .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
            }

            return;
        }
        foreach (var trigger in new[] { "insert", "delete", "update" })
            migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{TextSearch.Contacts}_{trigger}";""");
        migrationBuilder.Sql($"""DROP TABLE IF EXISTS "{TextSearch.Contacts}";""");
        foreach (var statement in TextSearch.EnsureStatements()) migrationBuilder.Sql(statement);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsNpgsql())
        {
            migrationBuilder.DropIndex(name: "IX_Contacts_Email_Trigram", table: "Contacts");
            migrationBuilder.DropIndex(name: "IX_Contacts_Phone_Trigram", table: "Contacts");
        }
        // SQLite keeps the wider full-text index: it answers name searches as before.
    }
}
