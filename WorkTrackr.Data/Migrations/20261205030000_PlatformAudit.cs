using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WorkTrackr.Data.Migrations;

/// <summary>The platform's own audit log: changes to organisations, plans, resellers, links and payouts.</summary>
[DbContext(typeof(WorkTrackrDbContext))]
[Migration("20261205030000_PlatformAudit")]
public partial class PlatformAudit : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "PlatformAuditEntries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: true),
                At = table.Column<DateTime>(nullable: false),
                EntityType = table.Column<string>(maxLength: 100, nullable: false),
                EntityId = table.Column<string>(maxLength: 64, nullable: false),
                OrganisationId = table.Column<Guid>(nullable: true),
                Action = table.Column<int>(nullable: false),
                OldValues = table.Column<string>(nullable: true),
                NewValues = table.Column<string>(nullable: true),
                IpAddress = table.Column<string>(maxLength: 45, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_PlatformAuditEntries", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_PlatformAuditEntries_At", table: "PlatformAuditEntries", column: "At");
        migrationBuilder.CreateIndex(name: "IX_PlatformAuditEntries_EntityType_EntityId_At", table: "PlatformAuditEntries", columns: ["EntityType", "EntityId", "At"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "PlatformAuditEntries");
}
