using System.Text;
using System.Text.RegularExpressions;
using Ical.Net.DataTypes;
using WorkTrackr.Web.Infrastructure.Calendar;

namespace WorkTrackr.Tests.Unit;

/// <summary>The CRM feed's iCalendar output against the rules of RFC 5545 that calendar apps depend on.</summary>
[Trait("Category", "Unit")]
public sealed partial class ICalendarWriterTests
{
    private static readonly DateTime Start = new(2026, 3, 8, 13, 0, 0, DateTimeKind.Utc);

    private static readonly CalendarFeedEvent[] Events =
    [
        new("a1@worktrackr", Start.AddDays(-1), Start, Start.AddHours(1),
            "Quarterly review; budget, renewals \\ next steps (Müller & Söhne GmbH — Zürich office, Bahnhofstraße 1)",
            "Call with Müller\nBring the signed quote, the renewal list and the 2027 price sheet 🙂 — ask about the second site",
            "Bahnhofstraße 1, 8001 Zürich", "CONFIRMED", "Meeting"),
        // Kind Unspecified, as the database returns it: still written as a UTC instant.
        new("a2@worktrackr", DateTime.SpecifyKind(Start, DateTimeKind.Unspecified), Start.AddDays(2), Start.AddDays(2).AddMinutes(15),
            "Cancelled call", null, null, "CANCELLED", "Call"),
    ];

    private static string Sample() => ICalendarWriter.Write("WorkTrackr: Dana Dispatcher", Events);

