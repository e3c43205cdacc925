using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkTrackr.Data.Catalog;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Contacts;

namespace WorkTrackr.Data.Services;

public enum BillingCycle { Monthly = 0, Quarterly = 1, Annual = 2, OneOff = 3 }

/// <summary>A contact's use of a product: what they have, at what price, and when it renews.</summary>
public class CustomerService : Entity, IOrganisationOwned, IConcurrencyVersioned, ISoftDeletable
{
    public Guid OrganisationId { get; set; }
    public Guid ContactId { get; set; }
    public Contact? Contact { get; set; }
    public Guid ProductId { get; set; }
    public Product? Product { get; set; }
    /// <summary>At least 1 (a check constraint holds it).</summary>
    public int Quantity { get; set; } = 1;
    /// <summary>Replaces the product's price for this customer when set.</summary>
    public decimal? PriceOverride { get; set; }
    public BillingCycle BillingCycle { get; set; } = BillingCycle.Monthly;
    /// <summary>A calendar date in the organisation's time zone.</summary>
    public DateOnly? RenewalDate { get; set; }
    /// <summary>
    /// The day of the month renewals aim for (see <see cref="Renewals"/>): set with the renewal date, so 31 January
    /// renews to 28 February and then 31 March. Null on rows from before it existed, where the renewal date's day serves.
    /// </summary>
    public int? RenewalDay { get; set; }
    public string? Notes { get; set; }
    public bool IsActive { get; set; } = true;
    public Guid Version { get; set; }
}

public class CustomerServiceConfiguration : IEntityTypeConfiguration<CustomerService>
{
    public void Configure(EntityTypeBuilder<CustomerService> builder)
    {
        builder.ToTable(t => t.HasCheckConstraint("CK_CustomerServices_Quantity", "\"Quantity\" >= 1"));
        builder.Property(s => s.PriceOverride).HasPrecision(DataLimits.MoneyPrecision, DataLimits.MoneyScale);
        builder.Property(s => s.Notes).HasMaxLength(DataLimits.NotesLength);
        builder.HasOne(s => s.Contact).WithMany().HasForeignKey(s => s.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Product).WithMany().HasForeignKey(s => s.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.OrganisationId, s.RenewalDate });
        // The renewal board reads a window of renewal dates and sums quantity × price: everything it needs is in this
        // index, so counting a window never visits the table rows.
        builder.HasIndex(s => new { s.OrganisationId, s.RenewalDate, s.IsActive, s.BillingCycle, s.Quantity, s.PriceOverride, s.ProductId }, "IX_CustomerServices_RenewalBoard");
    }
}
