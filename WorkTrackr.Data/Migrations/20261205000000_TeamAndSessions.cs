using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WorkTrackr.Data.Migrations;

/// <summary>
/// The team: invitations to join an organisation, each person's sign-in history, and their signed-in browsers
/// (sessions), which can be ended from another one.
/// </summary>
[DbContext(typeof(WorkTrackrDbContext))]
[Migration("20261205000000_TeamAndSessions")]
public partial class TeamAndSessions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "TeamInvitations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Email = table.Column<string>(maxLength: 256, nullable: false),
                Role = table.Column<string>(maxLength: 50, nullable: false),
                TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: false),
                SentAt = table.Column<DateTime>(nullable: false),
                InvitedById = table.Column<Guid>(nullable: true),
                AcceptedAt = table.Column<DateTime>(nullable: true),
                AcceptedUserId = table.Column<Guid>(nullable: true),
                RevokedAt = table.Column<DateTime>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TeamInvitations", x => x.Id);
                table.ForeignKey(
                    name: "FK_TeamInvitations_Organisations_OrganisationId",
                    column: x => x.OrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_TeamInvitations_TokenHash", table: "TeamInvitations", column: "TokenHash", unique: true);
        migrationBuilder.CreateIndex(name: "IX_TeamInvitations_OrganisationId_Email", table: "TeamInvitations", columns: ["OrganisationId", "Email"]);

        migrationBuilder.CreateTable(
            name: "SignInEvents",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: true),
                OrganisationId = table.Column<Guid>(nullable: true),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                Kind = table.Column<int>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
                IpAddress = table.Column<string>(maxLength: 45, nullable: true),
                UserAgent = table.Column<string>(maxLength: 300, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SignInEvents", x => x.Id);
                table.ForeignKey(
                    name: "FK_SignInEvents_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_SignInEvents_UserId_At", table: "SignInEvents", columns: ["UserId", "At"]);
        migrationBuilder.CreateIndex(name: "IX_SignInEvents_OrganisationId_At", table: "SignInEvents", columns: ["OrganisationId", "At"]);

        migrationBuilder.CreateTable(
            name: "UserSessions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                StartedAt = table.Column<DateTime>(nullable: false),
                LastSeenAt = table.Column<DateTime>(nullable: false),
                IpAddress = table.Column<string>(maxLength: 45, nullable: true),
                UserAgent = table.Column<string>(maxLength: 300, nullable: true),
                EndedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_UserSessions", x => x.Id);
                table.ForeignKey(
                    name: "FK_UserSessions_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_UserSessions_UserId_EndedAt", table: "UserSessions", columns: ["UserId", "EndedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "UserSessions");
        migrationBuilder.DropTable(name: "SignInEvents");
        migrationBuilder.DropTable(name: "TeamInvitations");
    }
}
