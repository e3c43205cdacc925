using System.Text;
using WorkTrackr.Web.Features.Imports;

namespace WorkTrackr.Tests.Integration.Imports;

/// <summary>CSV import of contacts and products through the service the import page uses, on the real app and database.</summary>
[Trait("Category", "Integration")]
public abstract class CsvImportTests<TApp>(TApp app) where TApp : TenantApp
{
    private ApplicationUser Dispatcher => app.A.Users[Roles.Dispatcher];

    private static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text);

    [Theory]
    [InlineData("contacts.xlsx", "Name\nAcme\n", "Choose a .csv file (comma-separated values, as spreadsheets save them).")]
    [InlineData("contacts.csv", "", "The file is empty.")]
    [InlineData("contacts.csv", "Email,Phone\na@b.test,555 0100\n", "The first line must name the columns, including Name. Expected columns: Name, Kind, Email, Phone, Billing address, Service address, Notes.")]
    [InlineData("contacts.csv", "Name,Shoe size\nAcme,42\n", "Unknown column(s): shoe size. Expected: Name, Kind, Email, Phone, Billing address, Service address, Notes.")]
    [InlineData("contacts.csv", "Name,Email\n", "The file has column names but no rows.")]
    public async Task Files_that_are_not_a_usable_csv_get_a_clear_message(string fileName, string text, string message)
    {
        var result = await app.Factory.RunAsAsync(Dispatcher, (CsvImports s) => s.PreviewAsync(ImportKind.Contacts, fileName, Csv(text)));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal([message], result.Errors["File"]);
    }

    [Fact]
    public async Task Binary_and_oversized_files_are_refused()
    {
        var binary = await app.Factory.RunAsAsync(Dispatcher, (CsvImports s) => s.PreviewAsync(ImportKind.Contacts, "contacts.csv", [0x50, 0x4B, 0x03, 0x04, 0xFF, 0xFE, 0x00]));
        var huge = await app.Factory.RunAsAsync(Dispatcher, (CsvImports s) => s.PreviewAsync(ImportKind.Contacts, "contacts.csv", new byte[CsvImports.MaxBytes + 1]));

        Assert.Equal(["The file is not UTF-8 text. Save it from your spreadsheet as \"CSV UTF-8\"."], binary.Errors["File"]);
        Assert.Equal(["The file is larger than 2 MB. Split it into smaller files."], huge.Errors["File"]);
    }

    [Fact]
    public async Task The_preview_names_each_rows_problems_and_only_valid_rows_are_imported_in_one_go()
    {
        await app.Factory.AddAsync(app.A.Id, Build.Contact("Existing Import Co"));
        var file = Csv("""
            Name,Kind,Email,Phone
            Import Alpha,Company,alpha@import.test,555 010 2000
            ,Company,nobody@import.test,
            Import Bravo,Individual,not-an-email,
            Import Alpha,Company,,
            existing import co,,,
            "Import Charlie, Ltd",Robot,,
            Import Delta,,,
            """);

        var preview = (await app.Factory.RunAsAsync(Dispatcher, (CsvImports s) => s.PreviewAsync(ImportKind.Contacts, "contacts.csv", file))).Value!;

        Assert.Equal((7, 2), (preview.Rows.Count, preview.ValidCount));
        string Problems(int line) => string.Join(" ", preview.Rows.Single(r => r.Line == line).Errors);
        Assert.Equal("", Problems(2));
        Assert.Equal("Name is missing.", Problems(3));
        Assert.Equal("Email: Enter an email address like name@example.com.", Problems(4));
        Assert.Equal("Duplicate of line 2.", Problems(5));
        Assert.Equal("A contact with this name already exists.", Problems(6));
        Assert.Equal("Kind must be Company or Individual.", Problems(7));

        var refused = await app.Factory.RunAsAsync(Dispatcher, (CsvImports s) => s.ImportAsync(ImportKind.Contacts, "contacts.csv", file, onlyValid: false));
        Assert.Equal(ResultStatus.Invalid, refused.Status);
        await using (var db = app.Factory.CreateDbContext(app.A.Id))
            Assert.False(await db.Contacts.AnyAsync(c => c.Name == "Import Alpha"));

        var imported = await app.Factory.RunAsAsync(Dispatcher, (CsvImports s) => s.ImportAsync(ImportKind.Contacts, "contacts.csv", file, onlyValid: true));
        Assert.Equal(2, imported.Value);
        await using (var db = app.Factory.CreateDbContext(app.A.Id))
        {
            var names = await db.Contacts.Where(c => c.Name.StartsWith("Import ")).Select(c => c.Name).OrderBy(n => n).ToListAsync();
            Assert.Equal(["Import Alpha", "Import Delta"], names);
        }
    }

    [Fact]
    public async Task Kinds_are_named_and_duplicates_are_found_whatever_the_letters_case()
    {
        await app.Factory.AddAsync(app.A.Id, Build.Contact("Émile Façades SA"));
        var preview = (await app.Factory.RunAsAsync(Dispatcher, (CsvImports s) => s.PreviewAsync(ImportKind.Contacts, "contacts.csv", Csv("Name,Kind\némile façades sa,Company\nKind Seven,7\nKind Both,\"Company,Individual\"\nKind Person,individual\n")))).Value!;

        Assert.Equal("A contact with this name already exists.", string.Join(" ", preview.Rows[0].Errors));
        Assert.Equal("Kind must be Company or Individual.", string.Join(" ", preview.Rows[1].Errors));
        Assert.Equal("Kind must be Company or Individual.", string.Join(" ", preview.Rows[2].Errors));
        Assert.True(preview.Rows[3].Valid);
    }

    [Fact]
    public async Task Products_import_with_numbers_checked_and_rounded()
    {
        var file = Csv("""
            Name,Category,Cost,Price,Unit
            Import router,Hardware,80,129.999,each
            Import bad price,Hardware,10,twelve,each
            Import negative,Hardware,-5,10,
            """);

        var preview = (await app.Factory.RunAsAsync(Dispatcher, (CsvImports s) => s.PreviewAsync(ImportKind.Products, "products.csv", file))).Value!;
        Assert.Equal("Price “twelve” is not a number (write it like 1234.50).", string.Join(" ", preview.Rows[1].Errors));
        Assert.Equal("Cost: Enter an amount of 0 or more.", string.Join(" ", preview.Rows[2].Errors));

        Assert.Equal(1, (await app.Factory.RunAsAsync(Dispatcher, (CsvImports s) => s.ImportAsync(ImportKind.Products, "products.csv", file, onlyValid: true))).Value);
        await using var db = app.Factory.CreateDbContext(app.A.Id);
        var router = await db.Products.SingleAsync(p => p.Name == "Import router");
        Assert.Equal((80m, 130.00m, "each"), (router.Cost, router.Price, router.Unit));
    }

    [Fact]
    public async Task Technicians_cannot_import()
    {
        var technician = app.A.Users[Roles.Technician];
        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(technician, (CsvImports s) => s.PreviewAsync(ImportKind.Contacts, "c.csv", Csv("Name\nX\n")))).Status);
        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(technician, (CsvImports s) => s.ImportAsync(ImportKind.Products, "p.csv", Csv("Name\nX\n"), true))).Status);
    }
}

public sealed class SqliteCsvImportTests(SqliteTenantApp app) : CsvImportTests<SqliteTenantApp>(app), IClassFixture<SqliteTenantApp>;

public sealed class PostgresCsvImportTests(PostgresTenantApp app) : CsvImportTests<PostgresTenantApp>(app), IClassFixture<PostgresTenantApp>;
