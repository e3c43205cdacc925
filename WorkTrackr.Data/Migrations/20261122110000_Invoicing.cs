using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WorkTrackr.Data.Migrations;

/// <summary>
/// Invoicing: drafts have no number yet (numbers are given at issue, per year); invoices keep their payment terms,
/// billed-to details, payment and void facts and their totals; lines may bill a customer service for a period; each
/// issued invoice has a queued PDF; organisations set a default tax rate and payment terms.
/// </summary>
[DbContext(typeof(WorkTrackrDbContext))]
[Migration("20261122110000_Invoicing")]
public partial class Invoicing : Migration
{
    private static readonly string[] NewInvoiceColumns = ["PaymentTermsDays", "BillToName", "BillToAddress", "PaidOn", "VoidedAt", "VoidReason", "NetTotal", "TaxTotal", "Total"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<decimal>(name: "DefaultTaxRate", table: "Organisations", precision: 5, scale: 4, nullable: false, defaultValue: 0m);
        migrationBuilder.AddColumn<int>(name: "PaymentTermsDays", table: "Organisations", nullable: false, defaultValue: 30);

        if (migrationBuilder.IsSqlite())
        {
            RebuildSqliteInvoices(migrationBuilder);
        }
        else
        {
            migrationBuilder.Sql("ALTER TABLE \"Invoices\" ALTER COLUMN \"Number\" DROP NOT NULL;");
            migrationBuilder.AddColumn<int>(name: "PaymentTermsDays", table: "Invoices", nullable: false, defaultValue: 30);
            migrationBuilder.AddColumn<string>(name: "BillToName", table: "Invoices", maxLength: 200, nullable: true);
            migrationBuilder.AddColumn<string>(name: "BillToAddress", table: "Invoices", maxLength: 500, nullable: true);
            migrationBuilder.AddColumn<DateOnly>(name: "PaidOn", table: "Invoices", nullable: true);
            migrationBuilder.AddColumn<DateTime>(name: "VoidedAt", table: "Invoices", nullable: true);
            migrationBuilder.AddColumn<string>(name: "VoidReason", table: "Invoices", maxLength: 500, nullable: true);
            foreach (var total in new[] { "NetTotal", "TaxTotal", "Total" })
                migrationBuilder.AddColumn<decimal>(name: total, table: "Invoices", precision: 12, scale: 2, nullable: false, defaultValue: 0m);
        }
        // Totals of invoices that existed before: each line rounded half away from zero, then summed (both providers'
        // round() round half away from zero).
        migrationBuilder.Sql(migrationBuilder.IsNpgsql()
            ? """
              UPDATE "Invoices" AS i SET "NetTotal" = t.net, "TaxTotal" = t.tax, "Total" = t.net + t.tax
              FROM (SELECT "InvoiceId", SUM(ROUND("Quantity" * "UnitPrice", 2)) AS net,
                           SUM(ROUND(ROUND("Quantity" * "UnitPrice", 2) * "TaxRate", 2)) AS tax
                    FROM "InvoiceLines" GROUP BY "InvoiceId") AS t
              WHERE t."InvoiceId" = i."Id";
              """
            : """
              UPDATE "Invoices" SET
                "NetTotal" = (SELECT printf('%.2f', COALESCE(SUM(ROUND(CAST("Quantity" AS REAL) * CAST("UnitPrice" AS REAL), 2)), 0)) FROM "InvoiceLines" l WHERE l."InvoiceId" = "Invoices"."Id"),
                "TaxTotal" = (SELECT printf('%.2f', COALESCE(SUM(ROUND(ROUND(CAST("Quantity" AS REAL) * CAST("UnitPrice" AS REAL), 2) * CAST("TaxRate" AS REAL), 2)), 0)) FROM "InvoiceLines" l WHERE l."InvoiceId" = "Invoices"."Id");
              UPDATE "Invoices" SET "Total" = printf('%.2f', CAST("NetTotal" AS REAL) + CAST("TaxTotal" AS REAL));
              """);
        migrationBuilder.CreateIndex(name: "IX_Invoices_OrganisationId_IssueDate", table: "Invoices", columns: ["OrganisationId", "IssueDate"]);

        if (migrationBuilder.IsSqlite())
        {
            // SQLite adds a column with a foreign key only as part of ADD COLUMN (EF would rebuild the table from a model).
            migrationBuilder.Sql("ALTER TABLE \"InvoiceLines\" ADD COLUMN \"CustomerServiceId\" TEXT NULL CONSTRAINT \"FK_InvoiceLines_CustomerServices_CustomerServiceId\" REFERENCES \"CustomerServices\" (\"Id\") ON DELETE SET NULL;");
        }
        else
        {
            migrationBuilder.AddColumn<Guid>(name: "CustomerServiceId", table: "InvoiceLines", nullable: true);
            migrationBuilder.AddForeignKey(name: "FK_InvoiceLines_CustomerServices_CustomerServiceId", table: "InvoiceLines", column: "CustomerServiceId",
                principalTable: "CustomerServices", principalColumn: "Id", onDelete: ReferentialAction.SetNull);
        }
        migrationBuilder.AddColumn<DateOnly>(name: "PeriodStart", table: "InvoiceLines", nullable: true);
        migrationBuilder.AddColumn<DateOnly>(name: "PeriodEnd", table: "InvoiceLines", nullable: true);
        migrationBuilder.CreateIndex(name: "IX_InvoiceLines_CustomerServiceId", table: "InvoiceLines", column: "CustomerServiceId");

        migrationBuilder.CreateTable(
            name: "InvoiceDocuments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                InvoiceId = table.Column<Guid>(nullable: false),
                Content = table.Column<byte[]>(nullable: true),
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
                table.PrimaryKey("PK_InvoiceDocuments", x => x.Id);
                table.ForeignKey("FK_InvoiceDocuments_Invoices_InvoiceId", x => x.InvoiceId, "Invoices", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_InvoiceDocuments_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_InvoiceDocuments_InvoiceId", table: "InvoiceDocuments", column: "InvoiceId", unique: true);
        migrationBuilder.CreateIndex(name: "IX_InvoiceDocuments_OrganisationId", table: "InvoiceDocuments", column: "OrganisationId");
        migrationBuilder.CreateIndex(name: "IX_InvoiceDocuments_State_NextAttemptAt", table: "InvoiceDocuments", columns: ["State", "NextAttemptAt"]);
    }

    /// <summary>
    /// SQLite cannot drop a NOT NULL in place, so Invoices is rebuilt the way SQLite documents
    /// (https://www.sqlite.org/lang_altertable.html#otheralter) and EF itself does: foreign keys off outside the
    /// transaction, then create, copy, drop, rename and re-index inside it.
    /// </summary>
    private static void RebuildSqliteInvoices(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("PRAGMA foreign_keys = 0;", suppressTransaction: true);
        migrationBuilder.Sql("""
            CREATE TABLE "ef_temp_Invoices" (
                "Id" TEXT NOT NULL CONSTRAINT "PK_Invoices" PRIMARY KEY,
                "OrganisationId" TEXT NOT NULL,
                "Number" TEXT NULL,
                "ContactId" TEXT NOT NULL,
                "TicketId" TEXT NULL,
                "IssueDate" TEXT NOT NULL,
                "DueDate" TEXT NOT NULL,
                "PaymentTermsDays" INTEGER NOT NULL DEFAULT 30,
                "Status" INTEGER NOT NULL,
                "Notes" TEXT NULL,
                "BillToName" TEXT NULL,
                "BillToAddress" TEXT NULL,
                "PaidOn" TEXT NULL,
                "VoidedAt" TEXT NULL,
                "VoidReason" TEXT NULL,
                "NetTotal" TEXT NOT NULL DEFAULT '0.0',
                "TaxTotal" TEXT NOT NULL DEFAULT '0.0',
                "Total" TEXT NOT NULL DEFAULT '0.0',
                "Version" TEXT NOT NULL,
                "CreatedAt" TEXT NOT NULL,
                "UpdatedAt" TEXT NOT NULL,
                CONSTRAINT "FK_Invoices_Contacts_ContactId" FOREIGN KEY ("ContactId") REFERENCES "Contacts" ("Id") ON DELETE RESTRICT,
                CONSTRAINT "FK_Invoices_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE CASCADE,
                CONSTRAINT "FK_Invoices_Tickets_TicketId" FOREIGN KEY ("TicketId") REFERENCES "Tickets" ("Id") ON DELETE SET NULL
            );
            INSERT INTO "ef_temp_Invoices" ("Id", "OrganisationId", "Number", "ContactId", "TicketId", "IssueDate", "DueDate", "Status", "Notes", "Version", "CreatedAt", "UpdatedAt")
            SELECT "Id", "OrganisationId", "Number", "ContactId", "TicketId", "IssueDate", "DueDate", "Status", "Notes", "Version", "CreatedAt", "UpdatedAt" FROM "Invoices";
            DROP TABLE "Invoices";
            ALTER TABLE "ef_temp_Invoices" RENAME TO "Invoices";
            CREATE INDEX "IX_Invoices_ContactId" ON "Invoices" ("ContactId");
            CREATE UNIQUE INDEX "IX_Invoices_OrganisationId_Number" ON "Invoices" ("OrganisationId", "Number");
            CREATE INDEX "IX_Invoices_OrganisationId_Status_DueDate" ON "Invoices" ("OrganisationId", "Status", "DueDate");
            CREATE INDEX "IX_Invoices_TicketId" ON "Invoices" ("TicketId");
            """);
        migrationBuilder.Sql("PRAGMA foreign_keys = 1;", suppressTransaction: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "InvoiceDocuments");
        migrationBuilder.DropIndex(name: "IX_InvoiceLines_CustomerServiceId", table: "InvoiceLines");
        migrationBuilder.DropIndex(name: "IX_Invoices_OrganisationId_IssueDate", table: "Invoices");
        if (migrationBuilder.IsSqlite())
        {
            // Without a table rebuild SQLite can neither make Number NOT NULL again (drafts have none) nor drop a column
            // with a foreign key: both stay until the tables go.
            foreach (var column in new[] { "PeriodEnd", "PeriodStart" })
                migrationBuilder.Sql($"ALTER TABLE \"InvoiceLines\" DROP COLUMN \"{column}\";");
            foreach (var column in NewInvoiceColumns)
                migrationBuilder.Sql($"ALTER TABLE \"Invoices\" DROP COLUMN \"{column}\";");
            migrationBuilder.Sql("ALTER TABLE \"Organisations\" DROP COLUMN \"PaymentTermsDays\";");
            migrationBuilder.Sql("ALTER TABLE \"Organisations\" DROP COLUMN \"DefaultTaxRate\";");
            return;
        }
        migrationBuilder.DropForeignKey(name: "FK_InvoiceLines_CustomerServices_CustomerServiceId", table: "InvoiceLines");
        foreach (var column in new[] { "PeriodEnd", "PeriodStart", "CustomerServiceId" })
            migrationBuilder.DropColumn(name: column, table: "InvoiceLines");
        foreach (var column in NewInvoiceColumns)
            migrationBuilder.DropColumn(name: column, table: "Invoices");
        migrationBuilder.DropColumn(name: "PaymentTermsDays", table: "Organisations");
        migrationBuilder.DropColumn(name: "DefaultTaxRate", table: "Organisations");
    }
}
