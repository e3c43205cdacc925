using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Contacts;
using WorkTrackr.Data.Identity;

namespace WorkTrackr.Data.Crm;

public enum CrmEventType { Call = 0, Meeting = 1, Visit = 2, Email = 3, Task = 4 }

public enum CrmEventStatus { Planned = 0, Done = 1, Cancelled = 2 }

/// <summary>A call, meeting or other touch point with a contact, on the CRM calendar.</summary>
public class CrmEvent : Entity, IOrganisationOwned, IConcurrencyVersioned
{
    public Guid OrganisationId { get; set; }
    public Guid ContactId { get; set; }
    public Contact? Contact { get; set; }
    public required string Title { get; set; }
    public CrmEventType Type { get; set; }
    /// <summary>UTC.</summary>
    public DateTime StartsAt { get; set; }
    /// <summary>UTC.</summary>
    public DateTime EndsAt { get; set; }
    public Guid? AssignedUserId { get; set; }
    public ApplicationUser? AssignedUser { get; set; }
    public CrmEventStatus Status { get; set; } = CrmEventStatus.Planned;
    public string? Notes { get; set; }
    public Guid Version { get; set; }
}

public class CrmEventConfiguration : IEntityTypeConfiguration<CrmEvent>
{
    public void Configure(EntityTypeBuilder<CrmEvent> builder)
    {
        builder.Property(e => e.Title).HasMaxLength(DataLimits.TitleLength);
        builder.Property(e => e.Notes).HasMaxLength(DataLimits.NotesLength);
        builder.HasOne(e => e.Contact).WithMany().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.AssignedUser).WithMany().HasForeignKey(e => e.AssignedUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(e => new { e.OrganisationId, e.StartsAt });
        builder.HasIndex(e => new { e.OrganisationId, e.AssignedUserId, e.StartsAt });
    }
}
