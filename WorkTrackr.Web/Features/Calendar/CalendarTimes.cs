using WorkTrackr.Web.Infrastructure.TimeZones;

namespace WorkTrackr.Web.Features.Calendar;

/// <summary>
/// The calendar shows and edits wall-clock times in the viewer's zone; tickets store UTC instants. These conversions
/// keep a visit at the same local time of day when it moves across a daylight-saving change.
/// </summary>
public static class CalendarTimes
{
    /// <summary>The UTC range that covers the local days a view shows, [first day's start, the day after the last).</summary>
    public static (DateTime FromUtc, DateTime ToUtc) ViewRange(DateTime localStart, DateTime localEnd, string zone)
    {
        var last = DateOnly.FromDateTime(localEnd);
        if (localEnd.TimeOfDay != TimeSpan.Zero || localEnd == localStart) last = last.AddDays(1);
        return (TimeZones.StartOfDayUtc(DateOnly.FromDateTime(localStart), zone), TimeZones.StartOfDayUtc(last, zone));
    }

    /// <summary>
    /// A visit moved on the calendar by <paramref name="delta"/> of wall-clock time: 09:00–11:00 on the Saturday before
    /// clocks change, moved a day on, is 09:00–11:00 on the Sunday. Null when the new start or end is a time the zone
    /// skips.
    /// </summary>
    public static (DateTime StartUtc, DateTime EndUtc)? Move(DateTime startUtc, DateTime endUtc, TimeSpan delta, string zone)
    {
        var start = TimeZones.ToUtc(TimeZones.ToLocal(startUtc, zone) + delta, zone);
        var end = TimeZones.ToUtc(TimeZones.ToLocal(endUtc, zone) + delta, zone);
        return start is { } s && end is { } e ? (s, e) : null;
    }

    /// <summary>
    /// How far a drop moves a visit starting at <paramref name="localStart"/>. Day and week slots carry their time; a
    /// month slot is a whole day (midnight), and a visit dropped there keeps its time of day.
    /// </summary>
    public static TimeSpan DropDelta(DateTime localStart, DateTime slotDate) =>
        slotDate.TimeOfDay == TimeSpan.Zero ? slotDate.Date - localStart.Date : slotDate - localStart;

    /// <summary>A new visit from a clicked slot: an hour from the slot's start, or 09:00–10:00 for a whole day.</summary>
    public static (DateTime StartLocal, DateTime EndLocal) NewVisit(DateTime slotStart, DateTime slotEnd)
    {
        var wholeDay = slotStart.TimeOfDay == TimeSpan.Zero && slotEnd - slotStart >= TimeSpan.FromDays(1);
        var start = wholeDay ? slotStart.Date.AddHours(9) : slotStart;
        return (start, start.AddHours(1));
    }
}
