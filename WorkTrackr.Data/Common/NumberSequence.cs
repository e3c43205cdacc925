using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkTrackr.Data.Common;

/// <summary>
/// The next number of a per-organisation series (tickets, invoices). Taken by an UPDATE inside the transaction
/// that inserts the numbered row, so concurrent creations queue on the row lock and never share a number.
/// </summary>
public class NumberSequence : IOrganisationOwned
{
    public const string Tickets = nameof(Tickets);
    public const string Invoices = nameof(Invoices);

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public required string Name { get; set; }
    /// <summary>The last number handed out.</summary>
    public int LastValue { get; set; }
}

public class NumberSequenceConfiguration : IEntityTypeConfiguration<NumberSequence>
{
    public void Configure(EntityTypeBuilder<NumberSequence> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(DataLimits.UnitLength);
        builder.HasIndex(s => new { s.OrganisationId, s.Name }).IsUnique();
    }
}
