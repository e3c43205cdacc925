using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkTrackr.Data.Common;

namespace WorkTrackr.Data.Services;

/// <summary>
/// That a customer service's renewal on <see cref="RenewalDate"/> was announced <see cref="DaysBefore"/> days ahead.
/// Unique per service, renewal date and threshold: a second sweep, or a second node, cannot announce it again.
/// </summary>
public class RenewalReminder : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid CustomerServiceId { get; set; }
    public DateOnly RenewalDate { get; set; }
    public int DaysBefore { get; set; }
    public DateTime CreatedAt { get; set; }
}

public class RenewalReminderConfiguration : IEntityTypeConfiguration<RenewalReminder>
{
    public void Configure(EntityTypeBuilder<RenewalReminder> builder)
    {
        builder.HasOne<CustomerService>().WithMany().HasForeignKey(r => r.CustomerServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.CustomerServiceId, r.RenewalDate, r.DaysBefore }).IsUnique();
        builder.HasIndex(r => new { r.OrganisationId, r.RenewalDate });
    }
}
