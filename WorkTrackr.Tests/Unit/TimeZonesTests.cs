using WorkTrackr.Web.Infrastructure.TimeZones;

namespace WorkTrackr.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class TimeZonesTests
{
    [Theory]
    // Early-morning UTC is still the previous evening in New York (UTC-4 in summer, UTC-5 in winter).
    [InlineData("2026-07-01T03:30:00Z", "America/New_York", "2026-06-30")]
    [InlineData("2026-07-01T04:30:00Z", "America/New_York", "2026-07-01")]
    [InlineData("2026-01-01T04:30:00Z", "America/New_York", "2025-12-31")]
    [InlineData("2026-01-01T05:30:00Z", "America/New_York", "2026-01-01")]
    [InlineData("2026-03-31T23:30:00Z", "Europe/London", "2026-04-01")]
    public void Today_is_the_date_where_the_person_is(string utcNow, string zone, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), TimeZones.Today(StoppedClock.At(DateTimeOffset.Parse(utcNow, CultureInfo.InvariantCulture)), zone));

    [Fact]
    public void A_day_whose_midnight_does_not_exist_starts_at_its_first_real_minute()
    {
        // Chile moves its clocks from 00:00 to 01:00 on the first Sunday of September.
        var zone = TimeZones.Find("America/Santiago");
        Assert.True(zone.IsInvalidTime(new DateTime(2026, 9, 6, 0, 0, 0)));

        Assert.Equal(new DateTime(2026, 9, 6, 4, 0, 0, DateTimeKind.Utc), TimeZones.StartOfDayUtc(new DateOnly(2026, 9, 6), "America/Santiago"));
        Assert.Equal(new DateTime(2026, 9, 5, 4, 0, 0, DateTimeKind.Utc), TimeZones.StartOfDayUtc(new DateOnly(2026, 9, 5), "America/Santiago"));
    }

    [Fact]
    public void Unknown_zones_are_invalid_and_fall_back_to_utc()
    {
        Assert.False(TimeZones.IsValid("Mars/Olympus_Mons"));
        Assert.True(TimeZones.IsValid("Europe/Paris"));
        Assert.Equal(TimeZoneInfo.Utc, TimeZones.Find("Mars/Olympus_Mons"));
    }

    [Fact]
    public void The_picker_offers_iana_zones_including_utc() =>
        Assert.Contains(TimeZones.All, z => z.Id == "America/Chicago");
}

[Trait("Category", "Unit")]
public sealed class WallClockTests
{
    [Fact]
    public void Wall_clock_times_convert_to_utc_across_daylight_saving_changes()
    {
        // New York: 2026-03-08 02:30 does not exist; 2026-11-01 01:30 happens twice (EDT first, then EST).
        Assert.Null(TimeZones.ToUtc(new DateTime(2026, 3, 8, 2, 30, 0), "America/New_York"));
        Assert.Equal(new DateTime(2026, 3, 8, 8, 0, 0, DateTimeKind.Utc), TimeZones.ToUtc(new DateTime(2026, 3, 8, 4, 0, 0), "America/New_York"));
        Assert.Equal(new DateTime(2026, 11, 1, 5, 30, 0, DateTimeKind.Utc), TimeZones.ToUtc(new DateTime(2026, 11, 1, 1, 30, 0), "America/New_York"));
        Assert.Equal(new DateTime(2026, 11, 1, 14, 0, 0, DateTimeKind.Utc), TimeZones.ToUtc(new DateTime(2026, 11, 1, 9, 0, 0), "America/New_York"));
    }
}
