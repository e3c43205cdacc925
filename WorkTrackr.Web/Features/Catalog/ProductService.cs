using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Catalog;
using WorkTrackr.Data.Common;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Operations;

namespace WorkTrackr.Web.Features.Catalog;

/// <summary>
/// The product and service catalogue. A product in use (by a customer service or an invoice line) can be deactivated
/// but not deleted. Amounts are rounded to cents once, on save.
/// </summary>
public sealed class ProductService(RecordOperations operations)
{
    public const int MaxPageSize = 200;

    public Task<Result<ProductResults>> SearchAsync(ProductQuery query, CancellationToken cancellationToken = default) =>
        operations.ReadAsync(Capabilities.ViewCatalog, async (db, cancellationToken) =>
    {
        var products = Filter(db, query);
        var total = await products.CountAsync(cancellationToken);
        var items = await Sorted(products, query)
            .Skip(Math.Max(query.Skip, 0)).Take(Math.Clamp(query.Take, 1, MaxPageSize))
            .Select(p => new ProductListItem(p.Id, p.Name, p.Category, p.Cost, p.Price, p.Unit, p.IsActive))
            .ToListAsync(cancellationToken);
        return new ProductResults(items, total);
    }, cancellationToken);

    /// <summary>Every product of the list's filter (no paging) as CSV.</summary>
    public async Task<Result> ExportCsvAsync(ProductQuery query, TextWriter writer, CancellationToken cancellationToken = default) =>
        await operations.ReadAsync(Capabilities.ViewCatalog, async (db, cancellationToken) =>
    {
        var rows = Sorted(Filter(db, query), query).AsAsyncEnumerable();
        await CsvExport.WriteAsync(writer, ["Name", "Category", "Cost", "Price", "Unit", "Margin %", "Active"], rows, p =>
        [
            p.Name, p.Category, p.Cost.ToString("0.00", CultureInfo.InvariantCulture), p.Price.ToString("0.00", CultureInfo.InvariantCulture), p.Unit,
            Margins.Percent(p.Cost, p.Price)?.ToString("0.0", CultureInfo.InvariantCulture), p.IsActive ? "yes" : "no",
        ], cancellationToken);
        return true;
    }, cancellationToken);

    private static IQueryable<Product> Filter(WorkTrackrDbContext db, ProductQuery query)
    {
        var products = db.Products.AsNoTracking();
        products = query.Status switch
        {
            ProductStatusFilter.Active => products.Where(p => p.IsActive),
            ProductStatusFilter.Inactive => products.Where(p => !p.IsActive),
            _ => products,
        };
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var pattern = LikePattern.Containing(query.Text.Trim());
            products = db.Database.IsNpgsql()
                ? products.Where(p => EF.Functions.ILike(p.Name, pattern, LikePattern.Escape) || EF.Functions.ILike(p.Category!, pattern, LikePattern.Escape))
                : products.Where(p => EF.Functions.Like(p.Name, pattern, LikePattern.Escape) || EF.Functions.Like(p.Category!, pattern, LikePattern.Escape));
        }
        return products;
    }

    private static IQueryable<Product> Sorted(IQueryable<Product> products, ProductQuery query)
    {
        // Amounts sort as doubles: SQLite keeps decimals as text and cannot order by them; the order is the same.
        var d = query.Descending;
        var sorted = query.Sort switch
        {
            ProductSort.Category => d ? products.OrderByDescending(p => p.Category) : products.OrderBy(p => p.Category),
            ProductSort.Cost => d ? products.OrderByDescending(p => (double)p.Cost) : products.OrderBy(p => (double)p.Cost),
            ProductSort.Price => d ? products.OrderByDescending(p => (double)p.Price) : products.OrderBy(p => (double)p.Price),
            // Free products have no margin and come last either way.
            ProductSort.Margin => d
                ? products.OrderBy(p => p.Price == 0).ThenByDescending(p => p.Price == 0 ? 0 : ((double)p.Price - (double)p.Cost) / (double)p.Price)
                : products.OrderBy(p => p.Price == 0).ThenBy(p => p.Price == 0 ? 0 : ((double)p.Price - (double)p.Cost) / (double)p.Price),
            _ => d ? products.OrderByDescending(p => p.Name) : products.OrderBy(p => p.Name),
        };
        return sorted.ThenBy(p => p.Name).ThenBy(p => p.Id);
    }

    private const string What = "The product";

    public Task<Result<ProductDetails>> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        operations.GetAsync(new Find<Product>(Capabilities.ViewCatalog, id) { What = What }, async op =>
            new ProductDetails(op.Row.Id, op.Row.Version, op.Row.IsActive, await UsesAsync(op.Db, id, op.CancellationToken), ProductInput.From(op.Row)),
            cancellationToken);

    public Task<Result<Guid>> CreateAsync(ProductInput input, CancellationToken cancellationToken = default) =>
        operations.CreateAsync(new Create<Product>(Capabilities.ManageCatalog)
        {
            Input = input,
            Make = (_, _) => Task.FromResult(Apply(new Product { Name = "" }, input)),
        }, product => product.Id, cancellationToken);

    public Task<Result> UpdateAsync(Guid id, ProductInput input, Guid expectedVersion, CancellationToken cancellationToken = default) =>
        operations.ChangeAsync(new Change<Product>(Capabilities.ManageCatalog, id)
        {
            What = What,
            ExpectedVersion = expectedVersion,
            Input = input,
            Apply = Steps.Do<Product>(op => Apply(op.Row, input)),
        }, cancellationToken);

    public Task<Result> SetActiveAsync(Guid id, bool active, CancellationToken cancellationToken = default) =>
        operations.ChangeAsync(new Change<Product>(Capabilities.ManageCatalog, id)
        {
            What = What,
            Apply = Steps.Do<Product>(op => op.Row.IsActive = active),
        }, cancellationToken);

    /// <summary>Deletes a product nobody uses; one in use is refused, saying where.</summary>
    public Task<Result> DeleteAsync(Guid id, CancellationToken cancellationToken = default) =>
        operations.ChangeAsync(new Change<Product>(Capabilities.ManageCatalog, id)
        {
            What = What,
            // The uses are counted in the transaction that deletes, so nothing starts using it in between unseen.
            InTransaction = true,
            Validate = async op =>
            {
                var services = await op.Db.CustomerServices.CountAsync(s => s.ProductId == id, op.CancellationToken);
                var lines = await op.Db.InvoiceLines.CountAsync(l => l.ProductId == id, op.CancellationToken);
                var uses = new[] { (services, "customer service"), (lines, "invoice line") }.Where(u => u.Item1 > 0)
                    .Select(u => Counted.Of(u.Item1, u.Item2));
                return await Steps.Check((services + lines > 0, "",
                    $"{op.Row.Name} is used by {string.Join(" and ", uses)}, so it cannot be deleted. Deactivate it instead: it is no longer offered, and what uses it stays as it is."));
            },
            Apply = Steps.Do<Product>(op => op.Db.Products.Remove(op.Row)),
        }, cancellationToken);

    private static async Task<int> UsesAsync(WorkTrackrDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.CustomerServices.CountAsync(s => s.ProductId == id, cancellationToken) + await db.InvoiceLines.CountAsync(l => l.ProductId == id, cancellationToken);

    private static Product Apply(Product product, ProductInput input)
    {
        product.Name = input.Name.Trim();
        product.Category = string.IsNullOrWhiteSpace(input.Category) ? null : input.Category.Trim();
        product.Cost = Money.Round(input.Cost);
        product.Price = Money.Round(input.Price);
        product.Unit = input.Unit.Trim();
        return product;
    }

}
