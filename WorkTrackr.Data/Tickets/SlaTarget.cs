using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkTrackr.Data.Common;

namespace WorkTrackr.Data.Tickets;

/// <summary>An organisation's response and resolution targets for one ticket priority, in elapsed minutes.</summary>
public class SlaTarget : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public TicketPriority Priority { get; set; }
    public int ResponseMinutes { get; set; }
    public int ResolutionMinutes { get; set; }

    /// <summary>Targets an organisation has until it sets its own.</summary>
    public static IReadOnlyDictionary<TicketPriority, (int ResponseMinutes, int ResolutionMinutes)> Defaults { get; } =
        new Dictionary<TicketPriority, (int, int)>
        {
            [TicketPriority.Urgent] = (60, 4 * 60),
            [TicketPriority.High] = (4 * 60, 24 * 60),
            [TicketPriority.Medium] = (8 * 60, 3 * 24 * 60),
            [TicketPriority.Low] = (24 * 60, 5 * 24 * 60),
        };
}

public class SlaTargetConfiguration : IEntityTypeConfiguration<SlaTarget>
{
    public void Configure(EntityTypeBuilder<SlaTarget> builder)
    {
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_SlaTargets_Response", "\"ResponseMinutes\" > 0");
            t.HasCheckConstraint("CK_SlaTargets_Resolution", "\"ResolutionMinutes\" >= \"ResponseMinutes\"");
        });
        builder.HasIndex(s => new { s.OrganisationId, s.Priority }).IsUnique();
    }
}
