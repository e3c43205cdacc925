namespace WorkTrackr.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class CountedTests
{
    [Theory]
    [InlineData(0, "invoice", null, "0 invoices")]
    [InlineData(1, "invoice", null, "1 invoice")]
    [InlineData(2, "CRM event", null, "2 CRM events")]
    [InlineData(1250, "ticket", null, "1,250 tickets")]
    [InlineData(3, "person", "people", "3 people")]
    [InlineData(1, "person", "people", "1 person")]
    public void A_count_agrees_with_its_noun(int count, string one, string? many, string expected) =>
        Assert.Equal(expected, Counted.Of(count, one, many));
}
