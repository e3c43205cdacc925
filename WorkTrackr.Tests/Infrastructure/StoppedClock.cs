using Microsoft.Extensions.Time.Testing;

namespace WorkTrackr.Tests.Infrastructure;

/// <summary>The clocks the tests hand to the code under test.</summary>
public static class StoppedClock
{
    /// <summary>
    /// A <see cref="FakeTimeProvider"/> that reads <paramref name="utcNow"/> until a test moves it (its AutoAdvanceAmount
    /// stays zero). Its local zone is UTC+14, a day away from the zones the tests use, so code that takes "today" from the
    /// machine's zone instead of the person's or the organisation's gets a wrong date and fails the test.
    /// </summary>
    public static FakeTimeProvider At(DateTimeOffset utcNow)
    {
        var clock = new FakeTimeProvider(utcNow);
        clock.SetLocalTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Pacific/Kiritimati"));
        return clock;
    }
}
