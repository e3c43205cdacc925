using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace WorkTrackr.Web.Infrastructure.Calendar;

/// <summary>One event of an iCalendar feed. Times are UTC instants.</summary>
public sealed record CalendarFeedEvent(string Uid, DateTime Stamp, DateTime Start, DateTime End, string Summary, string? Description,
    string? Location, string Status, string? Category);

/// <summary>
/// Writes an RFC 5545 VCALENDAR with Ical.Net: CRLF line ends, TEXT values escaped (backslash, semicolon, comma,
/// newline), times in UTC ("Z" form), and content lines folded at 75 octets without splitting a UTF-8 character.
/// </summary>
public static class ICalendarWriter
{
    private const int MaxOctets = 75;

    public static string Write(string calendarName, IEnumerable<CalendarFeedEvent> events)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//WorkTrackr//CRM calendar//EN", Scale = "GREGORIAN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        foreach (var e in events)
        {
            var item = new CalendarEvent
            {
                Uid = e.Uid,
                DtStamp = Utc(e.Stamp),
                DtStart = Utc(e.Start),
                DtEnd = Utc(e.End),
                Summary = e.Summary,
                Status = e.Status,
            };
            if (!string.IsNullOrEmpty(e.Description)) item.Description = e.Description;
            if (!string.IsNullOrEmpty(e.Location)) item.Location = e.Location;
            if (!string.IsNullOrEmpty(e.Category)) item.Categories.Add(e.Category);
            calendar.Events.Add(item);
        }
        var serialized = new CalendarSerializer().SerializeToString(calendar) ?? "";
        return Refold(serialized);
    }

    /// <summary>
    /// The database hands back DateTimes of kind Unspecified that are UTC instants; naming the zone keeps the "Z" form
    /// whatever the kind.
    /// </summary>
    private static CalDateTime Utc(DateTime instant) => new(DateTime.SpecifyKind(instant, DateTimeKind.Utc), CalDateTime.UtcTzId);

    /// <summary>
    /// Ical.Net 5.2.4 folds at 75 octets but walks UTF-16 code units, so an emoji (a surrogate pair) that lands on the
    /// boundary is cut in two and turns into U+FFFD once the feed is encoded as UTF-8. Unfold its output (RFC 5545 §3.1:
    /// CRLF plus one space; escaped TEXT never holds a bare CRLF) and fold again by whole Unicode scalar values.
    /// </summary>
    private static string Refold(string serialized)
    {
        var output = new StringBuilder(serialized.Length + serialized.Length / 32);
        var unfolded = serialized.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal);
        foreach (var line in unfolded.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)) Fold(output, line);
        return output.ToString();
    }

    private static void Fold(StringBuilder output, string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxOctets)
            {
                output.Append("\r\n ");
                octets = 1; // the leading space counts
            }
            output.Append(rune.ToString());
            octets += size;
        }
        output.Append("\r\n");
    }
}
