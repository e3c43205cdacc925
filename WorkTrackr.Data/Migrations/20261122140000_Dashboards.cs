using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WorkTrackr.Data.Migrations;

/// <summary>
/// What the manager dashboard needs: each organisation's change counter (polled to refresh open dashboards), each
/// person's weekly capacity, and indexes for resolutions per week and payments per month.
/// </summary>
[DbContext(typeof(WorkTrackrDbContext))]
[Migration("20261122140000_Dashboards")]
public partial class Dashboards : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "DataChangeStamps",
            columns: table => new
            {
                OrganisationId = table.Column<Guid>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DataChangeStamps", x => x.OrganisationId);
                table.ForeignKey("FK_DataChangeStamps_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.AddColumn<int>(name: "WeeklyCapacityHours", table: "AspNetUsers", nullable: false, defaultValue: 40);

        migrationBuilder.CreateIndex(name: "IX_Tickets_OrganisationId_ResolvedAt", table: "Tickets", columns: ["OrganisationId", "ResolvedAt"]);
        migrationBuilder.CreateIndex(name: "IX_Invoices_OrganisationId_PaidOn", table: "Invoices", columns: ["OrganisationId", "PaidOn"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Invoices_OrganisationId_PaidOn", table: "Invoices");
        migrationBuilder.DropIndex(name: "IX_Tickets_OrganisationId_ResolvedAt", table: "Tickets");
        // EF's SQLite generator would rebuild the table from a target model, which hand-written migrations lack.
        if (migrationBuilder.IsSqlite())
            migrationBuilder.Sql("ALTER TABLE \"AspNetUsers\" DROP COLUMN \"WeeklyCapacityHours\";");
        else
            migrationBuilder.DropColumn(name: "WeeklyCapacityHours", table: "AspNetUsers");
        migrationBuilder.DropTable(name: "DataChangeStamps");
    }
}
