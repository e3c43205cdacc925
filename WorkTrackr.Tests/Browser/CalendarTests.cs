using System.Text.RegularExpressions;
using WorkTrackr.Tests.Browser.Pages;
using WorkTrackr.Web.Infrastructure.Database;
using WorkTrackr.Web.Infrastructure.TimeZones;
using static Microsoft.Playwright.Assertions;

namespace WorkTrackr.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class CalendarTests(BrowserApp app)
{
    /// <summary>The demo organisation, and the dispatcher's zone: their own, else their organisation's, as the app shows them.</summary>
    private async Task<(Guid OrganisationId, Guid DispatcherId, string Zone)> DemoAsync()
    {
        await using var db = app.Factory.CreateDbContext(null);
        var organisation = await db.Organisations.SingleAsync(o => o.Name == DemoDataSeeder.DemoOrganisationName);
        var dispatcher = await db.Users.SingleAsync(u => u.Email == "dispatcher@northwind.test");
        return (organisation.Id, dispatcher.Id, dispatcher.TimeZoneId ?? organisation.TimeZoneId);
    }

    /// <summary>A ticket of the demo organisation, unassigned, today from <paramref name="hour"/> for an hour where the dispatcher is.</summary>
    private async Task<(Guid Id, string Zone)> ScheduleTodayAsync(string number, int hour)
    {
        var (organisationId, _, zone) = await DemoAsync();
        var today = TimeZones.Today(TimeProvider.System, zone).ToDateTime(TimeOnly.MinValue);
        var ticket = await app.Factory.AddAsync(organisationId, Build.Ticket("Calendar drag check", number, priority: TicketPriority.Low).With(t =>
        {
            t.ScheduledStart = TimeZones.ToUtc(today.AddHours(hour), zone);
            t.ScheduledEnd = TimeZones.ToUtc(today.AddHours(hour + 1), zone);
        }));
        return (ticket.Id, zone);
    }

    [Fact]
    public async Task A_dispatcher_drags_a_ticket_to_another_time_and_it_stays_there()
    {
        var (ticketId, zone) = await ScheduleTodayAsync("T-900001", 9);
        var page = await app.OpenAsAsync("dispatcher@northwind.test", "calendar");
        var calendar = new CalendarPage(page);
        await calendar.ShowDayAsync();
        var appointment = calendar.Appointment("T-900001");
        await Expect(CalendarPage.Times(appointment)).ToHaveAttributeAsync("title", new Regex("09:00–10:00$"));

        await appointment.DragToAsync(calendar.SlotAt(13));

        await Expect(new AppShell(page).Notification).ToContainTextAsync("T-900001 moved to");
        await Expect(CalendarPage.Times(appointment)).ToHaveAttributeAsync("title", new Regex("13:00–14:00$"));
        // It was saved, not only redrawn: a fresh page shows it at the new time, and so does the database.
        await new AppShell(page).ReloadAsync();
        await calendar.ShowDayAsync();
        await Expect(CalendarPage.Times(appointment)).ToHaveAttributeAsync("title", new Regex("13:00–14:00$"));
        await using var db = app.Factory.CreateDbContext(null);
        var stored = await db.Tickets.IgnoreQueryFilters().SingleAsync(t => t.Id == ticketId);
        Assert.Equal(13, TimeZones.ToLocal(stored.ScheduledStart!.Value, zone).Hour);
        Assert.Equal(TimeSpan.FromHours(1), stored.ScheduledEnd - stored.ScheduledStart);
    }

    [Fact]
    public async Task Clicking_an_empty_slot_starts_a_ticket_at_that_time()
    {
        var page = await app.OpenAsAsync("dispatcher@northwind.test", "calendar");
        var calendar = new CalendarPage(page);
        await calendar.ShowDayAsync();

        await calendar.SlotAt(20).ClickAsync();

        var ticket = new TicketPage(page);
        await Expect(ticket.NewTicketHeading).ToBeVisibleAsync();
        await Expect(ticket.StartTime).ToHaveValueAsync("20:00");
        await Expect(ticket.EndTime).ToHaveValueAsync("21:00");
        await Expect(ticket.EndDate).ToHaveValueAsync(await ticket.StartDate.InputValueAsync());
    }

    [Fact]
    public async Task A_dispatcher_drags_a_crm_event_to_another_day()
    {
        var (organisationId, dispatcherId, zone) = await DemoAsync();
        var today = TimeZones.Today(TimeProvider.System, zone);
        Guid contactId;
        await using (var db = app.Factory.CreateDbContext(organisationId))
            contactId = (await db.Contacts.FirstAsync()).Id;
        var call = await app.Factory.AddAsync(organisationId,
            Build.CrmEvent("Drag me call", contactId, TimeZones.ToUtc(today.ToDateTime(new TimeOnly(10, 0)), zone)!.Value, minutes: 30, assignedTo: dispatcherId));
        // Another day of the same week, so both are on screen in the week view (Sunday to Saturday).
        var day = (int)today.DayOfWeek;
        var target = day < 6 ? day + 1 : day - 1;
        var page = await app.OpenAsAsync("dispatcher@northwind.test", "crm");
        var crm = new CrmCalendarPage(page);
        var appointment = crm.Appointment("Drag me call");
        await Expect(appointment).ToBeVisibleAsync();

        await appointment.DragToAsync(crm.SlotAt(target, 10));

        await Expect(new AppShell(page).Notification).ToContainTextAsync("“Drag me call” moved to");
        await using var check = app.Factory.CreateDbContext(organisationId);
        var stored = await check.CrmEvents.SingleAsync(e => e.Id == call.Id);
        var local = TimeZones.ToLocal(stored.StartsAt, zone);
        Assert.Equal((today.AddDays(target - day), new TimeOnly(10, 0)), (DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local)));
        Assert.Equal(TimeSpan.FromMinutes(30), stored.EndsAt - stored.StartsAt);
    }
}
