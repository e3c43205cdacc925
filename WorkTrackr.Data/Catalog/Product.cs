using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkTrackr.Data.Common;

namespace WorkTrackr.Data.Catalog;

/// <summary>A product or service the organisation sells, with what it costs us and what the client pays.</summary>
public class Product : Entity, IOrganisationOwned, IConcurrencyVersioned, ISoftDeletable
{
    public Guid OrganisationId { get; set; }
    public required string Name { get; set; }
    public string? Category { get; set; }
    public decimal Cost { get; set; }
    public decimal Price { get; set; }
    /// <summary>What one quantity is: each, hour, month, licence…</summary>
    public string Unit { get; set; } = "each";
    public bool IsActive { get; set; } = true;
    public Guid Version { get; set; }
}

public class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(DataLimits.NameLength);
        builder.Property(p => p.Category).HasMaxLength(DataLimits.CategoryLength);
        builder.Property(p => p.Unit).HasMaxLength(DataLimits.UnitLength);
        builder.Property(p => p.Cost).HasPrecision(DataLimits.MoneyPrecision, DataLimits.MoneyScale);
        builder.Property(p => p.Price).HasPrecision(DataLimits.MoneyPrecision, DataLimits.MoneyScale);
        builder.HasIndex(p => new { p.OrganisationId, p.Name });
        // Added to existing rows, as on TicketTemplate: the default equals the CLR default and is never relied on.
        builder.Property(p => p.Version).HasDefaultValue(Guid.Empty);
    }
}
