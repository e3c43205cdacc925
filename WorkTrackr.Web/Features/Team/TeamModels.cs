using WorkTrackr.Data.Identity;
using WorkTrackr.Data.Organisations;

namespace WorkTrackr.Web.Features.Team;

/// <summary>
/// A member as the team page lists them. <see cref="OpenTickets"/> and <see cref="OwnedContacts"/> are what still points
/// at them: for a deactivated person, work to reassign.
/// </summary>
public sealed record MemberRow(Guid Id, string DisplayName, string Email, string Role, bool IsActive, DateTime? LastSignInAt, int WeeklyHours,
    int OpenTickets, int OwnedContacts)
{
    public bool NeedsReassignment => !IsActive && (OpenTickets > 0 || OwnedContacts > 0);
}

/// <summary>An invitation not yet accepted: pending, expired or revoked.</summary>
public sealed record InvitationRow(Guid Id, string Email, string Role, InvitationStatus Status, DateTime SentAt, DateTime ExpiresAt, string? InvitedBy);

/// <summary>What the organisation pays for its seats: its active people on its plan's prices.</summary>
public sealed record SeatSummary(OrganisationPlan Plan, int Seats, decimal BasePrice, decimal PricePerSeat, decimal MonthlyPrice);

/// <summary>One line of the team's sign-in history.</summary>
public sealed record TeamSignIn(DateTime At, string Person, SignInEventKind Kind, string? IpAddress, string? UserAgent);

/// <summary>The invitation a link opens, as the accept page shows it.</summary>
public sealed record InvitationView(string Organisation, string Email, string Role, InvitationStatus Status);

/// <summary>What an Admin fills in to invite someone.</summary>
public sealed class InviteInput
{
    public string Email { get; set; } = "";
    public string Role { get; set; } = Roles.Technician;
}
