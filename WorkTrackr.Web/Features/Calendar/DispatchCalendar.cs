using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data.Crm;
using WorkTrackr.Data.Tickets;
using WorkTrackr.Web.Features.Team;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Operations;

namespace WorkTrackr.Web.Features.Calendar;

public enum BookingKind { Ticket, CrmEvent }

/// <summary>Something already in a person's day. Times are UTC.</summary>
public sealed record Booking(BookingKind Kind, Guid Id, string Label, DateTime Start, DateTime End);

/// <summary>What the dispatch calendar asks beyond the ticket list: who is already busy when.</summary>
public sealed class DispatchCalendar(RecordOperations operations, TeamDirectory team)
{
    /// <summary>
    /// The tickets and CRM events of <paramref name="userId"/> that overlap [<paramref name="startUtc"/>,
    /// <paramref name="endUtc"/>), leaving out <paramref name="exceptTicketId"/> or <paramref name="exceptEventId"/> (what
    /// is being moved). Closed tickets and cancelled events do not hold time.
    /// </summary>
    public Task<Result<IReadOnlyList<Booking>>> OverlapsAsync(Guid userId, DateTime startUtc, DateTime endUtc, Guid? exceptTicketId = null,
        Guid? exceptEventId = null, CancellationToken cancellationToken = default) =>
        operations.ReadAsync<IReadOnlyList<Booking>>(Capabilities.ManageTickets, async (db, cancellationToken) =>
    {
        // Only people of this organisation: anyone else's time is none of its business.
        if (!(await team.NamesAsync(cancellationToken)).ContainsKey(userId)) return [];
        var tickets = await db.Tickets.AsNoTracking()
            .Where(t => t.AssignedUserId == userId && t.Id != exceptTicketId && t.Status != TicketStatus.Closed
                && t.ScheduledStart < endUtc && t.ScheduledEnd > startUtc)
            .Select(t => new Booking(BookingKind.Ticket, t.Id, t.Number + " " + t.Title, t.ScheduledStart!.Value, t.ScheduledEnd!.Value))
            .ToListAsync(cancellationToken);
        var events = await db.CrmEvents.AsNoTracking()
            .Where(e => e.AssignedUserId == userId && e.Id != exceptEventId && e.Status != CrmEventStatus.Cancelled && e.StartsAt < endUtc && e.EndsAt > startUtc)
            .Select(e => new Booking(BookingKind.CrmEvent, e.Id, e.Title, e.StartsAt, e.EndsAt))
            .ToListAsync(cancellationToken);
        return [.. tickets.Concat(events).OrderBy(b => b.Start)];
    }, cancellationToken);
}
