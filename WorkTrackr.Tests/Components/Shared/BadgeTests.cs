using Bunit;
using WorkTrackr.Web.Features.Tickets;

namespace WorkTrackr.Tests.Components.Shared;

/// <summary>
/// The ticket badges, which the lists write as plain markup rather than components: what each says, its colour and
/// style, and that an SLA within its target shows nothing.
/// </summary>
[Trait("Category", "Unit")]
public sealed class BadgeTests : ComponentTest
{
    [Fact]
    public void Status_priority_and_a_breach_each_show_as_a_labelled_span()
    {
        var cut = Context.Render<TicketBadges>(p => p
            .Add(c => c.Status, TicketStatus.InProgress).Add(c => c.Priority, TicketPriority.Urgent).Add(c => c.Sla, SlaState.Breached));

        var status = cut.Find("[data-testid=ticket-status]");
        Assert.Equal(("SPAN", "In progress"), (status.TagName, status.TextContent));
        Assert.Equal(["badge", "badge-text", "badge-primary", "ticket-badge"], status.ClassList.ToArray());

        var priority = cut.Find("[data-testid=ticket-priority]");
        Assert.Equal("Urgent", priority.TextContent);
        Assert.Equal(["badge", "badge-outlined", "badge-error", "ticket-badge"], priority.ClassList.ToArray());

        var breached = cut.Find("[data-testid=sla-breached]");
        Assert.Equal("Breached", breached.TextContent);
        // The icon is decoration: hidden from screen readers and never a tab stop.
        var icon = breached.QuerySelector("svg")!;
        Assert.Equal(("true", "false"), (icon.GetAttribute("aria-hidden"), icon.GetAttribute("focusable")));
    }

    [Theory]
    [InlineData(SlaState.OnTrack)]
    [InlineData(SlaState.Met)]
    [InlineData(SlaState.None)]
    public void An_sla_within_its_target_shows_nothing(SlaState sla) =>
        Assert.Empty(Context.Render<TicketBadges>(p => p.Add(c => c.Sla, sla)).Nodes);

    [Fact]
    public void At_risk_is_a_warning()
    {
        var cut = Context.Render<TicketBadges>(p => p.Add(c => c.Sla, SlaState.AtRisk));

        Assert.Contains("badge-warning", cut.Find("[data-testid=sla-at-risk]").ClassList);
    }
}
