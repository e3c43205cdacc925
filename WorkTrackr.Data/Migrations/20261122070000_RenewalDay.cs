using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WorkTrackr.Data.Migrations;

/// <summary>
/// The day of the month a customer service's renewals aim for, so month-end renewals come back to the 31st after a
/// short month. Existing rows take their renewal date's day.
/// </summary>
[DbContext(typeof(WorkTrackrDbContext))]
[Migration("20261122070000_RenewalDay")]
public partial class RenewalDay : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "RenewalDay", table: "CustomerServices", nullable: true);
        migrationBuilder.Sql(migrationBuilder.IsNpgsql()
            ? "UPDATE \"CustomerServices\" SET \"RenewalDay\" = EXTRACT(DAY FROM \"RenewalDate\") WHERE \"RenewalDate\" IS NOT NULL;"
            : "UPDATE \"CustomerServices\" SET \"RenewalDay\" = CAST(strftime('%d', \"RenewalDate\") AS INTEGER) WHERE \"RenewalDate\" IS NOT NULL;");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsSqlite())
            migrationBuilder.Sql("ALTER TABLE \"CustomerServices\" DROP COLUMN \"RenewalDay\";");
        else
            migrationBuilder.DropColumn(name: "RenewalDay", table: "CustomerServices");
    }
}
