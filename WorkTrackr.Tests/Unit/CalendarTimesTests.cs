using WorkTrackr.Web.Features.Calendar;

namespace WorkTrackr.Tests.Unit;

/// <summary>The dispatch calendar's wall-clock arithmetic, across New York's 2026 changes (8 March forward, 1 November back).</summary>
[Trait("Category", "Unit")]
public sealed class CalendarTimesTests
{
    private const string NewYork = "America/New_York";

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void A_visit_moved_a_day_across_the_spring_change_keeps_its_local_time_and_length()
    {
        // Saturday 7 March 09:00–11:00 EST is 14:00–16:00 UTC; on Sunday 8 March, 09:00 EDT is 13:00 UTC.
        var moved = CalendarTimes.Move(Utc(3, 7, 14), Utc(3, 7, 16), TimeSpan.FromDays(1), NewYork);

        Assert.Equal((Utc(3, 8, 13), Utc(3, 8, 15)), moved);
    }

    [Fact]
    public void A_visit_moved_back_across_the_autumn_change_keeps_its_local_time()
    {
        // Monday 2 November 09:00 EST (14:00 UTC) back to Saturday 31 October 09:00 EDT (13:00 UTC).
        var moved = CalendarTimes.Move(Utc(11, 2, 14), Utc(11, 2, 15), TimeSpan.FromDays(-2), NewYork);

        Assert.Equal((Utc(10, 31, 13), Utc(10, 31, 14)), moved);
    }

    [Fact]
    public void A_visit_cannot_be_moved_into_the_hour_the_clocks_skip()
    {
        // Saturday 02:30 EST moved a day lands on 02:30 on 8 March, which New York never sees.
        Assert.Null(CalendarTimes.Move(Utc(3, 7, 7, 30), Utc(3, 7, 8, 30), TimeSpan.FromDays(1), NewYork));
    }

    [Fact]
    public void A_week_view_spanning_a_change_covers_whole_local_days()
    {
        var (from, to) = CalendarTimes.ViewRange(new DateTime(2026, 3, 8), new DateTime(2026, 3, 15), NewYork);

        Assert.Equal(Utc(3, 8, 5), from); // midnight EST
        Assert.Equal(Utc(3, 15, 4), to);  // midnight EDT
    }

    [Fact]
    public void A_view_ending_inside_a_day_includes_that_day()
    {
        var (_, to) = CalendarTimes.ViewRange(new DateTime(2026, 6, 1), new DateTime(2026, 6, 1, 23, 59, 0), NewYork);

        Assert.Equal(Utc(6, 2, 4), to);
    }

    [Theory]
    // Week or day view: the slot carries the time.
    [InlineData("2026-06-03T09:30", "2026-06-05T14:00", "2.04:30:00")]
    // Month view: the slot is a whole day, and the visit keeps its time of day.
    [InlineData("2026-06-03T09:30", "2026-06-10T00:00", "7.00:00:00")]
    [InlineData("2026-06-03T09:30", "2026-06-01T00:00", "-2.00:00:00")]
    public void A_drop_moves_a_visit_to_the_slot(string start, string slot, string expected) =>
        Assert.Equal(TimeSpan.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            CalendarTimes.DropDelta(DateTime.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateTime.Parse(slot, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_clicked_slot_becomes_an_hour_long_visit_and_a_clicked_day_a_morning_one()
    {
        Assert.Equal((new DateTime(2026, 6, 3, 13, 30, 0), new DateTime(2026, 6, 3, 14, 30, 0)),
            CalendarTimes.NewVisit(new DateTime(2026, 6, 3, 13, 30, 0), new DateTime(2026, 6, 3, 14, 0, 0)));
        Assert.Equal((new DateTime(2026, 6, 3, 9, 0, 0), new DateTime(2026, 6, 3, 10, 0, 0)),
            CalendarTimes.NewVisit(new DateTime(2026, 6, 3), new DateTime(2026, 6, 4)));
    }
}
