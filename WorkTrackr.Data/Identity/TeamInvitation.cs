using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkTrackr.Data.Common;

namespace WorkTrackr.Data.Identity;

public enum InvitationStatus { Pending = 0, Accepted = 1, Revoked = 2, Expired = 3 }

/// <summary>
/// An Admin's invitation for a person to join the organisation in a role. The emailed link carries a secret; only its
/// SHA-256 is kept (<see cref="TokenHash"/>), and resending replaces it, so an earlier email's link stops working.
/// </summary>
public class TeamInvitation : Entity, IOrganisationOwned
{
    public Guid OrganisationId { get; set; }
    public required string Email { get; set; }
    /// <summary>One of <see cref="Roles.Organisation"/>.</summary>
    public required string Role { get; set; }
    public string TokenHash { get; set; } = "";
    /// <summary>UTC; <see cref="ValidFor"/> after the last send.</summary>
    public DateTime ExpiresAt { get; set; }
    public DateTime SentAt { get; set; }
    public Guid? InvitedById { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public Guid? AcceptedUserId { get; set; }
    public DateTime? RevokedAt { get; set; }

    public static readonly TimeSpan ValidFor = TimeSpan.FromDays(7);

    public InvitationStatus StatusAt(DateTime now) =>
        AcceptedAt is not null ? InvitationStatus.Accepted
        : RevokedAt is not null ? InvitationStatus.Revoked
        : ExpiresAt <= now ? InvitationStatus.Expired
        : InvitationStatus.Pending;
}

public class TeamInvitationConfiguration : IEntityTypeConfiguration<TeamInvitation>
{
    public void Configure(EntityTypeBuilder<TeamInvitation> builder)
    {
        builder.Property(i => i.Email).HasMaxLength(DataLimits.EmailLength);
        builder.Property(i => i.Role).HasMaxLength(DataLimits.RoleLength);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => new { i.OrganisationId, i.Email });
    }
}
