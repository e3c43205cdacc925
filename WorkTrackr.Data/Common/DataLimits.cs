namespace WorkTrackr.Data.Common;

/// <summary>Column sizes and money facets, shared by the EF configuration and the form validators.</summary>
public static class DataLimits
{
    public const int NameLength = 200;
    public const int TitleLength = 200;
    public const int EmailLength = 256;
    public const int PhoneLength = 50;
    public const int AddressLength = 500;
    public const int NotesLength = 4000;
    public const int DescriptionLength = 8000;
    public const int CategoryLength = 100;
    public const int UnitLength = 30;
    public const int CurrencyLength = 3;
    public const int TimeZoneLength = 64;
    public const int NumberLength = 20;
    public const int LineDescriptionLength = 500;
    public const int EntityTypeLength = 100;
    public const int EntityIdLength = 64;
    public const int IpAddressLength = 45;
    public const int UserAgentLength = 300;
    public const int RoleLength = 50;
    public const int TaxNumberLength = 50;
    public const int ContentTypeLength = 100;
    public const int ReasonLength = 500;
    public const int ErrorLength = 2000;
    public const int LinkLength = 300;
    public const int ReminderDaysLength = 50;

    /// <summary>The message of a text over its limit, as a data-annotation format ({1} is the limit).</summary>
    public const string TooLong = "Use at most {1} characters.";

    /// <summary><see cref="TooLong"/> for a check written in code.</summary>
    public static string TooLongMessage(int limit) => string.Format(System.Globalization.CultureInfo.InvariantCulture, TooLongFormat, null, limit);

    private static readonly System.Text.CompositeFormat TooLongFormat = System.Text.CompositeFormat.Parse(TooLong);

    public const int MoneyPrecision = 12;
    public const int MoneyScale = 2;
    public const int RatePrecision = 5;
    public const int RateScale = 4;
}
