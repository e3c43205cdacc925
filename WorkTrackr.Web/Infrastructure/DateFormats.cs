using System.Globalization;

namespace WorkTrackr.Web.Infrastructure;

/// <summary>
/// The one way dates and times are written, for people (pages, emails, PDFs, notifications) and for machines (CSV,
/// query strings, pickers typed into as ISO). The date wrappers' <c>Format</c> (MudBlazor's
/// <c>DateFormat</c>) takes these patterns too.
/// <para>
/// The culture policy: everything is written in <see cref="Culture"/>, the invariant culture, whatever the server's
/// locale. The app's text is English, and the invariant culture gives English day and month names ("Thu 3 Dec 2026") and
/// the same text on every machine (ICU's en-GB, for one, writes September as "Sept"). The patterns put the day before the
/// month and spell the month, so no reader mistakes 03/12 for 12 March. A person's zone is applied before formatting
/// (<see cref="Local"/>, <see cref="TimeZones.TimeZones.ToLocal"/>); the format never converts.
/// </para>
/// </summary>
public static class DateFormats
{
    /// <summary>The culture every date and time is written and parsed in.</summary>
    public static CultureInfo Culture => CultureInfo.InvariantCulture;

    /// <summary>3 Dec 2026</summary>
    public const string Date = "d MMM yyyy";

    /// <summary>Thu 3 Dec 2026</summary>
    public const string DayDate = "ddd d MMM yyyy";

    /// <summary>Thursday 3 December 2026</summary>
    public const string LongDate = "dddd d MMMM yyyy";

    /// <summary>3 Dec: for dates the reader can place in the year (lists of recent things, the start of a range).</summary>
    public const string ShortDate = "d MMM";

    /// <summary>3 Dec 2026 14:30</summary>
    public const string DateTime = "d MMM yyyy HH:mm";

    /// <summary>Thu 3 Dec 2026 14:30</summary>
    public const string DayDateTime = "ddd d MMM yyyy HH:mm";

    /// <summary>3 Dec 14:30</summary>
    public const string ShortDateTime = "d MMM HH:mm";

    /// <summary>3 Dec 14:30:05: when runs seconds apart must be told apart (the jobs page).</summary>
    public const string ShortDateTimeSeconds = "d MMM HH:mm:ss";

    /// <summary>Thu 3 Dec 14:30: appointments in the coming days.</summary>
    public const string DayShortDateTime = "ddd d MMM HH:mm";

    /// <summary>14:30, on the 24-hour clock.</summary>
    public const string Time = "HH:mm";

    /// <summary>14:30:05</summary>
    public const string TimeSeconds = "HH:mm:ss";

    /// <summary>December 2026</summary>
    public const string Month = "MMMM yyyy";

    /// <summary>Dec 2026</summary>
    public const string ShortMonth = "MMM yyyy";

    /// <summary>Dec 26: a chart's axis.</summary>
    public const string ChartMonth = "MMM yy";

    /// <summary>2026-12-03: CSV, query strings, stored custom-field values, and the filter pickers people type into.</summary>
    public const string IsoDate = "yyyy-MM-dd";

    /// <summary>A wall-clock date and time with no offset, as the calendar component and its script exchange them.</summary>
    public const string IsoLocalDateTime = "yyyy-MM-dd'T'HH:mm:ss";

    /// <summary>2026-12: a month in a query string, a file name or a CSV.</summary>
    public const string IsoMonth = "yyyy-MM";

    /// <summary>2026-12-03 14:30: CSV, and the date-and-time pickers people type into.</summary>
    public const string IsoDateTime = "yyyy-MM-dd HH:mm";

    /// <summary>20261203-1430: a download's file name, in UTC.</summary>
    public const string FileStamp = "yyyyMMdd-HHmm";

    /// <summary>20261203T1430051234567: file names that sort in the order they were written (the mail pickup folder), in UTC.</summary>
    public const string SortableStamp = "yyyyMMdd'T'HHmmssfffffff";

    public static string Format(DateOnly date, string pattern = Date) => date.ToString(pattern, Culture);

    public static string Format(System.DateTime dateTime, string pattern) => dateTime.ToString(pattern, Culture);

    /// <summary>A UTC instant written as the wall-clock time in a zone (the person's, or the organisation's).</summary>
    public static string Local(System.DateTime utc, string? timeZoneId, string pattern) =>
        Format(TimeZones.TimeZones.ToLocal(utc, timeZoneId), pattern);

    /// <summary>An ISO date (<see cref="IsoDate"/>), or null when the text is not one.</summary>
    public static DateOnly? ParseIsoDate(string? text) =>
        DateOnly.TryParseExact(text, IsoDate, Culture, DateTimeStyles.None, out var date) ? date : null;
}
