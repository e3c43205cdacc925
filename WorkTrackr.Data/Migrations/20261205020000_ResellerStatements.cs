using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WorkTrackr.Data.Migrations;

/// <summary>Closed months' commission statements, kept as the PDF first made.</summary>
[DbContext(typeof(WorkTrackrDbContext))]
[Migration("20261205020000_ResellerStatements")]
public partial class ResellerStatements : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ResellerStatements",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ResellerId = table.Column<Guid>(nullable: false),
                Month = table.Column<DateOnly>(nullable: false),
                Paid = table.Column<bool>(nullable: false),
                Content = table.Column<byte[]>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ResellerStatements", x => x.Id);
                table.ForeignKey(
                    name: "FK_ResellerStatements_Resellers_ResellerId",
                    column: x => x.ResellerId,
                    principalTable: "Resellers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_ResellerStatements_ResellerId_Month", table: "ResellerStatements", columns: ["ResellerId", "Month"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "ResellerStatements");
}
