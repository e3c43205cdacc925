using WorkTrackr.Web.Features.Catalog;
using WorkTrackr.Web.Features.Contacts;
using WorkTrackr.Web.Features.Tickets;

namespace WorkTrackr.Tests.Integration.Imports;

/// <summary>Each list's CSV export: every row of the current filter, no paging, fields quoted where they need it.</summary>
[Trait("Category", "Integration")]
public abstract class CsvExportTests<TApp>(TApp app) where TApp : TenantApp
{
    private ApplicationUser Dispatcher => app.A.Users[Roles.Dispatcher];

    private async Task<string[]> ExportAsync<TService>(Func<TService, TextWriter, Task<Result>> export) where TService : notnull
    {
        var writer = new StringWriter();
        var result = await app.Factory.RunAsAsync(Dispatcher, (TService s) => export(s, writer));
        Assert.True(result.Succeeded, result.Message);
        return writer.ToString().Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public async Task The_contact_export_is_the_lists_filter_in_full()
    {
        for (var i = 0; i < 30; i++)
            Assert.True((await app.Factory.RunAsAsync(Dispatcher, (ContactService s) => s.CreateAsync(new ContactInput { Name = $"Exported {i:D2}, Ltd", Email = $"x{i}@export.test" }))).Succeeded);

        var lines = await ExportAsync<ContactService>((s, w) => s.ExportCsvAsync(new ContactQuery { Text = "exported", Take = 5 }, w));

        Assert.Equal("Name,Kind,Email,Phone,Billing address,Service address,Notes,Active", lines[0]);
        Assert.Equal(31, lines.Length); // the header and all 30, though the list shows 5 a page
        Assert.StartsWith("\"Exported 00, Ltd\",Company,x0@export.test", lines[1]);
    }

    [Fact]
    public async Task The_product_and_ticket_exports_answer_and_technicians_get_no_catalogue()
    {
        var products = await ExportAsync<ProductService>((s, w) => s.ExportCsvAsync(new ProductQuery { Status = ProductStatusFilter.All }, w));
        Assert.Equal("Name,Category,Cost,Price,Unit,Margin %,Active", products[0]);
        var tickets = await ExportAsync<TicketSearch>((s, w) => s.ExportCsvAsync(new TicketQuery { View = TicketView.All }, w));
        Assert.StartsWith("Number,Title,Contact,Status", tickets[0]);
        Assert.True(tickets.Length > 1);

        var denied = await app.Factory.RunAsAsync(app.A.Users[Roles.Technician], (ProductService s) => s.ExportCsvAsync(new ProductQuery(), new StringWriter()));
        Assert.Equal(ResultStatus.Forbidden, denied.Status);
    }
}

public sealed class SqliteCsvExportTests(SqliteTenantApp app) : CsvExportTests<SqliteTenantApp>(app), IClassFixture<SqliteTenantApp>;

public sealed class PostgresCsvExportTests(PostgresTenantApp app) : CsvExportTests<PostgresTenantApp>(app), IClassFixture<PostgresTenantApp>;
