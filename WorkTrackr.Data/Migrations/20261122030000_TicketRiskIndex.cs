using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WorkTrackr.Data.Migrations;

/// <summary>The index the ticket list pages its default "at risk" order along, nearest resolution due first.</summary>
[DbContext(typeof(WorkTrackrDbContext))]
[Migration("20261122030000_TicketRiskIndex")]
public partial class TicketRiskIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex(
            name: "IX_Tickets_OrganisationId_ResolutionDueAt_Id",
            table: "Tickets",
            columns: ["OrganisationId", "ResolutionDueAt", "Id"]);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex(name: "IX_Tickets_OrganisationId_ResolutionDueAt_Id", table: "Tickets");
}
