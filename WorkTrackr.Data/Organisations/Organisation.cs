using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkTrackr.Data.Common;

namespace WorkTrackr.Data.Organisations;

public enum OrganisationPlan { Starter = 0, Pro = 1, Enterprise = 2 }

public enum OrganisationStatus { Active = 0, Suspended = 1 }

/// <summary>A customer business: the tenant. Platform-level, so not itself organisation-owned.</summary>
public class Organisation : Entity
{
    public required string Name { get; set; }
    public OrganisationPlan Plan { get; set; } = OrganisationPlan.Starter;
    public OrganisationStatus Status { get; set; } = OrganisationStatus.Active;
    /// <summary>ISO 4217 code; every amount of this organisation is in it.</summary>
    public string Currency { get; set; } = "USD";
    /// <summary>IANA time zone id; the default for its users.</summary>
    public string TimeZoneId { get; set; } = "UTC";
    /// <summary>0–1: the tax rate new invoice lines start with.</summary>
    public decimal DefaultTaxRate { get; set; }
    /// <summary>Days from issue to due on new invoices.</summary>
    public int PaymentTermsDays { get; set; } = 30;
}

public class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(DataLimits.NameLength);
        builder.Property(o => o.Currency).HasMaxLength(DataLimits.CurrencyLength);
        builder.Property(o => o.TimeZoneId).HasMaxLength(DataLimits.TimeZoneLength);
        builder.Property(o => o.DefaultTaxRate).HasPrecision(DataLimits.RatePrecision, DataLimits.RateScale).HasDefaultValue(0m);
        // The default fills rows that existed before the column; the sentinel makes EF always send the value, so 0
        // (due on receipt) is stored as 0 rather than replaced by the default.
        builder.Property(o => o.PaymentTermsDays).HasDefaultValue(30).HasSentinel(int.MinValue);
        builder.HasIndex(o => o.Name);
    }
}
