using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Contacts;
using WorkTrackr.Data.Identity;

namespace WorkTrackr.Data.Tickets;

public enum TicketStatus { Open = 0, InProgress = 1, OnHold = 2, Resolved = 3, Closed = 4 }

public enum TicketPriority { Low = 0, Medium = 1, High = 2, Urgent = 3 }

public class Ticket : Entity, IOrganisationOwned, IConcurrencyVersioned
{
    public Guid OrganisationId { get; set; }
    /// <summary>Unique within the organisation, like T-000123.</summary>
    public required string Number { get; set; }
    public Guid? ContactId { get; set; }
    public Contact? Contact { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public TicketStatus Status { get; set; } = TicketStatus.Open;
    public TicketPriority Priority { get; set; } = TicketPriority.Medium;
    public Guid? AssignedUserId { get; set; }
    public ApplicationUser? AssignedUser { get; set; }
    /// <summary>UTC.</summary>
    public DateTime? ScheduledStart { get; set; }
    /// <summary>UTC.</summary>
    public DateTime? ScheduledEnd { get; set; }
    public Guid? TemplateId { get; set; }
    public TicketTemplate? Template { get; set; }
    public Guid? CreatedByUserId { get; set; }
    /// <summary>UTC; from the organisation's SLA target for the priority, set on creation and on a priority change.</summary>
    public DateTime? ResponseDueAt { get; set; }
    /// <summary>UTC; as <see cref="ResponseDueAt"/>.</summary>
    public DateTime? ResolutionDueAt { get; set; }
    /// <summary>UTC; when someone first acted on the ticket (a status change or a comment).</summary>
    public DateTime? FirstRespondedAt { get; set; }
    /// <summary>UTC; when it last reached Resolved or Closed; cleared when reopened.</summary>
    public DateTime? ResolvedAt { get; set; }
    /// <summary>Values of the template's custom fields by field key, kept even when a field is later removed.</summary>
    public Dictionary<string, string?> CustomFieldValues { get; set; } = [];
    public Guid Version { get; set; }

    public static string FormatNumber(int sequence) => $"T-{sequence:D6}";
}

public class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.Property(t => t.Number).HasMaxLength(DataLimits.NumberLength);
        builder.Property(t => t.Title).HasMaxLength(DataLimits.TitleLength);
        builder.Property(t => t.Description).HasMaxLength(DataLimits.DescriptionLength);
        builder.Property(t => t.CustomFieldValues).HasJsonConversion();
        builder.HasOne(t => t.Contact).WithMany().HasForeignKey(t => t.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.AssignedUser).WithMany().HasForeignKey(t => t.AssignedUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(t => t.Template).WithMany().HasForeignKey(t => t.TemplateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.OrganisationId, t.Number }).IsUnique();
        builder.HasIndex(t => new { t.OrganisationId, t.Status, t.Priority });
        // The calendar's overlap test reads the end from the index, so only visits that overlap its week are fetched.
        builder.HasIndex(t => new { t.OrganisationId, t.ScheduledStart, t.ScheduledEnd, t.AssignedUserId }, "IX_Tickets_Schedule");
        // Newest first; the dashboard counts open tickets by status and priority from it without reading rows.
        builder.HasIndex(t => new { t.OrganisationId, t.CreatedAt, t.Status, t.Priority });
        builder.HasIndex(t => new { t.OrganisationId, t.Status, t.ResolutionDueAt });
        // Each person's tickets; the dashboard counts their open tickets and sums their scheduled hours from it alone.
        builder.HasIndex(t => new { t.OrganisationId, t.AssignedUserId, t.Status, t.ScheduledStart, t.ScheduledEnd }, "IX_Tickets_Workload");
        // The dashboard counts resolutions per week.
        builder.HasIndex(t => new { t.OrganisationId, t.ResolvedAt });
        // Risk order: the list walks this index range by range instead of sorting every match (TicketSearch). The
        // status and resolution time let the dashboard tell met from breached targets without reading rows.
        builder.HasIndex(t => new { t.OrganisationId, t.ResolutionDueAt, t.Id, t.Status, t.ResolvedAt });
    }
}
