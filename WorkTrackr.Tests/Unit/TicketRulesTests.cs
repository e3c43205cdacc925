using WorkTrackr.Web.Features.Tickets;

namespace WorkTrackr.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class TicketRulesTests
{
    private static readonly DateTime Created = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(TicketStatus.Open, TicketStatus.InProgress, true)]
    [InlineData(TicketStatus.Open, TicketStatus.Closed, true)]
    [InlineData(TicketStatus.OnHold, TicketStatus.Resolved, false)]
    [InlineData(TicketStatus.Resolved, TicketStatus.Open, true)]
    [InlineData(TicketStatus.Closed, TicketStatus.Resolved, false)]
    [InlineData(TicketStatus.InProgress, TicketStatus.InProgress, false)]
    public void Only_allowed_transitions_are_offered(TicketStatus from, TicketStatus to, bool allowed)
    {
        Assert.Equal(allowed, TicketRules.CanMove(from, to));
        Assert.Equal(allowed, TicketRules.AllowedNext(from).Contains(to));
    }

    [Fact]
    public void Due_times_count_from_creation()
    {
        var (response, resolution) = TicketRules.DueTimes(Created, 60, 240);
        Assert.Equal(Created.AddHours(1), response);
        Assert.Equal(Created.AddHours(4), resolution);
    }

    private static Ticket TicketDue(TicketStatus status = TicketStatus.Open, DateTime? responded = null, DateTime? resolved = null) => new()
    {
        Number = "T-000001", Title = "t", Status = status, CreatedAt = Created,
        ResponseDueAt = Created.AddHours(1), ResolutionDueAt = Created.AddHours(8),
        FirstRespondedAt = responded, ResolvedAt = resolved,
    };

    [Fact]
    public void A_ticket_is_on_track_then_at_risk_in_the_last_quarter_then_breached()
    {
        var ticket = TicketDue(responded: Created.AddMinutes(10));
        Assert.Equal(SlaState.OnTrack, TicketRules.StateOf(ticket, Created.AddHours(5)));
        Assert.Equal(SlaState.AtRisk, TicketRules.StateOf(ticket, Created.AddHours(6)));
        Assert.Equal(SlaState.Breached, TicketRules.StateOf(ticket, Created.AddHours(8).AddMinutes(1)));
    }

    [Fact]
    public void A_missed_response_breaches_even_with_time_left_to_resolve() =>
        Assert.Equal(SlaState.Breached, TicketRules.StateOf(TicketDue(), Created.AddHours(2)));

    [Fact]
    public void Finished_tickets_met_or_missed_their_resolution_target()
    {
        Assert.Equal(SlaState.Met, TicketRules.StateOf(TicketDue(TicketStatus.Resolved, Created, Created.AddHours(7)), Created.AddDays(3)));
        Assert.Equal(SlaState.Breached, TicketRules.StateOf(TicketDue(TicketStatus.Closed, Created, Created.AddHours(9)), Created.AddDays(3)));
    }
}
