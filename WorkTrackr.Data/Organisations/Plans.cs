using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkTrackr.Data.Common;

namespace WorkTrackr.Data.Organisations;

/// <summary>A plan's monthly price: a base price plus a price per active user. Edited by the Platform admin.</summary>
public class PlanPrice
{
    public OrganisationPlan Plan { get; set; }
    public decimal BasePrice { get; set; }
    public decimal PricePerSeat { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>An organisation's monthly value on this plan with <paramref name="seats"/> active users.</summary>
    public decimal MonthlyValue(int seats) => Money.Round(BasePrice + PricePerSeat * Math.Max(0, seats));
}

/// <summary>An organisation's plan from a date on (until the next change).</summary>
public class OrganisationPlanChange
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public OrganisationPlan Plan { get; set; }
    public DateOnly EffectiveFrom { get; set; }
}

public class PlanPriceConfiguration : IEntityTypeConfiguration<PlanPrice>
{
    public void Configure(EntityTypeBuilder<PlanPrice> builder)
    {
        builder.HasKey(p => p.Plan);
        builder.Property(p => p.Plan).ValueGeneratedNever();
        builder.Property(p => p.BasePrice).HasPrecision(DataLimits.MoneyPrecision, DataLimits.MoneyScale);
        builder.Property(p => p.PricePerSeat).HasPrecision(DataLimits.MoneyPrecision, DataLimits.MoneyScale);
    }
}

public class OrganisationPlanChangeConfiguration : IEntityTypeConfiguration<OrganisationPlanChange>
{
    public void Configure(EntityTypeBuilder<OrganisationPlanChange> builder)
    {
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.OrganisationId, c.EffectiveFrom }).IsUnique();
    }
}
