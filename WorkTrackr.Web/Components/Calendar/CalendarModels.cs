namespace WorkTrackr.Web.Components.Calendar;

/// <summary>The views <see cref="EventCalendar"/> offers: a day, a week, a month, and a lane per resource (technician) for a day or a week.</summary>
public enum CalendarView { Day, Week, Month, LanesDay, LanesWeek }

/// <summary>
/// One box on the calendar, in wall-clock time of the viewer's zone (the page converts from UTC). <see cref="Data"/>
/// become <c>data-…</c> attributes of the box (the dispatch calendar's <c>data-ticket</c>); <see cref="Description"/>
/// is its tooltip and accessible name.
/// </summary>
public sealed record CalendarEvent(string Id, string Title, DateTime Start, DateTime End)
{
    /// <summary>The lane it sits in, in the lane views.</summary>
    public string? ResourceId { get; init; }
    public string? Colour { get; init; }
    public string? TextColour { get; init; }
    /// <summary>Whether it may be dragged or resized (when the calendar is editable at all).</summary>
    public bool Editable { get; init; } = true;
    /// <summary>Drawn paler, for finished work.</summary>
    public bool Faded { get; init; }
    public string? Description { get; init; }
    public IReadOnlyDictionary<string, string>? Data { get; init; }
}

/// <summary>A lane of the lane views: a technician, or "Unassigned".</summary>
public sealed record CalendarResource(string Id, string Title);

/// <summary>The days a view shows, [Start, End) in wall-clock time, and its title ("1 – 7 Dec 2026").</summary>
public sealed record CalendarRange(DateTime Start, DateTime End, string Title);

/// <summary>
/// A box dragged to another time (or lane), or resized: its new wall-clock start and end, and the lane it is in now
/// when it moved to another.
/// </summary>
public sealed record CalendarChange(string EventId, DateTime Start, DateTime End, DateTime OldStart, DateTime OldEnd, string? ResourceId, bool ResourceChanged);

/// <summary>A free time picked by click or drag: [Start, End), whether it is a whole day (month view), and its lane.</summary>
public sealed record CalendarSlot(DateTime Start, DateTime End, bool AllDay, string? ResourceId);

/// <summary>
/// Something from outside the calendar dropped on it: an element marked <c>data-calendar-item="id"</c> and
/// <c>draggable="true"</c> (the dispatcher's unscheduled tickets), at <see cref="Start"/>, in lane <see cref="ResourceId"/>.
/// </summary>
public sealed record CalendarDrop(string ItemId, DateTime Start, bool AllDay, string? ResourceId);
