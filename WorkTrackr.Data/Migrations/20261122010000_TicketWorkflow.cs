using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WorkTrackr.Data.Migrations;

/// <summary>
/// Ticket workflow: SLA due times and milestones on tickets, the activity timeline, per-organisation SLA targets and
/// number sequences, and the indexes the ticket list sorts and filters by. Hand-written and provider-neutral.
/// </summary>
[DbContext(typeof(WorkTrackrDbContext))]
[Migration("20261122010000_TicketWorkflow")]
public partial class TicketWorkflow : Migration
{
    private static readonly string[] TicketColumns = ["CreatedByUserId", "ResponseDueAt", "ResolutionDueAt", "FirstRespondedAt", "ResolvedAt"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>(name: "CreatedByUserId", table: "Tickets", nullable: true);
        foreach (var column in TicketColumns.Skip(1))
            migrationBuilder.AddColumn<DateTime>(name: column, table: "Tickets", nullable: true);

        migrationBuilder.CreateIndex(
            name: "IX_Tickets_OrganisationId_Status_ResolutionDueAt",
            table: "Tickets",
            columns: ["OrganisationId", "Status", "ResolutionDueAt"]);
        migrationBuilder.CreateIndex(
            name: "IX_Tickets_OrganisationId_AssignedUserId_Status",
            table: "Tickets",
            columns: ["OrganisationId", "AssignedUserId", "Status"]);

        migrationBuilder.CreateTable(
            name: "TicketActivities",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                TicketId = table.Column<Guid>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
                UserId = table.Column<Guid>(nullable: true),
                Kind = table.Column<int>(nullable: false),
                FromValue = table.Column<string>(maxLength: 200, nullable: true),
                ToValue = table.Column<string>(maxLength: 200, nullable: true),
                Text = table.Column<string>(maxLength: 4000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TicketActivities", x => x.Id);
                table.ForeignKey(
                    name: "FK_TicketActivities_Organisations_OrganisationId",
                    column: x => x.OrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_TicketActivities_Tickets_TicketId",
                    column: x => x.TicketId,
                    principalTable: "Tickets",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_TicketActivities_OrganisationId", table: "TicketActivities", column: "OrganisationId");
        migrationBuilder.CreateIndex(name: "IX_TicketActivities_TicketId_At", table: "TicketActivities", columns: ["TicketId", "At"]);

        migrationBuilder.CreateTable(
            name: "SlaTargets",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Priority = table.Column<int>(nullable: false),
                ResponseMinutes = table.Column<int>(nullable: false),
                ResolutionMinutes = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SlaTargets", x => x.Id);
                table.ForeignKey(
                    name: "FK_SlaTargets_Organisations_OrganisationId",
                    column: x => x.OrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.CheckConstraint("CK_SlaTargets_Response", "\"ResponseMinutes\" > 0");
                table.CheckConstraint("CK_SlaTargets_Resolution", "\"ResolutionMinutes\" >= \"ResponseMinutes\"");
            });
        migrationBuilder.CreateIndex(name: "IX_SlaTargets_OrganisationId_Priority", table: "SlaTargets", columns: ["OrganisationId", "Priority"], unique: true);

        migrationBuilder.CreateTable(
            name: "NumberSequences",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 30, nullable: false),
                LastValue = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_NumberSequences", x => x.Id);
                table.ForeignKey(
                    name: "FK_NumberSequences_Organisations_OrganisationId",
                    column: x => x.OrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_NumberSequences_OrganisationId_Name", table: "NumberSequences", columns: ["OrganisationId", "Name"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "NumberSequences");
        migrationBuilder.DropTable(name: "SlaTargets");
        migrationBuilder.DropTable(name: "TicketActivities");
        migrationBuilder.DropIndex(name: "IX_Tickets_OrganisationId_AssignedUserId_Status", table: "Tickets");
        migrationBuilder.DropIndex(name: "IX_Tickets_OrganisationId_Status_ResolutionDueAt", table: "Tickets");
        foreach (var column in TicketColumns.Reverse())
        {
            // EF's SQLite generator would rebuild the table from a target model, which hand-written migrations lack;
            // SQLite 3.35+ drops an unindexed column by itself.
            if (migrationBuilder.IsSqlite())
                migrationBuilder.Sql($"ALTER TABLE \"Tickets\" DROP COLUMN \"{column}\";");
            else
                migrationBuilder.DropColumn(name: column, table: "Tickets");
        }
    }
}
