using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Crm;
using WorkTrackr.Data.Tickets;
using WorkTrackr.Web.Features.Tickets;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Operations;
using WorkTrackr.Web.Infrastructure.Tenancy;
using WorkTrackr.Web.Infrastructure.TimeZones;

namespace WorkTrackr.Web.Features.Dashboard;

public enum DayItemKind { Ticket, CrmEvent }

/// <summary>Something on the person's schedule today. Times are UTC.</summary>
public sealed record DayItem(DayItemKind Kind, Guid Id, string Title, string? Detail, DateTime StartsAt, DateTime EndsAt)
{
    public string Link => Kind == DayItemKind.Ticket ? $"tickets/{Id}" : "crm";
}

public sealed record MyTicket(Guid Id, string Number, string Title, TicketStatus Status, TicketPriority Priority, DateTime? DueAt, SlaState Sla, string? Assignee);

public sealed record MyDay(DateOnly Today, IReadOnlyList<DayItem> Schedule, IReadOnlyList<MyTicket> OpenTickets, int OpenTicketCount, IReadOnlyList<MyTicket> AtRisk);

/// <summary>
/// The home of dispatchers and technicians: today's schedule, their own open tickets, and the tickets at SLA risk
/// (the whole organisation's for dispatchers, their own for technicians).
/// </summary>
public sealed class MyDayService(RecordOperations operations, CurrentUser currentUser, TimeProvider clock)
{
    public const int ListLength = 10;
    /// <summary>How many of the soonest-due open tickets are checked for risk; the rest are further off.</summary>
    private const int RiskCandidates = 50;

    /// <summary>The caller's own day: someone signed in without a user id (none today) has none.</summary>
    public Task<Result<MyDay>> GetAsync(CancellationToken cancellationToken = default) =>
        currentUser.UserId is not { } me ? Task.FromResult(Result<MyDay>.From(Result.Forbidden()))
        : operations.ReadAsync(Capabilities.ViewDashboard, (db, cancellationToken) => DayOfAsync(db, me, cancellationToken), cancellationToken);

    private async Task<MyDay> DayOfAsync(WorkTrackrDbContext db, Guid me, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = TimeZones.Today(clock, currentUser.TimeZoneId);
        var (dayStart, dayEnd) = (TimeZones.StartOfDayUtc(today, currentUser.TimeZoneId), TimeZones.StartOfDayUtc(today.AddDays(1), currentUser.TimeZoneId));

        var tickets = await db.Tickets
            .Where(t => t.AssignedUserId == me && t.ScheduledStart < dayEnd && t.ScheduledEnd > dayStart)
            .Select(t => new DayItem(DayItemKind.Ticket, t.Id, t.Number + " " + t.Title, t.Contact!.Name, t.ScheduledStart!.Value, t.ScheduledEnd!.Value))
            .ToListAsync(cancellationToken);
        var events = await db.CrmEvents
            .Where(e => e.AssignedUserId == me && e.Status != CrmEventStatus.Cancelled && e.StartsAt < dayEnd && e.EndsAt > dayStart)
            .Select(e => new DayItem(DayItemKind.CrmEvent, e.Id, e.Type + ": " + e.Title, e.Contact!.Name, e.StartsAt, e.EndsAt))
            .ToListAsync(cancellationToken);

        var open = db.Tickets.Where(t => t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed);
        var mine = open.Where(t => t.AssignedUserId == me);
        var mineCount = await mine.CountAsync(cancellationToken);
        var mineSoonest = await Project(mine.OrderBy(t => t.ResolutionDueAt == null).ThenBy(t => t.ResolutionDueAt).ThenBy(t => t.Id).Take(ListLength))
            .ToListAsync(cancellationToken);

        var watched = currentUser.Can(Capabilities.ViewAllTickets) ? open : mine;
        var candidates = await Project(watched.Where(t => t.ResolutionDueAt != null).OrderBy(t => t.ResolutionDueAt).ThenBy(t => t.Id).Take(RiskCandidates))
            .ToListAsync(cancellationToken);

        return new MyDay(today,
            [.. tickets.Concat(events).OrderBy(i => i.StartsAt).ThenBy(i => i.Title)],
            [.. mineSoonest.Select(t => t.ToMyTicket(now))],
            mineCount,
            [.. candidates.Select(t => t.ToMyTicket(now)).Where(t => t.Sla is SlaState.AtRisk or SlaState.Breached).Take(ListLength)]);
    }

    private static IQueryable<TicketRow> Project(IQueryable<Ticket> tickets) =>
        tickets.Select(t => new TicketRow(t, t.AssignedUser!.DisplayName));

    private sealed record TicketRow(Ticket Ticket, string? Assignee)
    {
        public MyTicket ToMyTicket(DateTime now) => new(Ticket.Id, Ticket.Number, Ticket.Title, Ticket.Status, Ticket.Priority,
            Ticket.ResolutionDueAt, TicketRules.StateOf(Ticket, now), Assignee);
    }
}
