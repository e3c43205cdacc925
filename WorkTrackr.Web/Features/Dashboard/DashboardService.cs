using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Tickets;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Tenancy;
using WorkTrackr.Web.Infrastructure.TimeZones;

namespace WorkTrackr.Web.Features.Dashboard;

public sealed record DashboardSummary(
    int OpenTickets,
    int UnassignedTickets,
    int ScheduledToday,
    int Contacts,
    int ActiveServices,
    int RenewalsDue,
    int RenewalWindowDays)
{
    public bool IsEmpty => OpenTickets == 0 && Contacts == 0 && ActiveServices == 0;
}

/// <summary>The organisation's headline figures. Technicians see their own tickets only.</summary>
public sealed class DashboardService(IDbContextFactory<WorkTrackrDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public static readonly int[] RenewalWindows = [7, 30, 90];

    public async Task<Result<DashboardSummary>> GetSummaryAsync(int renewalWindowDays, CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ViewDashboard)) return Result<DashboardSummary>.From(Result.Forbidden());
        if (!RenewalWindows.Contains(renewalWindowDays))
            return Result<DashboardSummary>.From(Result.Invalid(nameof(renewalWindowDays), "Choose 7, 30 or 90 days."));

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tickets = db.Tickets.AsQueryable();
        if (!currentUser.Can(Capabilities.ViewAllTickets))
            tickets = tickets.Where(t => t.AssignedUserId == currentUser.UserId);
        var open = tickets.Where(t => t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed);

        var today = TimeZones.Today(clock, currentUser.TimeZoneId);
        var dayStartUtc = TimeZones.StartOfDayUtc(today, currentUser.TimeZoneId);
        var dayEndUtc = TimeZones.StartOfDayUtc(today.AddDays(1), currentUser.TimeZoneId);
        var renewalEnd = today.AddDays(renewalWindowDays);

        var summary = new DashboardSummary(
            OpenTickets: await open.CountAsync(cancellationToken),
            UnassignedTickets: await open.CountAsync(t => t.AssignedUserId == null, cancellationToken),
            ScheduledToday: await tickets.CountAsync(t => t.ScheduledStart >= dayStartUtc && t.ScheduledStart < dayEndUtc, cancellationToken),
            Contacts: await db.Contacts.CountAsync(c => c.IsActive, cancellationToken),
            ActiveServices: await db.CustomerServices.CountAsync(s => s.IsActive, cancellationToken),
            RenewalsDue: await db.CustomerServices.CountAsync(
                s => s.IsActive && s.RenewalDate >= today && s.RenewalDate <= renewalEnd, cancellationToken),
            RenewalWindowDays: renewalWindowDays);
        return Result<DashboardSummary>.Ok(summary);
    }
}
