using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WorkTrackr.Data.Migrations;

/// <summary>
/// Renewal reminders (each organisation's thresholds and recipients, contact owners, one row per reminder given),
/// in-app notifications, the email queue, and the record of job runs.
/// </summary>
[DbContext(typeof(WorkTrackrDbContext))]
[Migration("20261122120000_RemindersAndEmail")]
public partial class RemindersAndEmail : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "ReminderDays", table: "Organisations", maxLength: 50, nullable: false, defaultValue: "30,14,7,1");
        migrationBuilder.AddColumn<int>(name: "ReminderRecipients", table: "Organisations", nullable: false, defaultValue: 0);

        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql("ALTER TABLE \"Contacts\" ADD COLUMN \"OwnerUserId\" TEXT NULL CONSTRAINT \"FK_Contacts_AspNetUsers_OwnerUserId\" REFERENCES \"AspNetUsers\" (\"Id\") ON DELETE SET NULL;");
        }
        else
        {
            migrationBuilder.AddColumn<Guid>(name: "OwnerUserId", table: "Contacts", nullable: true);
            migrationBuilder.AddForeignKey(name: "FK_Contacts_AspNetUsers_OwnerUserId", table: "Contacts", column: "OwnerUserId",
                principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.SetNull);
        }
        migrationBuilder.CreateIndex(name: "IX_Contacts_OwnerUserId", table: "Contacts", column: "OwnerUserId");

        migrationBuilder.CreateTable(
            name: "RenewalReminders",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                CustomerServiceId = table.Column<Guid>(nullable: false),
                RenewalDate = table.Column<DateOnly>(nullable: false),
                DaysBefore = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RenewalReminders", x => x.Id);
                table.ForeignKey("FK_RenewalReminders_CustomerServices_CustomerServiceId", x => x.CustomerServiceId, "CustomerServices", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_RenewalReminders_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_RenewalReminders_CustomerServiceId_RenewalDate_DaysBefore", table: "RenewalReminders",
            columns: ["CustomerServiceId", "RenewalDate", "DaysBefore"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_RenewalReminders_OrganisationId_RenewalDate", table: "RenewalReminders", columns: ["OrganisationId", "RenewalDate"]);

        migrationBuilder.CreateTable(
            name: "Notifications",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Body = table.Column<string>(maxLength: 500, nullable: true),
                Link = table.Column<string>(maxLength: 300, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ReadAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Notifications", x => x.Id);
                table.ForeignKey("FK_Notifications_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Notifications_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_Notifications_OrganisationId", table: "Notifications", column: "OrganisationId");
        migrationBuilder.CreateIndex(name: "IX_Notifications_UserId_ReadAt_CreatedAt", table: "Notifications", columns: ["UserId", "ReadAt", "CreatedAt"]);

        migrationBuilder.CreateTable(
            name: "EmailMessages",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: true),
                To = table.Column<string>(maxLength: 256, nullable: false),
                Subject = table.Column<string>(maxLength: 200, nullable: false),
                HtmlBody = table.Column<string>(nullable: false),
                State = table.Column<int>(nullable: false),
                Attempts = table.Column<int>(nullable: false),
                NextAttemptAt = table.Column<DateTime>(nullable: false),
                LeaseUntil = table.Column<DateTime>(nullable: true),
                LastError = table.Column<string>(maxLength: 2000, nullable: true),
                CompletedAt = table.Column<DateTime>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_EmailMessages", x => x.Id);
                table.ForeignKey("FK_EmailMessages_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_EmailMessages_State_NextAttemptAt", table: "EmailMessages", columns: ["State", "NextAttemptAt"]);
        migrationBuilder.CreateIndex(name: "IX_EmailMessages_OrganisationId_CreatedAt", table: "EmailMessages", columns: ["OrganisationId", "CreatedAt"]);

        migrationBuilder.CreateTable(
            name: "JobRuns",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Job = table.Column<string>(maxLength: 30, nullable: false),
                StartedAt = table.Column<DateTime>(nullable: false),
                DurationMs = table.Column<int>(nullable: false),
                Succeeded = table.Column<bool>(nullable: false),
                Processed = table.Column<int>(nullable: false),
                Error = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_JobRuns", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_JobRuns_StartedAt", table: "JobRuns", column: "StartedAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "JobRuns");
        migrationBuilder.DropTable(name: "EmailMessages");
        migrationBuilder.DropTable(name: "Notifications");
        migrationBuilder.DropTable(name: "RenewalReminders");
        migrationBuilder.DropIndex(name: "IX_Contacts_OwnerUserId", table: "Contacts");
        if (migrationBuilder.IsSqlite())
        {
            // SQLite drops a column with a foreign key only by rebuilding the table: OwnerUserId stays until Contacts goes.
            migrationBuilder.Sql("ALTER TABLE \"Organisations\" DROP COLUMN \"ReminderRecipients\";");
            migrationBuilder.Sql("ALTER TABLE \"Organisations\" DROP COLUMN \"ReminderDays\";");
            return;
        }
        migrationBuilder.DropForeignKey(name: "FK_Contacts_AspNetUsers_OwnerUserId", table: "Contacts");
        migrationBuilder.DropColumn(name: "OwnerUserId", table: "Contacts");
        migrationBuilder.DropColumn(name: "ReminderRecipients", table: "Organisations");
        migrationBuilder.DropColumn(name: "ReminderDays", table: "Organisations");
    }
}