    [Fact]
    public void Every_line_ends_with_crlf_and_no_physical_line_exceeds_75_octets()
    {
        var text = Sample();

        Assert.EndsWith("\r\n", text);
        Assert.DoesNotMatch(BareLineFeed(), text);
        var lines = text[..^2].Split("\r\n");
        Assert.All(lines, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}"));
        // Folding never splits a character: every physical line is valid UTF-8 on its own.
        Assert.All(lines, line => Assert.Equal(line, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(line))));
        Assert.Contains(lines, line => line.StartsWith(' ')); // the long summary was folded
    }

    [Fact]
    public void Unfolded_it_is_a_well_formed_calendar_with_escaped_text_and_utc_times()
    {
        var content = Unfold(Sample());

        Assert.Equal("BEGIN:VCALENDAR", content[0]);
        Assert.Equal("END:VCALENDAR", content[^1]);
        Assert.Contains("VERSION:2.0", content);
        Assert.Contains(content, l => l.StartsWith("PRODID:", StringComparison.Ordinal));
        Assert.All(content, l => Assert.Matches(ContentLine(), l));
        var depth = 0;
        foreach (var line in content)
        {
            if (line.StartsWith("BEGIN:", StringComparison.Ordinal)) depth++;
            if (line.StartsWith("END:", StringComparison.Ordinal)) depth--;
            Assert.True(depth >= 0);
        }
        Assert.Equal(0, depth);

        var events = Split(content);
        Assert.Equal(2, events.Count);
        foreach (var e in events)
        {
            foreach (var required in new[] { "UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "STATUS" })
                Assert.Single(e, l => l.StartsWith(required + ":", StringComparison.Ordinal));
            Assert.All(e.Where(l => l.StartsWith("DT", StringComparison.Ordinal)), l => Assert.Matches(UtcTime(), l));
        }
        Assert.Contains(@"SUMMARY:Quarterly review\; budget\, renewals \\ next steps (Müller & Söhne GmbH — Zürich office\, Bahnhofstraße 1)", events[0]);
        Assert.Contains(@"DESCRIPTION:Call with Müller\nBring the signed quote\, the renewal list and the 2027 price sheet 🙂 — ask about the second site", events[0]);
        Assert.Contains("DTSTART:20260308T130000Z", events[0]);
        Assert.Contains("STATUS:CANCELLED", events[1]);
        Assert.Contains("DTSTAMP:20260308T130000Z", events[1]);
        Assert.Contains("METHOD:PUBLISH", content);
        Assert.Contains("PRODID:-//WorkTrackr//CRM calendar//EN", content);
        Assert.Contains("X-WR-CALNAME:WorkTrackr: Dana Dispatcher", content);
        Assert.Contains("CATEGORIES:Meeting", events[0]);
        Assert.Contains("STATUS:CONFIRMED", events[0]);
        Assert.Contains(@"LOCATION:Bahnhofstraße 1\, 8001 Zürich", events[0]);
    }

    [Fact]
    public void Ical_nets_own_parser_reads_every_field_back()
    {
        // Through UTF-8 bytes, as a calendar app receives the feed.
        var calendar = Ical.Net.Calendar.Load(Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(Sample())))!;

        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Equal("-//WorkTrackr//CRM calendar//EN", calendar.ProductId);
        Assert.Equal("WorkTrackr: Dana Dispatcher", calendar.Properties["X-WR-CALNAME"]?.Value);
        Assert.Equal(Events.Length, calendar.Events.Count);
        foreach (var (expected, actual) in Events.Zip(calendar.Events.OrderBy(e => e.Uid, StringComparer.Ordinal)))
        {
            Assert.Equal(expected.Uid, actual.Uid);
            AssertUtc(expected.Stamp, actual.DtStamp);
            AssertUtc(expected.Start, actual.DtStart);
            AssertUtc(expected.End, actual.DtEnd);
            Assert.Equal(expected.Summary, actual.Summary);
            Assert.Equal(expected.Description, actual.Description);
            Assert.Equal(expected.Location, actual.Location);
            Assert.Equal(expected.Status, actual.Status);
            Assert.Equal(new[] { expected.Category! }, actual.Categories);
        }
        // The special characters came back as written, not as their escapes.
        var first = calendar.Events.Single(e => e.Uid == "a1@worktrackr");
        Assert.Contains(@"renewals \ next steps", first.Summary);
        Assert.Contains("Müller\nBring", first.Description);
        Assert.Contains("price sheet 🙂 —", first.Description);

        static void AssertUtc(DateTime expected, CalDateTime? actual)
        {
            Assert.NotNull(actual);
            Assert.True(actual.IsUtc, $"{actual} is not UTC");
            Assert.Equal(DateTime.SpecifyKind(expected, DateTimeKind.Utc), actual.AsUtc);
        }
    }

    [Fact]
    public void An_emoji_at_the_fold_is_never_cut_in_two()
    {
        // Ical.Net's own folding counts UTF-16 code units and splits a surrogate pair at some of these offsets.
        for (var padding = 50; padding <= 80; padding++)
        {
            var summary = new string('x', padding) + "🙂🙂🙂 ü — end";
            var text = ICalendarWriter.Write("Folds", [new CalendarFeedEvent("f@worktrackr", Start, Start, Start.AddHours(1), summary, null, null, "CONFIRMED", null)]);
            var bytes = Encoding.UTF8.GetBytes(text);

            Assert.All(text[..^2].Split("\r\n"), line =>
            {
                Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"padding {padding}: {line}");
                Assert.Equal(line, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(line)));
            });
            Assert.Equal(summary, Ical.Net.Calendar.Load(Encoding.UTF8.GetString(bytes))!.Events.Single().Summary);
        }
    }

    /// <summary>RFC 5545 §3.1: a CRLF followed by one space or tab continues the previous line.</summary>
    private static List<string> Unfold(string text) =>
        FoldedBreak().Replace(text, "").Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();

    private static List<List<string>> Split(List<string> content)
    {
        var events = new List<List<string>>();
        List<string>? current = null;
        foreach (var line in content)
        {
            if (line == "BEGIN:VEVENT")
            {
                current = [];
            }
            else if (line == "END:VEVENT") { events.Add(current!); current = null; }
            else
            {
                current?.Add(line);
            }
        }
        return events;
    }

    [GeneratedRegex("(?<!\r)\n")]
    private static partial Regex BareLineFeed();

    [GeneratedRegex("\r\n[ \t]")]
    private static partial Regex FoldedBreak();

    [GeneratedRegex(@"^[A-Z][A-Z0-9-]*(;[^:]*)?:.*$")]
    private static partial Regex ContentLine();

    [GeneratedRegex(@"^DT[A-Z]+:\d{8}T\d{6}Z$")]
    private static partial Regex UtcTime();
}
