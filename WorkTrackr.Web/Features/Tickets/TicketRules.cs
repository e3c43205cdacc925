using System.Collections.Frozen;
using WorkTrackr.Data.Tickets;

namespace WorkTrackr.Web.Features.Tickets;

public enum SlaState { None, OnTrack, AtRisk, Breached, Met }

/// <summary>The ticket rules that need no database: status workflow and SLA arithmetic.</summary>
public static class TicketRules
{
    private static readonly FrozenDictionary<TicketStatus, TicketStatus[]> Transitions = new Dictionary<TicketStatus, TicketStatus[]>
    {
        [TicketStatus.Open] = [TicketStatus.InProgress, TicketStatus.OnHold, TicketStatus.Resolved, TicketStatus.Closed],
        [TicketStatus.InProgress] = [TicketStatus.OnHold, TicketStatus.Resolved, TicketStatus.Open],
        [TicketStatus.OnHold] = [TicketStatus.InProgress, TicketStatus.Open],
        [TicketStatus.Resolved] = [TicketStatus.Closed, TicketStatus.Open],
        [TicketStatus.Closed] = [TicketStatus.Open],
    }.ToFrozenDictionary();

    /// <summary>A share of the resolution window below which an open ticket counts as at risk.</summary>
    public const double AtRiskShare = 0.25;

    public static IReadOnlyList<TicketStatus> AllowedNext(TicketStatus from) => Transitions[from];

    public static bool CanMove(TicketStatus from, TicketStatus to) => Transitions[from].Contains(to);

    public static bool IsFinished(TicketStatus status) => status is TicketStatus.Resolved or TicketStatus.Closed;

    public static (DateTime ResponseDue, DateTime ResolutionDue) DueTimes(DateTime createdUtc, int responseMinutes, int resolutionMinutes) =>
        (createdUtc.AddMinutes(responseMinutes), createdUtc.AddMinutes(resolutionMinutes));

    /// <summary>
    /// Where a ticket stands against its SLA at <paramref name="nowUtc"/>: breached once a due time has passed without
    /// the response or resolution; at risk when less than a quarter of the resolution window is left.
    /// </summary>
    public static SlaState StateOf(Ticket ticket, DateTime nowUtc)
    {
        if (ticket.ResolutionDueAt is not { } resolutionDue) return SlaState.None;
        if (IsFinished(ticket.Status))
            return ticket.ResolvedAt is { } resolved && resolved > resolutionDue ? SlaState.Breached : SlaState.Met;
        if (nowUtc > resolutionDue) return SlaState.Breached;
        if (ticket.FirstRespondedAt is null && ticket.ResponseDueAt is { } responseDue && nowUtc > responseDue) return SlaState.Breached;
        var window = resolutionDue - ticket.CreatedAt;
        return resolutionDue - nowUtc <= window * AtRiskShare ? SlaState.AtRisk : SlaState.OnTrack;
    }
}
