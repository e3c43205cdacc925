namespace WorkTrackr.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class RenewalsTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_monthly_renewal_from_the_31st_goes_to_the_end_of_february_and_back_to_the_31st()
    {
        var feb = Renewals.Next(D("2026-01-31"), BillingCycle.Monthly, anchorDay: 31)!.Value;
        var mar = Renewals.Next(feb, BillingCycle.Monthly, anchorDay: 31)!.Value;
        var apr = Renewals.Next(mar, BillingCycle.Monthly, anchorDay: 31)!.Value;

        Assert.Equal((D("2026-02-28"), D("2026-03-31"), D("2026-04-30")), (feb, mar, apr));
        Assert.Equal(D("2028-02-29"), Renewals.Next(D("2028-01-31"), BillingCycle.Monthly, 31)); // leap year
    }

    [Theory]
    [InlineData("2026-11-30", BillingCycle.Quarterly, 30, "2027-02-28")]
    [InlineData("2027-02-28", BillingCycle.Quarterly, 30, "2027-05-30")]
    [InlineData("2028-02-29", BillingCycle.Annual, 29, "2029-02-28")]
    [InlineData("2031-02-28", BillingCycle.Annual, 29, "2032-02-29")]
    [InlineData("2026-12-15", BillingCycle.Monthly, null, "2027-01-15")]
    public void Quarterly_and_annual_renewals_keep_their_day_where_the_month_allows(string from, BillingCycle cycle, int? anchor, string expected) =>
        Assert.Equal(D(expected), Renewals.Next(D(from), cycle, anchor));

    [Fact]
    public void A_one_off_does_not_renew() => Assert.Null(Renewals.Next(D("2026-05-01"), BillingCycle.OneOff));
}
