using WorkTrackr.Web.Features.Calendar;
using WorkTrackr.Web.Features.Tickets;

namespace WorkTrackr.Tests.Integration.Tickets;

/// <summary>What the dispatch calendar asks of the services: schedule, queue of unscheduled work, and who is busy.</summary>
[Trait("Category", "Integration")]
public abstract class DispatchCalendarTests<TApp>(TApp app) where TApp : TenantApp
{
    private static readonly DateTime Day = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    private ApplicationUser Dispatcher => app.A.Users[Roles.Dispatcher];
    private ApplicationUser Technician => app.A.Users[Roles.Technician];

    private async Task<Guid> TicketAsync(string title, int? fromHour = null, int hours = 1, Guid? assignee = null, TicketPriority priority = TicketPriority.Medium)
    {
        var created = await app.Factory.RunAsAsync(Dispatcher, (TicketService s) => s.CreateAsync(new TicketInput
        {
            Title = title, AssignedUserId = assignee, Priority = priority,
            ScheduledStart = fromHour is { } h ? Day.AddHours(h) : null,
            ScheduledEnd = fromHour is { } e ? Day.AddHours(e + hours) : null,
        }));
        Assert.True(created.Succeeded, created.Message);
        return created.Value!.Id;
    }

    private async Task EventAsync(string title, int fromHour, Guid assignee, CrmEventStatus status = CrmEventStatus.Planned)
    {
        await using var db = app.Factory.CreateDbContext(app.A.Id);
        db.CrmEvents.Add(new CrmEvent
        {
            Title = title, ContactId = app.A.RowIds[typeof(Contact)], AssignedUserId = assignee, Status = status,
            StartsAt = Day.AddHours(fromHour), EndsAt = Day.AddHours(fromHour + 1),
        });
        await db.SaveChangesAsync();
    }

    private Task<Result<IReadOnlyList<Booking>>> OverlapsAsync(ApplicationUser asUser, Guid userId, int fromHour, int toHour, Guid? except = null) =>
        app.Factory.RunAsAsync(asUser, (DispatchCalendar s) => s.OverlapsAsync(userId, Day.AddHours(fromHour), Day.AddHours(toHour), except));

    [Fact]
    public async Task Overlaps_list_the_technicians_tickets_and_events_in_that_time_and_nothing_that_only_touches_it()
    {
        var visit = await TicketAsync("Morning visit", 10, assignee: Technician.Id);
        await EventAsync("Renewal call", 12, Technician.Id);
        await EventAsync("Cancelled call", 11, Technician.Id, CrmEventStatus.Cancelled);
        await TicketAsync("Someone else's", 11, assignee: Dispatcher.Id);

        var both = await OverlapsAsync(Dispatcher, Technician.Id, 10, 13);
        Assert.Equal([(BookingKind.Ticket, visit), (BookingKind.CrmEvent, both.Value![1].Id)], both.Value.Select(b => (b.Kind, b.Id)));
        Assert.Equal("Renewal call", both.Value[1].Label);

        // Moving the visit itself never warns about the visit.
        Assert.Equal([BookingKind.CrmEvent], (await OverlapsAsync(Dispatcher, Technician.Id, 10, 13, except: visit)).Value!.Select(b => b.Kind));
        // 11:00–12:00 sits exactly between them.
        Assert.Empty((await OverlapsAsync(Dispatcher, Technician.Id, 11, 12)).Value!);
    }

    [Fact]
    public async Task Only_dispatchers_ask_who_is_busy_and_never_about_another_organisations_people()
    {
        await TicketAsync("Busy", 15, assignee: Technician.Id);

        Assert.Equal(ResultStatus.Forbidden, (await OverlapsAsync(Technician, Technician.Id, 15, 16)).Status);
        Assert.Empty((await OverlapsAsync(app.B.Users[Roles.Dispatcher], Technician.Id, 15, 16)).Value!);
    }

    [Fact]
    public async Task Scheduling_sets_time_and_technician_in_one_save_and_a_stale_dialog_saves_nothing()
    {
        var id = await TicketAsync("Unplanned");
        var opened = (await app.Factory.RunAsAsync(Dispatcher, (TicketService s) => s.GetAsync(id))).Value!;

        var saved = await app.Factory.RunAsAsync(Dispatcher, (TicketService s) => s.ScheduleAsync(id, Day.AddHours(9), Day.AddHours(10), Technician.Id, opened.Version));
        Assert.True(saved.Succeeded, saved.Message);
        var scheduled = (await app.Factory.RunAsAsync(Dispatcher, (TicketService s) => s.GetAsync(id))).Value!;
        Assert.Equal((Day.AddHours(9), Day.AddHours(10), Technician.Id), (scheduled.ScheduledStart, scheduled.ScheduledEnd, scheduled.AssignedUserId));
        Assert.Equal([TicketActivityKind.Created, TicketActivityKind.Assigned, TicketActivityKind.Rescheduled], scheduled.Activities.Select(a => a.Kind));

        var stale = await app.Factory.RunAsAsync(Dispatcher, (TicketService s) => s.ScheduleAsync(id, Day.AddHours(14), Day.AddHours(15), null, opened.Version));
        Assert.Equal(ResultStatus.Conflict, stale.Status);
        Assert.Equal(Day.AddHours(9), (await app.Factory.RunAsAsync(Dispatcher, (TicketService s) => s.GetAsync(id))).Value!.ScheduledStart);

        var byTechnician = await app.Factory.RunAsAsync(Technician, (TicketService s) => s.ScheduleAsync(id, Day.AddHours(14), Day.AddHours(15), Technician.Id, scheduled.Version));
        Assert.Equal(ResultStatus.Forbidden, byTechnician.Status);
    }

    [Fact]
    public async Task The_unscheduled_queue_holds_open_unscheduled_tickets_most_at_risk_first()
    {
        var low = await TicketAsync("Queue low", priority: TicketPriority.Low);
        var urgent = await TicketAsync("Queue urgent", priority: TicketPriority.Urgent);
        var planned = await TicketAsync("Queue planned", 8, priority: TicketPriority.Urgent);
        var mine = await TicketAsync("Queue technician", assignee: Technician.Id, priority: TicketPriority.High);

        var queue = (await app.Factory.RunAsAsync(Dispatcher, (TicketSearch s) => s.UnscheduledAsync(200))).Value!;
        var ids = queue.Items.Select(i => i.Id).ToList();
        Assert.DoesNotContain(planned, ids);
        Assert.True(ids.IndexOf(urgent) < ids.IndexOf(mine) && ids.IndexOf(mine) < ids.IndexOf(low));
        Assert.Equal(queue.Items.Count, queue.Total);
        Assert.All(queue.Items, i => Assert.Null(i.ScheduledStart));

        var technicians = (await app.Factory.RunAsAsync(Technician, (TicketSearch s) => s.UnscheduledAsync(200))).Value!;
        Assert.Contains(technicians.Items, i => i.Id == mine);
        Assert.DoesNotContain(technicians.Items, i => i.Id == urgent);
    }
}

public sealed class SqliteDispatchCalendarTests(SqliteTenantApp app) : DispatchCalendarTests<SqliteTenantApp>(app), IClassFixture<SqliteTenantApp>;

public sealed class PostgresDispatchCalendarTests(PostgresTenantApp app) : DispatchCalendarTests<PostgresTenantApp>(app), IClassFixture<PostgresTenantApp>;
