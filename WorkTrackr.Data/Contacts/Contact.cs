using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkTrackr.Data.Common;

namespace WorkTrackr.Data.Contacts;

public enum ContactKind { Company = 0, Individual = 1 }

public class Contact : Entity, IOrganisationOwned, IConcurrencyVersioned, ISoftDeletable
{
    public Guid OrganisationId { get; set; }
    public ContactKind Kind { get; set; } = ContactKind.Company;
    public required string Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? BillingAddress { get; set; }
    public string? ServiceAddress { get; set; }
    public string? Notes { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>The person who looks after this customer: renewal reminders go to them.</summary>
    public Guid? OwnerUserId { get; set; }
    public Guid Version { get; set; }
}

public class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(DataLimits.NameLength);
        builder.Property(c => c.Email).HasMaxLength(DataLimits.EmailLength);
        builder.Property(c => c.Phone).HasMaxLength(DataLimits.PhoneLength);
        builder.Property(c => c.BillingAddress).HasMaxLength(DataLimits.AddressLength);
        builder.Property(c => c.ServiceAddress).HasMaxLength(DataLimits.AddressLength);
        builder.Property(c => c.Notes).HasMaxLength(DataLimits.NotesLength);
        builder.HasOne<Identity.ApplicationUser>().WithMany().HasForeignKey(c => c.OwnerUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => new { c.OrganisationId, c.Name });
    }
}
