using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkTrackr.Data.Common;

namespace WorkTrackr.Data.Invoicing;

/// <summary>An issued invoice's PDF: queued at issue, rendered by the PDF job and stored here.</summary>
public class InvoiceDocument : QueuedWork, IOrganisationOwned
{
    public Guid OrganisationId { get; set; }
    public Guid InvoiceId { get; set; }
    public Invoice? Invoice { get; set; }
    public byte[]? Content { get; set; }
}

public class InvoiceDocumentConfiguration : IEntityTypeConfiguration<InvoiceDocument>
{
    public void Configure(EntityTypeBuilder<InvoiceDocument> builder)
    {
        builder.Property(d => d.LastError).HasMaxLength(DataLimits.ErrorLength);
        builder.HasOne(d => d.Invoice).WithOne().HasForeignKey<InvoiceDocument>(d => d.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.InvoiceId).IsUnique();
        // The sweep asks for due rows of every organisation.
        builder.HasIndex(d => new { d.State, d.NextAttemptAt });
    }
}
