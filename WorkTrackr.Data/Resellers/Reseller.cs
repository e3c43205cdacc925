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
    /// <summary>Share of its customers' monthly value, 0–1: the rate in force now (<see cref="ResellerRate"/> keeps the history).</summary>
    public decimal CommissionRate { get; set; } = DefaultCommissionRate;
    public bool IsActive { get; set; } = true;
    public List<ResellerLink> Links { get; set; } = [];
}

/// <summary>
/// That a reseller brought an organisation from <see cref="LinkedOn"/> until <see cref="UnlinkedOn"/> (exclusive).
/// Links are never deleted, so commission for past months stays right; an organisation has one open link at most.
/// </summary>
public class ResellerLink
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ResellerId { get; set; }
    public Reseller? Reseller { get; set; }
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public DateOnly LinkedOn { get; set; }
    public DateOnly? UnlinkedOn { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A reseller's commission rate from a date on (until the next change).</summary>
public class ResellerRate
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ResellerId { get; set; }
    public decimal Rate { get; set; }
    public DateOnly EffectiveFrom { get; set; }
}

public enum CommissionStatus { Pending = 0, Paid = 1 }

/// <summary>
/// A closed month's commission for one organisation of a reseller, kept as it was computed when the month closed
/// (seats and prices then), so later changes never rewrite it. Paid by the Platform admin a month at a time.
/// </summary>
public class CommissionEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ResellerId { get; set; }
    public Guid OrganisationId { get; set; }
    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }
    public int LinkedDays { get; set; }
    public int Seats { get; set; }
    public decimal MonthlyValue { get; set; }
    public decimal Earned { get; set; }
    public CommissionStatus Status { get; set; }
    public DateOnly? PaidOn { get; set; }
}

/// <summary>
/// A closed month's commission statement as a PDF, made once (when first asked for) and kept, so every download is the
/// same document. It says whether the month is paid; once that changes, the next download makes it again.
/// </summary>
public class ResellerStatement
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ResellerId { get; set; }
    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }
    /// <summary>Whether the month was paid when the PDF was made.</summary>
    public bool Paid { get; set; }
    public required byte[] Content { get; set; }
    public DateTime CreatedAt { get; set; }
}

public class ResellerStatementConfiguration : IEntityTypeConfiguration<ResellerStatement>
{
    public void Configure(EntityTypeBuilder<ResellerStatement> builder)
    {
        builder.HasOne<Reseller>().WithMany().HasForeignKey(s => s.ResellerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.ResellerId, s.Month }).IsUnique();
    }
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

public class ResellerLinkConfiguration : IEntityTypeConfiguration<ResellerLink>
{
    public void Configure(EntityTypeBuilder<ResellerLink> builder)
    {
        builder.HasOne(l => l.Reseller).WithMany(r => r.Links).HasForeignKey(l => l.ResellerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Organisation).WithMany().HasForeignKey(l => l.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.ResellerId, l.LinkedOn });
        // At most one open link per organisation.
        builder.HasIndex(l => l.OrganisationId, "IX_ResellerLinks_OrganisationId_Open").IsUnique().HasFilter("\"UnlinkedOn\" IS NULL");
    }
}

public class ResellerRateConfiguration : IEntityTypeConfiguration<ResellerRate>
{
    public void Configure(EntityTypeBuilder<ResellerRate> builder)
    {
        builder.Property(r => r.Rate).HasPrecision(DataLimits.RatePrecision, DataLimits.RateScale);
        builder.HasOne<Reseller>().WithMany().HasForeignKey(r => r.ResellerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ResellerId, r.EffectiveFrom }).IsUnique();
    }
}

public class CommissionEntryConfiguration : IEntityTypeConfiguration<CommissionEntry>
{
    public void Configure(EntityTypeBuilder<CommissionEntry> builder)
    {
        builder.Property(e => e.MonthlyValue).HasPrecision(DataLimits.MoneyPrecision, DataLimits.MoneyScale);
        builder.Property(e => e.Earned).HasPrecision(DataLimits.MoneyPrecision, DataLimits.MoneyScale);
        builder.HasOne<Reseller>().WithMany().HasForeignKey(e => e.ResellerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(e => e.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.ResellerId, e.Month, e.OrganisationId }).IsUnique();
    }
}
