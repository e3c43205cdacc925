namespace WorkTrackr.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class MoneyTests
{
    [Theory]
    [InlineData("2.345", "2.35")]
    [InlineData("2.344", "2.34")]
    [InlineData("-2.345", "-2.35")]
    [InlineData("0.005", "0.01")]
    public void Amounts_round_to_cents_half_away_from_zero(string amount, string expected) =>
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), Money.Round(decimal.Parse(amount, CultureInfo.InvariantCulture)));

    [Fact]
    public void Invoice_totals_are_summed_from_rounded_lines()
    {
        // Each line is 3 × 0.335 = 1.005 → 1.01; summing unrounded lines would give 2.01.
        var lines = new[]
        {
            new InvoiceLine { Description = "a", Quantity = 3, UnitPrice = 0.335m, TaxRate = 0.2m },
            new InvoiceLine { Description = "b", Quantity = 3, UnitPrice = 0.335m, TaxRate = 0.2m },
        };

        var totals = InvoiceTotals.Of(lines);

        Assert.Equal(2.02m, totals.Net);
        Assert.Equal(0.40m, totals.Tax); // 0.202 → 0.20 per line
        Assert.Equal(2.42m, totals.Gross);
    }
}
