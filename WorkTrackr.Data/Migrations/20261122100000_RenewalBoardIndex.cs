using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WorkTrackr.Data.Migrations;

/// <summary>A covering index for the renewal board's windowed counts and values.</summary>
[DbContext(typeof(WorkTrackrDbContext))]
[Migration("20261122100000_RenewalBoardIndex")]
public partial class RenewalBoardIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex(
            name: "IX_CustomerServices_RenewalBoard",
            table: "CustomerServices",
            columns: ["OrganisationId", "RenewalDate", "IsActive", "BillingCycle", "Quantity", "PriceOverride", "ProductId"]);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex(name: "IX_CustomerServices_RenewalBoard", table: "CustomerServices");
}
