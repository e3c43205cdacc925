using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WorkTrackr.Data.Migrations;

/// <summary>
/// How an organisation heads its invoices: legal name, address, tax number, contact details and a logo; and whether an
/// Admin closed the dashboard's getting-started list.
/// </summary>
[DbContext(typeof(WorkTrackrDbContext))]
[Migration("20261205010000_OrganisationSettings")]
public partial class OrganisationSettings : Migration
{
    private static readonly (string Name, int Length)[] Columns =
        [("LegalName", 200), ("Address", 500), ("TaxNumber", 50), ("InvoiceEmail", 256), ("InvoicePhone", 50)];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var (name, length) in Columns)
            migrationBuilder.AddColumn<string>(name: name, table: "Organisations", maxLength: length, nullable: true);
        migrationBuilder.AddColumn<bool>(name: "GettingStartedDismissed", table: "Organisations", nullable: false, defaultValue: false);

        migrationBuilder.CreateTable(
            name: "OrganisationLogos",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                ContentType = table.Column<string>(maxLength: 100, nullable: false),
                Content = table.Column<byte[]>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OrganisationLogos", x => x.Id);
                table.ForeignKey(
                    name: "FK_OrganisationLogos_Organisations_OrganisationId",
                    column: x => x.OrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_OrganisationLogos_OrganisationId", table: "OrganisationLogos", column: "OrganisationId", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "OrganisationLogos");
        foreach (var name in Columns.Select(c => c.Name).Append("GettingStartedDismissed"))
        {
            if (migrationBuilder.IsSqlite())
                migrationBuilder.Sql($"ALTER TABLE \"Organisations\" DROP COLUMN \"{name}\";");
            else
                migrationBuilder.DropColumn(name: name, table: "Organisations");
        }
    }
}
