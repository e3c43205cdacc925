using System.Globalization;

namespace WorkTrackr.Web.Infrastructure.TimeZones;

/// <summary>IANA time zones for pickers and conversions of UTC instants into a person's zone.</summary>
public static class TimeZones
{
    public static readonly IReadOnlyList<TimeZoneChoice> All = TimeZoneInfo.GetSystemTimeZones()
        .Where(z => z.Id.Contains('/') || z.Id == "UTC")
        .OrderBy(z => z.BaseUtcOffset).ThenBy(z => z.Id)
        .Select(z => new TimeZoneChoice(z.Id, $"(UTC{Format(z.BaseUtcOffset)}) {z.Id.Replace('_', ' ')}"))
        .ToList();

    public static bool IsValid(string? id) => id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    public static TimeZoneInfo Find(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateTime ToLocal(DateTime utc, string? timeZoneId) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Find(timeZoneId));

    /// <summary>
    /// The UTC instant of a wall-clock time in a zone, or null for a time the zone skips when clocks go forward.
    /// An ambiguous time (clocks going back) is taken as the first of its two occurrences.
    /// </summary>
    public static DateTime? ToUtc(DateTime local, string? timeZoneId)
    {
        var zone = Find(timeZoneId);
        var wallClock = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wallClock)) return null;
        if (zone.IsAmbiguousTime(wallClock))
            return DateTime.SpecifyKind(wallClock - zone.GetAmbiguousTimeOffsets(wallClock).Max(), DateTimeKind.Utc);
        return TimeZoneInfo.ConvertTimeToUtc(wallClock, zone);
    }

    /// <summary>Today's date where the person is.</summary>
    public static DateOnly Today(TimeProvider clock, string? timeZoneId) =>
        DateOnly.FromDateTime(ToLocal(clock.GetUtcNow().UtcDateTime, timeZoneId));

    /// <summary>
    /// The UTC instant a local day starts. Where clocks jump forward at midnight (Santiago, Havana, Cairo…) local
    /// midnight does not exist, and the day starts at the first local time that does.
    /// </summary>
    public static DateTime StartOfDayUtc(DateOnly day, string? timeZoneId)
    {
        var zone = Find(timeZoneId);
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(15);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    private static string Format(TimeSpan offset) => (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}

public sealed record TimeZoneChoice(string Id, string Label);
