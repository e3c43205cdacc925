using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkTrackr.Data.Common;

namespace WorkTrackr.Data.Identity;

public enum SignInEventKind { SignedIn = 0, Failed = 1, LockedOut = 2, SignedOut = 3, PasswordChanged = 4, SessionEnded = 5 }

/// <summary>
/// One line of a person's sign-in history: a sign-in, a failed attempt, a lockout, a sign-out, a password change or a
/// session ended from elsewhere, with where it came from. Platform-level (a failed attempt may name no known person);
/// <see cref="OrganisationId"/> is the person's organisation at the time, for the team's history.
/// </summary>
public class SignInEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? UserId { get; set; }
    public Guid? OrganisationId { get; set; }
    /// <summary>The address typed at sign-in, kept for failed attempts on no known account.</summary>
    public string? Email { get; set; }
    public SignInEventKind Kind { get; set; }
    /// <summary>UTC.</summary>
    public DateTime At { get; set; }
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
}

public class SignInEventConfiguration : IEntityTypeConfiguration<SignInEvent>
{
    public void Configure(EntityTypeBuilder<SignInEvent> builder)
    {
        builder.Property(e => e.Email).HasMaxLength(DataLimits.EmailLength);
        builder.Property(e => e.IpAddress).HasMaxLength(DataLimits.IpAddressLength);
        builder.Property(e => e.UserAgent).HasMaxLength(DataLimits.UserAgentLength);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.UserId, e.At });
        builder.HasIndex(e => new { e.OrganisationId, e.At });
    }
}

/// <summary>
/// One signed-in browser: made at sign-in, named in its cookie (the <c>worktrackr:session</c> claim), and checked whenever the cookie or the
/// circuit is revalidated. Ending it (from another session, or by a password change) signs that browser out.
/// </summary>
public class UserSession
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    /// <summary>UTC.</summary>
    public DateTime StartedAt { get; set; }
    /// <summary>UTC: the last time the cookie was revalidated (about once a minute while the browser is in use).</summary>
    public DateTime LastSeenAt { get; set; }
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
    public DateTime? EndedAt { get; set; }
}

public class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.Property(e => e.IpAddress).HasMaxLength(DataLimits.IpAddressLength);
        builder.Property(e => e.UserAgent).HasMaxLength(DataLimits.UserAgentLength);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.UserId, e.EndedAt });
    }
}
