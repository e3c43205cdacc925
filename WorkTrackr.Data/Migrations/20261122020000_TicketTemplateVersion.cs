using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WorkTrackr.Data.Migrations;

/// <summary>A concurrency version on ticket templates, now that admins edit them in the designer.</summary>
[DbContext(typeof(WorkTrackrDbContext))]
[Migration("20261122020000_TicketTemplateVersion")]
public partial class TicketTemplateVersion : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>(name: "Version", table: "TicketTemplates", nullable: false, defaultValue: Guid.Empty);
        // Existing rows get a version of their own, as saves would have given them; the interceptor renews it from here on.
        // EF stores a Guid on SQLite as upper-case text in the 8-4-4-4-12 form.
        if (migrationBuilder.IsNpgsql())
            migrationBuilder.Sql("UPDATE \"TicketTemplates\" SET \"Version\" = gen_random_uuid();");
        else
            migrationBuilder.Sql("UPDATE \"TicketTemplates\" SET \"Version\" = hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6));");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsSqlite())
            migrationBuilder.Sql("ALTER TABLE \"TicketTemplates\" DROP COLUMN \"Version\";");
        else
            migrationBuilder.DropColumn(name: "Version", table: "TicketTemplates");
    }
}
