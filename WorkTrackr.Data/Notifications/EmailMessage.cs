using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkTrackr.Data.Common;

namespace WorkTrackr.Data.Notifications;

/// <summary>
/// An email waiting to be sent, or sent: the email job delivers it and retries failures, so the action that queued it
/// never waits for a mail server. Platform-level (account emails have no organisation); <see cref="OrganisationId"/>
/// says whose it is when it has one, and only the platform and email job read across organisations.
/// </summary>
public class EmailMessage : QueuedWork
{
    public Guid? OrganisationId { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string HtmlBody { get; set; }
}

public class EmailMessageConfiguration : IEntityTypeConfiguration<EmailMessage>
{
    public void Configure(EntityTypeBuilder<EmailMessage> builder)
    {
        builder.Property(m => m.To).HasMaxLength(DataLimits.EmailLength);
        builder.Property(m => m.Subject).HasMaxLength(DataLimits.TitleLength);
        builder.Property(m => m.LastError).HasMaxLength(DataLimits.ErrorLength);
        builder.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.State, m.NextAttemptAt });
        builder.HasIndex(m => new { m.OrganisationId, m.CreatedAt });
    }
}
