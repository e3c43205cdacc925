using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Identity;

namespace WorkTrackr.Data.Notifications;

/// <summary>An in-app message to one person: the bell in the header counts the unread ones.</summary>
public class Notification : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid UserId { get; set; }
    public required string Title { get; set; }
    public string? Body { get; set; }
    /// <summary>A path inside the app to open, like contacts/{id}.</summary>
    public string? Link { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}

public class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Title).HasMaxLength(DataLimits.TitleLength);
        builder.Property(n => n.Body).HasMaxLength(DataLimits.ReasonLength);
        builder.Property(n => n.Link).HasMaxLength(DataLimits.LinkLength);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.UserId, n.ReadAt, n.CreatedAt });
    }
}
