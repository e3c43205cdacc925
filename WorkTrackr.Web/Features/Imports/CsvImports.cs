using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Catalog;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Contacts;
using WorkTrackr.Web.Features.Catalog;
using WorkTrackr.Web.Features.Contacts;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Tenancy;

namespace WorkTrackr.Web.Features.Imports;

public enum ImportKind { Contacts, Products }

/// <summary>One data row of an uploaded file: its line in the file, its values by column, and what is wrong with it.</summary>
public sealed record ImportRow(int Line, IReadOnlyDictionary<string, string> Values, IReadOnlyList<string> Errors)
{
    public bool Valid => Errors.Count == 0;
}

public sealed record ImportPreview(ImportKind Kind, IReadOnlyList<string> Columns, IReadOnlyList<ImportRow> Rows)
{
    public int ValidCount => Rows.Count(r => r.Valid);
    public int InvalidCount => Rows.Count - ValidCount;
}

/// <summary>
/// CSV import of contacts and products: a preview with every row's problems (missing name, bad email, bad number,
/// duplicate), then an import of all rows or only the valid ones, in one transaction. The file is checked again on
/// import, so what is written never depends on what the browser sent back.
/// </summary>
public sealed class CsvImports(IDbContextFactory<WorkTrackrDbContext> dbFactory, CurrentUser currentUser)
{
    public const long MaxBytes = 2 * 1024 * 1024;
    public const int MaxRows = 5_000;

    public static readonly IReadOnlyDictionary<ImportKind, string[]> ColumnsOf = new Dictionary<ImportKind, string[]>
    {
        [ImportKind.Contacts] = ["Name", "Kind", "Email", "Phone", "Billing address", "Service address", "Notes"],
        [ImportKind.Products] = ["Name", "Category", "Cost", "Price", "Unit"],
    };

    public async Task<Result<ImportPreview>> PreviewAsync(ImportKind kind, string fileName, byte[] content, CancellationToken cancellationToken = default)
    {
        if (!CanImport(kind)) return Result<ImportPreview>.From(Result.Forbidden());
        var read = Read(kind, fileName, content);
        if (read.Error is not null) return Result<ImportPreview>.From(Result.Invalid("File", read.Error));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Names compared ignoring case in .NET: SQLite's lower() folds only ASCII letters, so "Émile" would slip past.
        var existing = kind == ImportKind.Contacts
            ? await db.Contacts.Select(c => c.Name).ToListAsync(cancellationToken)
            : await db.Products.Select(p => p.Name).ToListAsync(cancellationToken);
        var taken = existing.Select(n => n.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var firstLine = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

        var rows = new List<ImportRow>();
        foreach (var (line, values) in read.Records.Select((r, i) => (i + 2, r)))
        {
            var errors = kind == ImportKind.Contacts ? ContactErrors(values) : ProductErrors(values);
            var name = values.GetValueOrDefault("name", "").Trim();
            if (name.Length > 0)
            {
                if (taken.Contains(name)) errors.Add($"A {(kind == ImportKind.Contacts ? "contact" : "product")} with this name already exists.");
                else if (firstLine.TryGetValue(name, out var earlier)) errors.Add($"Duplicate of line {earlier}.");
                else firstLine[name] = line;
            }
            rows.Add(new ImportRow(line, values, errors));
        }
        return Result<ImportPreview>.Ok(new ImportPreview(kind, ColumnsOf[kind], rows));
    }

    /// <summary>Imports the file's rows (or only its valid ones) in one transaction; with errors and not <paramref name="onlyValid"/>, nothing.</summary>
    public async Task<Result<int>> ImportAsync(ImportKind kind, string fileName, byte[] content, bool onlyValid, CancellationToken cancellationToken = default)
    {
        var preview = await PreviewAsync(kind, fileName, content, cancellationToken);
        if (!preview.Succeeded) return Result<int>.From(preview);
        var rows = preview.Value!.Rows;
        if (!onlyValid && rows.Any(r => !r.Valid))
            return Result<int>.From(Result.Invalid("File", $"{rows.Count(r => !r.Valid)} row(s) have problems. Fix the file, or import only the valid rows."));
        var valid = rows.Where(r => r.Valid).ToList();
        if (valid.Count == 0) return Result<int>.From(Result.Invalid("File", "There are no valid rows to import."));

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var row in valid)
        {
            if (kind == ImportKind.Contacts)
            {
                var input = ContactInputOf(row.Values);
                db.Contacts.Add(new Contact
                {
                    Name = input.Name.Trim(), Kind = input.Kind, Email = Blank(input.Email), Phone = Blank(input.Phone),
                    BillingAddress = Blank(input.BillingAddress), ServiceAddress = Blank(input.ServiceAddress), Notes = Blank(input.Notes),
                });
            }
            else
            {
                var input = ProductInputOf(row.Values, out _);
                db.Products.Add(new Product
                {
                    Name = input.Name.Trim(), Category = Blank(input.Category), Cost = Data.Common.Money.Round(input.Cost),
                    Price = Data.Common.Money.Round(input.Price), Unit = input.Unit.Trim(),
                });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result<int>.Ok(valid.Count);
    }

    private bool CanImport(ImportKind kind) => currentUser.Can(kind == ImportKind.Contacts ? Capabilities.ManageContacts : Capabilities.ManageCatalog);

    private sealed record ReadFile(List<Dictionary<string, string>> Records, string? Error);

    /// <summary>The file's records keyed by lower-case column name, or why it cannot be read as this kind of CSV.</summary>
    private static ReadFile Read(ImportKind kind, string fileName, byte[] content)
    {
        static ReadFile Fail(string message) => new([], message);
        if (!fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) return Fail("Choose a .csv file (comma-separated values, as spreadsheets save them).");
        if (content.Length == 0) return Fail("The file is empty.");
        if (content.Length > MaxBytes) return Fail($"The file is larger than {MaxBytes / 1024 / 1024} MB. Split it into smaller files.");
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return Fail("The file is not UTF-8 text. Save it from your spreadsheet as \"CSV UTF-8\".");
        }
        if (text.Contains('\0')) return Fail("The file is not a CSV text file.");

        using var reader = CsvReader.Create(new StringReader(text.TrimStart('\uFEFF')), options: null, leaveOpen: false);
        var headers = reader.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var expected = ColumnsOf[kind].Select(c => c.ToLowerInvariant()).ToList();
        if (!headers.Contains("name"))
            return Fail($"The first line must name the columns, including Name. Expected columns: {string.Join(", ", ColumnsOf[kind])}.");
        var unknown = headers.Where(h => h.Length > 0 && !expected.Contains(h)).ToList();
        if (unknown.Count > 0) return Fail($"Unknown column(s): {string.Join(", ", unknown)}. Expected: {string.Join(", ", ColumnsOf[kind])}.");

        var records = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            if (records.Count == MaxRows) return Fail($"The file has more than {MaxRows:N0} rows. Split it into smaller files.");
            var record = new Dictionary<string, string>();
            for (var i = 0; i < headers.Count && i < reader.FieldCount; i++) record[headers[i]] = reader.GetString(i) ?? "";
            if (record.Values.All(string.IsNullOrWhiteSpace)) continue;
            records.Add(record);
        }
        return records.Count == 0 ? Fail("The file has column names but no rows.") : new ReadFile(records, null);
    }

