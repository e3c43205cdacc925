using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkTrackr.Data.Common;

namespace WorkTrackr.Data.Tickets;

public enum TicketActivityKind { Created = 0, StatusChanged = 1, Assigned = 2, Rescheduled = 3, Commented = 4, Edited = 5 }

/// <summary>One line of a ticket's timeline: what happened, who did it, when. Comments are activities with text.</summary>
public class TicketActivity : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid TicketId { get; set; }
    /// <summary>UTC.</summary>
    public DateTime At { get; set; }
    public Guid? UserId { get; set; }
    public TicketActivityKind Kind { get; set; }
    public string? FromValue { get; set; }
    public string? ToValue { get; set; }
    public string? Text { get; set; }
}

public class TicketActivityConfiguration : IEntityTypeConfiguration<TicketActivity>
{
    public void Configure(EntityTypeBuilder<TicketActivity> builder)
    {
        builder.Property(a => a.FromValue).HasMaxLength(DataLimits.TitleLength);
        builder.Property(a => a.ToValue).HasMaxLength(DataLimits.TitleLength);
        builder.Property(a => a.Text).HasMaxLength(DataLimits.NotesLength);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(a => a.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.TicketId, a.At });
    }
}
