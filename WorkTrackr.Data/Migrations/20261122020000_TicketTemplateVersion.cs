using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WorkTrackr.Data.Migrations;

/// <summary>A concurrency version on ticket templates, now that admins edit them in the designer.</summary>
[DbContext(typeof(WorkTrackrDbContext))]
[Migration("20261122020000_TicketTemplateVersion")]
public partial class TicketTemplateVersion : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => VersionColumn.Add(migrationBuilder, "TicketTemplates");

    protected override void Down(MigrationBuilder migrationBuilder) => VersionColumn.Drop(migrationBuilder, "TicketTemplates");
}
