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
