using System.Globalization;
using System.Text;

namespace WorkTrackr.Web.Infrastructure.Calendar;

/// <summary>One event of an iCalendar feed. Times are UTC instants.</summary>
public sealed record CalendarFeedEvent(string Uid, DateTime Stamp, DateTime Start, DateTime End, string Summary, string? Description,
    string? Location, string Status, string? Category);

/// <summary>
/// Writes an RFC 5545 VCALENDAR: CRLF line ends, content lines folded at 75 octets without splitting a UTF-8 character,
/// TEXT values escaped (backslash, semicolon, comma, newline), and times in UTC ("Z" form). Written by hand: the
/// package registry has no iCalendar library (Ical.Net is not served), and publishing needs only this small part.
/// </summary>
public static class ICalendarWriter
{
    private const int MaxOctets = 75;

    public static string Write(string calendarName, IEnumerable<CalendarFeedEvent> events)
    {
        var output = new StringBuilder();
        Line(output, "BEGIN:VCALENDAR");
        Line(output, "VERSION:2.0");
        Line(output, "PRODID:-//WorkTrackr//CRM calendar//EN");
        Line(output, "CALSCALE:GREGORIAN");
        Line(output, "METHOD:PUBLISH");
        Line(output, "X-WR-CALNAME:" + Escape(calendarName));
        foreach (var e in events)
        {
            Line(output, "BEGIN:VEVENT");
            Line(output, "UID:" + Escape(e.Uid));
            Line(output, "DTSTAMP:" + Utc(e.Stamp));
            Line(output, "DTSTART:" + Utc(e.Start));
            Line(output, "DTEND:" + Utc(e.End));
            Line(output, "SUMMARY:" + Escape(e.Summary));
            if (!string.IsNullOrEmpty(e.Description)) Line(output, "DESCRIPTION:" + Escape(e.Description));
            if (!string.IsNullOrEmpty(e.Location)) Line(output, "LOCATION:" + Escape(e.Location));
            if (!string.IsNullOrEmpty(e.Category)) Line(output, "CATEGORIES:" + Escape(e.Category));
            Line(output, "STATUS:" + e.Status);
            Line(output, "END:VEVENT");
        }
        Line(output, "END:VCALENDAR");
        return output.ToString();
    }

    /// <summary>RFC 5545 §3.3.11: backslash, semicolon and comma escaped; line breaks as \n.</summary>
    public static string Escape(string text) => text
        .Replace(@"\", @"\\", StringComparison.Ordinal)
        .Replace(";", @"\;", StringComparison.Ordinal)
        .Replace(",", @"\,", StringComparison.Ordinal)
        .Replace("\r\n", @"\n", StringComparison.Ordinal)
        .Replace("\n", @"\n", StringComparison.Ordinal)
        .Replace("\r", @"\n", StringComparison.Ordinal);

    private static string Utc(DateTime instant) =>
        DateTime.SpecifyKind(instant, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>RFC 5545 §3.1: lines longer than 75 octets continue on the next line after CRLF and one space.</summary>
    private static void Line(StringBuilder output, string line)
    {
        var octets = 0;
        var limit = MaxOctets;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                output.Append("\r\n ");
                octets = 0;
                limit = MaxOctets - 1; // the leading space counts
            }
            output.Append(rune.ToString());
            octets += size;
        }
        output.Append("\r\n");
    }
}
