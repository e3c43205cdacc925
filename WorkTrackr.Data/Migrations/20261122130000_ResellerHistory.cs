using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WorkTrackr.Data.Migrations;

/// <summary>
/// Plans with prices, and the history commission needs: reseller links with dates (replacing ResellerCustomers, whose
/// rows become open links from their creation day), reseller rate changes, organisation plan changes, and the ledger
/// of closed months.
/// </summary>
[DbContext(typeof(WorkTrackrDbContext))]
[Migration("20261122130000_ResellerHistory")]
public partial class ResellerHistory : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var newId = VersionColumn.NewGuid(migrationBuilder);
        // UTC days, as the app counts them (a timestamptz cast to date would use the session's time zone).
        string Day(string column) => migrationBuilder.IsNpgsql() ? $"CAST((\"{column}\" AT TIME ZONE 'UTC') AS date)" : $"date(\"{column}\")";

        migrationBuilder.CreateTable(
            name: "ResellerLinks",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ResellerId = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                LinkedOn = table.Column<DateOnly>(nullable: false),
                UnlinkedOn = table.Column<DateOnly>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ResellerLinks", x => x.Id);
                table.ForeignKey("FK_ResellerLinks_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ResellerLinks_Resellers_ResellerId", x => x.ResellerId, "Resellers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.Sql($"""
            INSERT INTO "ResellerLinks" ("Id", "ResellerId", "OrganisationId", "LinkedOn", "UnlinkedOn", "CreatedAt")
            SELECT {newId}, "ResellerId", "OrganisationId", {Day("CreatedAt")}, NULL, "CreatedAt" FROM "ResellerCustomers";
            """);
        migrationBuilder.DropTable(name: "ResellerCustomers");
        migrationBuilder.CreateIndex(name: "IX_ResellerLinks_OrganisationId_Open", table: "ResellerLinks", column: "OrganisationId", unique: true, filter: "\"UnlinkedOn\" IS NULL");
        migrationBuilder.CreateIndex(name: "IX_ResellerLinks_ResellerId_LinkedOn", table: "ResellerLinks", columns: ["ResellerId", "LinkedOn"]);

        migrationBuilder.CreateTable(
            name: "ResellerRates",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ResellerId = table.Column<Guid>(nullable: false),
                Rate = table.Column<decimal>(precision: 5, scale: 4, nullable: false),
                EffectiveFrom = table.Column<DateOnly>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ResellerRates", x => x.Id);
                table.ForeignKey("FK_ResellerRates_Resellers_ResellerId", x => x.ResellerId, "Resellers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.Sql($"""
            INSERT INTO "ResellerRates" ("Id", "ResellerId", "Rate", "EffectiveFrom")
            SELECT {newId}, "Id", "CommissionRate", {Day("CreatedAt")} FROM "Resellers";
            """);
        migrationBuilder.CreateIndex(name: "IX_ResellerRates_ResellerId_EffectiveFrom", table: "ResellerRates", columns: ["ResellerId", "EffectiveFrom"], unique: true);

        migrationBuilder.CreateTable(
            name: "OrganisationPlanChanges",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Plan = table.Column<int>(nullable: false),
                EffectiveFrom = table.Column<DateOnly>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OrganisationPlanChanges", x => x.Id);
                table.ForeignKey("FK_OrganisationPlanChanges_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.Sql($"""
            INSERT INTO "OrganisationPlanChanges" ("Id", "OrganisationId", "Plan", "EffectiveFrom")
            SELECT {newId}, "Id", "Plan", {Day("CreatedAt")} FROM "Organisations";
            """);
        migrationBuilder.CreateIndex(name: "IX_OrganisationPlanChanges_OrganisationId_EffectiveFrom", table: "OrganisationPlanChanges", columns: ["OrganisationId", "EffectiveFrom"], unique: true);

        migrationBuilder.CreateTable(
            name: "PlanPrices",
            columns: table => new
            {
                Plan = table.Column<int>(nullable: false),
                BasePrice = table.Column<decimal>(precision: 12, scale: 2, nullable: false),
                PricePerSeat = table.Column<decimal>(precision: 12, scale: 2, nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_PlanPrices", x => x.Plan));
        // Starter, Pro and Enterprise: base price and price per active user, per month.
        migrationBuilder.Sql(migrationBuilder.IsNpgsql()
            ? "INSERT INTO \"PlanPrices\" (\"Plan\", \"BasePrice\", \"PricePerSeat\", \"UpdatedAt\") VALUES (0, 0, 12, now()), (1, 49, 25, now()), (2, 199, 40, now());"
            : "INSERT INTO \"PlanPrices\" (\"Plan\", \"BasePrice\", \"PricePerSeat\", \"UpdatedAt\") VALUES (0, '0.0', '12.0', strftime('%Y-%m-%d %H:%M:%S', 'now')), (1, '49.0', '25.0', strftime('%Y-%m-%d %H:%M:%S', 'now')), (2, '199.0', '40.0', strftime('%Y-%m-%d %H:%M:%S', 'now'));");

        migrationBuilder.CreateTable(
            name: "CommissionEntries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ResellerId = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Month = table.Column<DateOnly>(nullable: false),
                LinkedDays = table.Column<int>(nullable: false),
                Seats = table.Column<int>(nullable: false),
                MonthlyValue = table.Column<decimal>(precision: 12, scale: 2, nullable: false),
                Earned = table.Column<decimal>(precision: 12, scale: 2, nullable: false),
                Status = table.Column<int>(nullable: false),
                PaidOn = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CommissionEntries", x => x.Id);
                table.ForeignKey("FK_CommissionEntries_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_CommissionEntries_Resellers_ResellerId", x => x.ResellerId, "Resellers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_CommissionEntries_OrganisationId", table: "CommissionEntries", column: "OrganisationId");
        migrationBuilder.CreateIndex(name: "IX_CommissionEntries_ResellerId_Month_OrganisationId", table: "CommissionEntries", columns: ["ResellerId", "Month", "OrganisationId"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "CommissionEntries");
        migrationBuilder.DropTable(name: "PlanPrices");
        migrationBuilder.DropTable(name: "OrganisationPlanChanges");
        migrationBuilder.DropTable(name: "ResellerRates");
        migrationBuilder.CreateTable(
            name: "ResellerCustomers",
            columns: table => new
            {
                ResellerId = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ResellerCustomers", x => new { x.ResellerId, x.OrganisationId });
                table.ForeignKey("FK_ResellerCustomers_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ResellerCustomers_Resellers_ResellerId", x => x.ResellerId, "Resellers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_ResellerCustomers_OrganisationId", table: "ResellerCustomers", column: "OrganisationId", unique: true);
        migrationBuilder.Sql("""
            INSERT INTO "ResellerCustomers" ("ResellerId", "OrganisationId", "CreatedAt")
            SELECT "ResellerId", "OrganisationId", "CreatedAt" FROM "ResellerLinks" WHERE "UnlinkedOn" IS NULL;
            """);
        migrationBuilder.DropTable(name: "ResellerLinks");
    }
}
