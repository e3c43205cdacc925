using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Catalog;
using WorkTrackr.Data.Common;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Tenancy;

namespace WorkTrackr.Web.Features.Catalog;

/// <summary>
/// The product and service catalogue. A product in use (by a customer service or an invoice line) can be deactivated
/// but not deleted. Amounts are rounded to cents once, on save.
/// </summary>
public sealed class ProductService(IDbContextFactory<WorkTrackrDbContext> dbFactory, CurrentUser currentUser)
{
    public const int MaxPageSize = 200;

    public async Task<Result<ProductResults>> SearchAsync(ProductQuery query, CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ViewCatalog)) return Result<ProductResults>.From(Result.Forbidden());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var products = Filter(db, query);
        var total = await products.CountAsync(cancellationToken);
        var items = await Sorted(products, query)
            .Skip(Math.Max(query.Skip, 0)).Take(Math.Clamp(query.Take, 1, MaxPageSize))
            .Select(p => new ProductListItem(p.Id, p.Name, p.Category, p.Cost, p.Price, p.Unit, p.IsActive))
            .ToListAsync(cancellationToken);
        return Result<ProductResults>.Ok(new ProductResults(items, total));
    }

    /// <summary>Every product of the list's filter (no paging) as CSV.</summary>
    public async Task<Result> ExportCsvAsync(ProductQuery query, TextWriter writer, CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ViewCatalog)) return Result.Forbidden();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = Sorted(Filter(db, query), query).AsAsyncEnumerable();
        await CsvExport.WriteAsync(writer, ["Name", "Category", "Cost", "Price", "Unit", "Margin %", "Active"], rows, p =>
        [
            p.Name, p.Category, p.Cost.ToString("0.00", CultureInfo.InvariantCulture), p.Price.ToString("0.00", CultureInfo.InvariantCulture), p.Unit,
            Margins.Percent(p.Cost, p.Price)?.ToString("0.0", CultureInfo.InvariantCulture), p.IsActive ? "yes" : "no",
        ], cancellationToken);
        return Result.Ok();
    }

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

    public async Task<Result<ProductDetails>> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ViewCatalog)) return Result<ProductDetails>.From(Result.Forbidden());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null) return Result<ProductDetails>.From(Result.NotFound("The product"));
        return Result<ProductDetails>.Ok(new ProductDetails(product.Id, product.Version, product.IsActive, await UsesAsync(db, id, cancellationToken), ProductInput.From(product)));
    }

    public async Task<Result<Guid>> CreateAsync(ProductInput input, CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ManageCatalog)) return Result<Guid>.From(Result.Forbidden());
        if (Validate(input) is { Count: > 0 } errors) return Result<Guid>.From(Result.Invalid(errors));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var product = new Product { Name = "" };
        Apply(product, input);
        db.Products.Add(product);
        await db.SaveChangesAsync(cancellationToken);
        return Result<Guid>.Ok(product.Id);
    }

    public async Task<Result> UpdateAsync(Guid id, ProductInput input, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ManageCatalog)) return Result.Forbidden();
        if (Validate(input) is { Count: > 0 } errors) return Result.Invalid(errors);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var product = await db.Products.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null) return Result.NotFound("The product");
        if (product.Version != expectedVersion) return Result.Conflict();
        Apply(product, input);
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    public async Task<Result> SetActiveAsync(Guid id, bool active, CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ManageCatalog)) return Result.Forbidden();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var product = await db.Products.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null) return Result.NotFound("The product");
        product.IsActive = active;
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>Deletes a product nobody uses; one in use is refused, saying where.</summary>
    public async Task<Result> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ManageCatalog)) return Result.Forbidden();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var product = await db.Products.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null) return Result.NotFound("The product");
        var services = await db.CustomerServices.CountAsync(s => s.ProductId == id, cancellationToken);
        var lines = await db.InvoiceLines.CountAsync(l => l.ProductId == id, cancellationToken);
        if (services + lines > 0)
        {
            var uses = new[] { (services, "customer service"), (lines, "invoice line") }.Where(u => u.Item1 > 0)
                .Select(u => $"{u.Item1} {u.Item2}{(u.Item1 == 1 ? "" : "s")}");
            return Result.Invalid("", $"{product.Name} is used by {string.Join(" and ", uses)}, so it cannot be deleted. Deactivate it instead: it is no longer offered, and what uses it stays as it is.");
        }
        db.Products.Remove(product);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Ok();
    }

    private static async Task<int> UsesAsync(WorkTrackrDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.CustomerServices.CountAsync(s => s.ProductId == id, cancellationToken) + await db.InvoiceLines.CountAsync(l => l.ProductId == id, cancellationToken);

    private static Dictionary<string, string[]> Validate(ProductInput input)
    {
        var errors = InputValidation.Errors(input);
        if (string.IsNullOrWhiteSpace(input.Name)) errors[nameof(ProductInput.Name)] = ["Give the product a name."];
        if (string.IsNullOrWhiteSpace(input.Unit)) errors[nameof(ProductInput.Unit)] = ["Say what one quantity is, such as each, hour or month."];
        return errors;
    }

    private static void Apply(Product product, ProductInput input)
    {
        product.Name = input.Name.Trim();
        product.Category = string.IsNullOrWhiteSpace(input.Category) ? null : input.Category.Trim();
        product.Cost = Money.Round(input.Cost);
        product.Price = Money.Round(input.Price);
        product.Unit = input.Unit.Trim();
    }

}
