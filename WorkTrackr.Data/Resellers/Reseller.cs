using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Organisations;

namespace WorkTrackr.Data.Resellers;

/// <summary>A partner who brings customer organisations to WorkTrackr. Platform-level.</summary>
public class Reseller : Entity, ISoftDeletable
{
    public const decimal DefaultCommissionRate = 0.25m;

    public required string Name { get; set; }
    public required string ContactEmail { get; set; }
    /// <summary>Share of its customers' subscription revenue, 0–1.</summary>
    public decimal CommissionRate { get; set; } = DefaultCommissionRate;
    public bool IsActive { get; set; } = true;
    public List<ResellerCustomer> Customers { get; set; } = [];
}

/// <summary>Which reseller brought which organisation.</summary>
public class ResellerCustomer
{
    public Guid ResellerId { get; set; }
    public Reseller? Reseller { get; set; }
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public DateTime CreatedAt { get; set; }
}

public class ResellerConfiguration : IEntityTypeConfiguration<Reseller>
{
    public void Configure(EntityTypeBuilder<Reseller> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(DataLimits.NameLength);
        builder.Property(r => r.ContactEmail).HasMaxLength(DataLimits.EmailLength);
        // No store default: with one, EF would omit a rate of 0 on insert and the database would put 0.25 back.
        builder.Property(r => r.CommissionRate).HasPrecision(DataLimits.RatePrecision, DataLimits.RateScale);
    }
}

public class ResellerCustomerConfiguration : IEntityTypeConfiguration<ResellerCustomer>
{
    public void Configure(EntityTypeBuilder<ResellerCustomer> builder)
    {
        builder.HasKey(rc => new { rc.ResellerId, rc.OrganisationId });
        builder.HasOne(rc => rc.Reseller).WithMany(r => r.Customers).HasForeignKey(rc => rc.ResellerId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(rc => rc.Organisation).WithMany().HasForeignKey(rc => rc.OrganisationId)
            .OnDelete(DeleteBehavior.Cascade);
        // An organisation has at most one reseller.
        builder.HasIndex(rc => rc.OrganisationId).IsUnique();
    }
}
