using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WorkTrackr.Data.Migrations;

/// <summary>The hash of each person's CRM calendar feed secret, looked up when a calendar app fetches the feed.</summary>
[DbContext(typeof(WorkTrackrDbContext))]
[Migration("20261122080000_CalendarFeedToken")]
public partial class CalendarFeedToken : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "CalendarFeedTokenHash", table: "AspNetUsers", maxLength: 64, nullable: true);
        migrationBuilder.CreateIndex(name: "IX_AspNetUsers_CalendarFeedTokenHash", table: "AspNetUsers", column: "CalendarFeedTokenHash", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_AspNetUsers_CalendarFeedTokenHash", table: "AspNetUsers");
        if (migrationBuilder.IsSqlite())
            migrationBuilder.Sql("ALTER TABLE \"AspNetUsers\" DROP COLUMN \"CalendarFeedTokenHash\";");
        else
            migrationBuilder.DropColumn(name: "CalendarFeedTokenHash", table: "AspNetUsers");
    }
}
