namespace WorkTrackr.Data.Common;

public static class Money
{
    /// <summary>To cents, half away from zero: the one rounding rule for amounts.</summary>
    public static decimal Round(decimal amount) => Math.Round(amount, DataLimits.MoneyScale, MidpointRounding.AwayFromZero);
}
