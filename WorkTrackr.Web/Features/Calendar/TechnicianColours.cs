using WorkTrackr.Web.Features.Team;

namespace WorkTrackr.Web.Features.Calendar;

/// <summary>
/// The colour each technician's tickets take on the calendar, by their place in the team; grey for nobody. Each takes
/// white text at 5:1 or more (WCAG AA).
/// </summary>
public static class TechnicianColours
{
    public const string Unassigned = "#546e7a";

    private static readonly string[] Palette = ["#1565c0", "#2e7d32", "#c62828", "#6a1b9a", "#b45309", "#00727d", "#ad1457", "#5d4037", "#283593", "#467326"];

    public static string Of(IReadOnlyList<TeamMember> team, Guid? userId)
    {
        if (userId is not { } id) return Unassigned;
        var index = team.Select(m => m.Id).ToList().IndexOf(id);
        return index < 0 ? Unassigned : Palette[index % Palette.Length];
    }
}
