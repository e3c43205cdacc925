using System.ComponentModel.DataAnnotations;
using WorkTrackr.Data.Catalog;
using WorkTrackr.Data.Common;

namespace WorkTrackr.Web.Features.Catalog;

/// <summary>A product or service as the catalogue editor fills it in. Amounts are in the organisation's currency.</summary>
public sealed class ProductInput
{
    public const decimal MaxAmount = 9_999_999_999.99m;

    [Required(ErrorMessage = "Give the product a name.")]
    [StringLength(DataLimits.NameLength, ErrorMessage = DataLimits.TooLong)]
    public string Name { get; set; } = "";

    [StringLength(DataLimits.CategoryLength, ErrorMessage = DataLimits.TooLong)]
    public string? Category { get; set; }

    [Range(typeof(decimal), "0", "9999999999.99", ErrorMessage = "Enter an amount of 0 or more.")]
    public decimal Cost { get; set; }

    [Range(typeof(decimal), "0", "9999999999.99", ErrorMessage = "Enter an amount of 0 or more.")]
    public decimal Price { get; set; }

    [Required(ErrorMessage = "Say what one quantity is, such as each, hour or month.")]
    [StringLength(DataLimits.UnitLength, ErrorMessage = DataLimits.TooLong)]
    public string Unit { get; set; } = "each";

    public static ProductInput From(Product product) => new()
    {
        Name = product.Name, Category = product.Category, Cost = product.Cost, Price = product.Price, Unit = product.Unit,
    };
}

public enum ProductStatusFilter { Active, Inactive, All }

public enum ProductSort { Name, Category, Cost, Price, Margin }

public sealed record ProductQuery
{
    public string? Text { get; init; }
    public ProductStatusFilter Status { get; init; } = ProductStatusFilter.Active;
    public ProductSort Sort { get; init; } = ProductSort.Name;
    public bool Descending { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; } = 25;
}

public sealed record ProductListItem(Guid Id, string Name, string? Category, decimal Cost, decimal Price, string Unit, bool IsActive)
{
    /// <summary>What of the price is ours, as a percentage; none for a free product.</summary>
    public decimal? MarginPercent => Margins.Percent(Cost, Price);
}

public sealed record ProductResults(IReadOnlyList<ProductListItem> Items, int Total);

public sealed record ProductDetails(Guid Id, Guid Version, bool IsActive, int UseCount, ProductInput Product);

public static class Margins
{
    /// <summary>(price − cost) ÷ price, to one decimal place; null when the price is 0.</summary>
    public static decimal? Percent(decimal cost, decimal price) =>
        price == 0 ? null : Math.Round((price - cost) / price * 100, 1, MidpointRounding.AwayFromZero);
}
