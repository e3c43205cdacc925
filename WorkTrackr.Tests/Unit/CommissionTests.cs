using WorkTrackr.Data.Resellers;

namespace WorkTrackr.Tests.Unit;

/// <summary>Reseller commission: day-by-day pro-rating of links, rate changes and plan changes within a month.</summary>
[Trait("Category", "Unit")]
public sealed class CommissionTests
{
    private static readonly DateOnly June = new(2026, 6, 1); // 30 days
    private static readonly IReadOnlyDictionary<OrganisationPlan, PlanPrice> Prices = new Dictionary<OrganisationPlan, PlanPrice>
    {
        [OrganisationPlan.Starter] = new() { Plan = OrganisationPlan.Starter, BasePrice = 0, PricePerSeat = 12 },
        [OrganisationPlan.Pro] = new() { Plan = OrganisationPlan.Pro, BasePrice = 49, PricePerSeat = 25 },
    };
    private static readonly (DateOnly, decimal)[] Quarter = [(new DateOnly(2025, 1, 1), 0.25m)];
    private static readonly (DateOnly, OrganisationPlan)[] Pro = [(new DateOnly(2025, 1, 1), OrganisationPlan.Pro)];

    [Fact]
    public void A_whole_month_earns_the_rate_times_the_plans_price_for_the_active_users()
    {
        // Pro with 4 users: 49 + 4 × 25 = 149 a month; a quarter of it.
        var figure = Commission.ForMonth(June, [(new DateOnly(2026, 1, 10), null)], Quarter, Pro, Prices, seats: 4);
        Assert.Equal(new CommissionFigure(30, 149m, 37.25m), figure);
    }

    [Fact]
    public void A_mid_month_link_or_unlink_pro_rates_by_days()
    {
        var linked = Commission.ForMonth(June, [(new DateOnly(2026, 6, 16), null)], Quarter, Pro, Prices, 4);
        Assert.Equal((15, 18.63m), (linked.LinkedDays, linked.Earned)); // 37.25 × 15/30 = 18.625, half away from zero

        var unlinked = Commission.ForMonth(June, [(new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 11))], Quarter, Pro, Prices, 4);
        Assert.Equal((10, 12.42m), (unlinked.LinkedDays, unlinked.Earned)); // the 11th is no longer linked: 37.25 × 10/30

        var relinked = Commission.ForMonth(June, [(new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 11)), (new DateOnly(2026, 6, 21), null)], Quarter, Pro, Prices, 4);
        Assert.Equal(20, relinked.LinkedDays);

        Assert.Equal(new CommissionFigure(0, 0m, 0m), Commission.ForMonth(June, [(new DateOnly(2026, 7, 1), null)], Quarter, Pro, Prices, 4));
    }

    [Fact]
    public void A_rate_change_applies_from_its_date()
    {
        (DateOnly, decimal)[] rates = [(new DateOnly(2025, 1, 1), 0.20m), (new DateOnly(2026, 6, 16), 0.30m)];
        var figure = Commission.ForMonth(June, [(new DateOnly(2026, 1, 1), null)], rates, Pro, Prices, 4);
        // 149 × (15 × 0.20 + 15 × 0.30) / 30 = 37.25
        Assert.Equal(37.25m, figure.Earned);
        var later = Commission.ForMonth(new DateOnly(2026, 7, 1), [(new DateOnly(2026, 1, 1), null)], rates, Pro, Prices, 4);
        Assert.Equal(44.70m, later.Earned); // all of July at 0.30

        // Before the reseller's first rate there is nothing to earn.
        var early = Commission.ForMonth(June, [(new DateOnly(2026, 1, 1), null)], [(new DateOnly(2026, 6, 21), 0.3m)], Pro, Prices, 4);
        Assert.Equal(Math.Round(149m * 0.3m * 10 / 30, 2, MidpointRounding.AwayFromZero), early.Earned);
    }

    [Fact]
    public void A_plan_change_applies_from_its_date()
    {
        (DateOnly, OrganisationPlan)[] plans = [(new DateOnly(2025, 1, 1), OrganisationPlan.Starter), (new DateOnly(2026, 6, 21), OrganisationPlan.Pro)];
        var figure = Commission.ForMonth(June, [(new DateOnly(2026, 1, 1), null)], Quarter, plans, Prices, 4);
        // Starter 48 for 20 days, Pro 149 for 10: 0.25 × (48 × 20 + 149 × 10) / 30 = 20.4166… → 20.42
        Assert.Equal((30, 149m, 20.42m), (figure.LinkedDays, figure.MonthlyValue, figure.Earned));
    }
}
