using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkTrackr.Data.Common;

namespace WorkTrackr.Data.Auditing;

public enum AuditAction { Created = 0, Updated = 1, Deleted = 2 }

/// <summary>Who changed what, when, and from where. Written once, never edited.</summary>
public class AuditEntry : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid? UserId { get; set; }
    /// <summary>UTC.</summary>
    public DateTime At { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public AuditAction Action { get; set; }
    /// <summary>JSON object of the changed properties' old values.</summary>
    public string? OldValues { get; set; }
    /// <summary>JSON object of the changed properties' new values.</summary>
    public string? NewValues { get; set; }
    public string? IpAddress { get; set; }
}

public class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.EntityType).HasMaxLength(DataLimits.EntityTypeLength);
        builder.Property(a => a.EntityId).HasMaxLength(DataLimits.EntityIdLength);
        builder.Property(a => a.IpAddress).HasMaxLength(DataLimits.IpAddressLength);
        builder.HasIndex(a => new { a.OrganisationId, a.EntityType, a.EntityId, a.At });
    }
}

/// <summary>
/// The platform's own changes (organisations, plans and their prices, resellers, their rates, links and payouts, and the
/// platform's and resellers' people), made with no organisation current: the Platform admin's log. Written, like
/// <see cref="AuditEntry"/>, only by <see cref="AuditInterceptor"/>, in the same save.
/// </summary>
public class PlatformAuditEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? UserId { get; set; }
    /// <summary>UTC.</summary>
    public DateTime At { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    /// <summary>The organisation the change is about, when there is one (its row, its plan, its link to a reseller).</summary>
    public Guid? OrganisationId { get; set; }
    public AuditAction Action { get; set; }
    public string? OldValues { get; set; }
    public string? NewValues { get; set; }
    public string? IpAddress { get; set; }
}

public class PlatformAuditEntryConfiguration : IEntityTypeConfiguration<PlatformAuditEntry>
{
    public void Configure(EntityTypeBuilder<PlatformAuditEntry> builder)
    {
        builder.Property(a => a.EntityType).HasMaxLength(DataLimits.EntityTypeLength);
        builder.Property(a => a.EntityId).HasMaxLength(DataLimits.EntityIdLength);
        builder.Property(a => a.IpAddress).HasMaxLength(DataLimits.IpAddressLength);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.EntityType, a.EntityId, a.At });
    }
}
