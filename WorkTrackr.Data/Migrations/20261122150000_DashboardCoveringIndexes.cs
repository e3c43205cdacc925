using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WorkTrackr.Data.Migrations;

/// <summary>
/// Widens seven indexes so the dashboard's aggregates read only the index, never the table rows. SQLite especially
/// pays for every row it fetches by rowid. Each index keeps its leading columns, so the lists and calendars that
/// used it still walk it the same way. No new indexes are added, so saving a ticket maintains no more indexes than before.
/// </summary>
[DbContext(typeof(WorkTrackrDbContext))]
[Migration("20261122150000_DashboardCoveringIndexes")]
public partial class DashboardCoveringIndexes : Migration
{
    private static readonly (string Table, string[] Before, string[] After, string? Named)[] Widened =
    [
        // Open tickets by status and priority, and tickets created per week.
        ("Tickets", ["OrganisationId", "CreatedAt"], ["OrganisationId", "CreatedAt", "Status", "Priority"], null),
        // The dispatch calendar's overlap test: only visits that overlap the week are fetched.
        ("Tickets", ["OrganisationId", "ScheduledStart"], ["OrganisationId", "ScheduledStart", "ScheduledEnd", "AssignedUserId"], "IX_Tickets_Schedule"),
        // Workload: each person's open tickets and scheduled hours. SQLite walks this index for any GROUP BY person.
        ("Tickets", ["OrganisationId", "AssignedUserId", "Status"], ["OrganisationId", "AssignedUserId", "Status", "ScheduledStart", "ScheduledEnd"], "IX_Tickets_Workload"),
        // SLA compliance: met or breached, from the status and resolution time.
        ("Tickets", ["OrganisationId", "ResolutionDueAt", "Id"], ["OrganisationId", "ResolutionDueAt", "Id", "Status", "ResolvedAt"], null),
        // Revenue invoiced per month, and which invoices' lines count toward product margins.
        ("Invoices", ["OrganisationId", "IssueDate"], ["OrganisationId", "IssueDate", "Status", "Id", "Total"], null),
        // Revenue paid per month.
        ("Invoices", ["OrganisationId", "PaidOn"], ["OrganisationId", "PaidOn", "Status", "Total"], null),
        // Product margins: each billed invoice's lines, with what they sold.
        ("InvoiceLines", ["InvoiceId"], ["InvoiceId", "OrganisationId", "ProductId", "Quantity", "UnitPrice"], "IX_InvoiceLines_Sales"),
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var (table, before, after, named) in Widened)
        {
            migrationBuilder.DropIndex(name: Name(table, before), table: table);
            migrationBuilder.CreateIndex(name: named ?? Name(table, after), table: table, columns: after);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var (table, before, after, named) in Widened.Reverse())
        {
            migrationBuilder.DropIndex(name: named ?? Name(table, after), table: table);
            migrationBuilder.CreateIndex(name: Name(table, before), table: table, columns: before);
        }
    }

    /// <summary>
    /// EF's conventional name, which the model's unnamed <c>HasIndex</c> calls produce. The indexes whose conventional
    /// name would pass PostgreSQL's 63 characters are named for their use instead.
    /// </summary>
    private static string Name(string table, string[] columns) => $"IX_{table}_{string.Join('_', columns)}";
}