    private static ContactInput ContactInputOf(IReadOnlyDictionary<string, string> values) => new()
    {
        Name = values.GetValueOrDefault("name", ""),
        Kind = KindOf(values.GetValueOrDefault("kind", "")) ?? ContactKind.Company,
        Email = values.GetValueOrDefault("email"),
        Phone = values.GetValueOrDefault("phone"),
        BillingAddress = values.GetValueOrDefault("billing address"),
        ServiceAddress = values.GetValueOrDefault("service address"),
        Notes = values.GetValueOrDefault("notes"),
    };

    /// <summary>Company or Individual by name only: Enum.TryParse would also take "7" or "Company,Individual".</summary>
    private static ContactKind? KindOf(string text) =>
        Enum.GetValues<ContactKind>().Select(k => (ContactKind?)k).FirstOrDefault(k => k.ToString()!.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase));

    private static List<string> ContactErrors(IReadOnlyDictionary<string, string> values)
    {
        var errors = Annotations(ContactInputOf(values));
        if (string.IsNullOrWhiteSpace(values.GetValueOrDefault("name"))) errors.Insert(0, "Name is missing.");
        if (values.GetValueOrDefault("kind") is { Length: > 0 } kind && KindOf(kind) is null)
            errors.Add("Kind must be Company or Individual.");
        return errors.Distinct().ToList();
    }

    private static ProductInput ProductInputOf(IReadOnlyDictionary<string, string> values, out List<string> numberErrors)
    {
        numberErrors = [];
        decimal Amount(string column, string label, List<string> errors)
        {
            var text = values.GetValueOrDefault(column, "").Trim();
            if (text.Length == 0) return 0;
            if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)) return amount;
            errors.Add($"{label} “{text}” is not a number (write it like 1234.50).");
            return 0;
        }
        return new ProductInput
        {
            Name = values.GetValueOrDefault("name", ""),
            Category = values.GetValueOrDefault("category"),
            Cost = Amount("cost", "Cost", numberErrors),
            Price = Amount("price", "Price", numberErrors),
            Unit = values.GetValueOrDefault("unit") is { Length: > 0 } unit ? unit : "each",
        };
    }

    private static List<string> ProductErrors(IReadOnlyDictionary<string, string> values)
    {
        var input = ProductInputOf(values, out var errors);
        errors.AddRange(Annotations(input));
        if (string.IsNullOrWhiteSpace(values.GetValueOrDefault("name"))) errors.Insert(0, "Name is missing.");
        return errors.Distinct().ToList();
    }

    private static List<string> Annotations(object input)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true);
        return results.Where(r => !r.MemberNames.Contains("Name") || r.ErrorMessage == DataLimits.TooLongMessage(DataLimits.NameLength))
            .Select(r => $"{string.Join(", ", r.MemberNames)}: {r.ErrorMessage}").ToList();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
