using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Organisations;
using WorkTrackr.Data.Resellers;

namespace WorkTrackr.Data.Identity;

/// <summary>
/// A person who signs in: a member of one organisation, a reseller user, or a platform admin (neither).
/// Not filtered by tenancy, because sign-in must find users before anyone is signed in: any query that lists users
/// for an organisation must scope them by <see cref="OrganisationId"/> itself.
/// </summary>
public class ApplicationUser : IdentityUser<Guid>, IHasTimestamps, ISoftDeletable
{
    public ApplicationUser() => Id = Guid.CreateVersion7();

    public string DisplayName { get; set; } = "";
    /// <summary>IANA time zone id; null means the organisation's.</summary>
    public string? TimeZoneId { get; set; }
    public Guid? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public Guid? ResellerId { get; set; }
    public Reseller? Reseller { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>Hours a week the person can be scheduled for, against which the dashboard shows their workload.</summary>
    public int WeeklyCapacityHours { get; set; } = DefaultWeeklyCapacityHours;
    /// <summary>
    /// SHA-256 (hex) of the secret in the person's calendar feed address; null when they have none. Only the hash is
    /// kept, so a leaked database does not leak feeds; regenerating replaces it and kills the old address.
    /// </summary>
    public string? CalendarFeedTokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public const int DefaultWeeklyCapacityHours = 40;
}

public static class Roles
{
    public const string PlatformAdmin = nameof(PlatformAdmin);
    public const string Reseller = nameof(Reseller);
    public const string Admin = nameof(Admin);
    public const string Manager = nameof(Manager);
    public const string Dispatcher = nameof(Dispatcher);
    public const string Technician = nameof(Technician);

    public static readonly IReadOnlyList<string> All = [PlatformAdmin, Reseller, Admin, Manager, Dispatcher, Technician];
    public static readonly IReadOnlyList<string> Organisation = [Admin, Manager, Dispatcher, Technician];
}

public class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(DataLimits.NameLength);
        builder.Property(u => u.TimeZoneId).HasMaxLength(DataLimits.TimeZoneLength);
        builder.Property(u => u.CalendarFeedTokenHash).HasMaxLength(64);
        // The default fills existing rows; the sentinel makes EF always send the value, so 0 hours is stored as 0.
        builder.Property(u => u.WeeklyCapacityHours).HasDefaultValue(ApplicationUser.DefaultWeeklyCapacityHours).HasSentinel(int.MinValue);
        builder.HasIndex(u => u.CalendarFeedTokenHash).IsUnique();
        builder.HasOne(u => u.Organisation).WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(u => u.Reseller).WithMany().HasForeignKey(u => u.ResellerId).OnDelete(DeleteBehavior.Restrict);
    }
}
