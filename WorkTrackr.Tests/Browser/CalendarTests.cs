using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WorkTrackr.Web.Infrastructure.Database;
using WorkTrackr.Web.Infrastructure.TimeZones;
using static Microsoft.Playwright.Assertions;

namespace WorkTrackr.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class CalendarTests(BrowserApp app)
{
    /// <summary>The day view starts at 06:00 with half-hour slots.</summary>
    private static ILocator SlotAt(IPage page, int hour) =>
        page.Locator("[data-testid=dispatch-calendar] .rz-slots > .rz-slot").Nth((hour - 6) * 2);

    private static ILocator Appointment(IPage page, string number) =>
        page.Locator($"[data-testid=dispatch-calendar] .rz-event:has([data-ticket='{number}'])");

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
        var ticket = new Ticket
        {
            Number = number,
            Title = "Calendar drag check",
            Priority = TicketPriority.Low,
            ScheduledStart = TimeZones.ToUtc(today.AddHours(hour), zone),
            ScheduledEnd = TimeZones.ToUtc(today.AddHours(hour + 1), zone),
            CreatedAt = DateTime.UtcNow,
        };
        await using (var db = app.Factory.CreateDbContext(organisationId))
        {
            db.Tickets.Add(ticket);
            await db.SaveChangesAsync();
        }
        return (ticket.Id, zone);
    }

    [Fact]
    public async Task A_dispatcher_drags_a_ticket_to_another_time_and_it_stays_there()
    {
        var (ticketId, zone) = await ScheduleTodayAsync("T-900001", 9);
        var page = await app.OpenAsAsync("dispatcher@northwind.test", "calendar");
        await page.GetByRole(AriaRole.Button, new() { Name = "Day", Exact = true }).ClickAsync();
        var appointment = Appointment(page, "T-900001");
        await Expect(appointment.Locator("[data-ticket]")).ToHaveAttributeAsync("title", new Regex("09:00–10:00$"));

        await appointment.DragToAsync(SlotAt(page, 13));

        await Expect(page.Locator(".rz-notification")).ToContainTextAsync("T-900001 moved to");
        await Expect(appointment.Locator("[data-ticket]")).ToHaveAttributeAsync("title", new Regex("13:00–14:00$"));
        // It was saved, not only redrawn: a fresh page shows it at the new time, and so does the database.
        await page.ReloadAsync();
        await new AppShell(page).WaitUntilInteractiveAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Day", Exact = true }).ClickAsync();
        await Expect(appointment.Locator("[data-ticket]")).ToHaveAttributeAsync("title", new Regex("13:00–14:00$"));
        await using var db = app.Factory.CreateDbContext(null);
        var stored = await db.Tickets.IgnoreQueryFilters().SingleAsync(t => t.Id == ticketId);
        Assert.Equal(13, TimeZones.ToLocal(stored.ScheduledStart!.Value, zone).Hour);
        Assert.Equal(TimeSpan.FromHours(1), stored.ScheduledEnd - stored.ScheduledStart);
    }

    [Fact]
    public async Task Clicking_an_empty_slot_starts_a_ticket_at_that_time()
    {
        var page = await app.OpenAsAsync("dispatcher@northwind.test", "calendar");
        await page.GetByRole(AriaRole.Button, new() { Name = "Day", Exact = true }).ClickAsync();

        await SlotAt(page, 20).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New ticket" })).ToBeVisibleAsync();
        await Expect(page.Locator("input[name=start]")).ToHaveValueAsync(new Regex(" 20:00$"));
        await Expect(page.Locator("input[name=end]")).ToHaveValueAsync(new Regex(" 21:00$"));
    }

    [Fact]
    public async Task A_dispatcher_drags_a_crm_event_to_another_day()
    {
        var (organisationId, dispatcherId, zone) = await DemoAsync();
        var today = TimeZones.Today(TimeProvider.System, zone);
        var call = new CrmEvent
        {
            Title = "Drag me call", Type = CrmEventType.Call, AssignedUserId = dispatcherId,
            StartsAt = TimeZones.ToUtc(today.ToDateTime(new TimeOnly(10, 0)), zone)!.Value,
            EndsAt = TimeZones.ToUtc(today.ToDateTime(new TimeOnly(10, 30)), zone)!.Value,
        };
        await using (var db = app.Factory.CreateDbContext(organisationId))
        {
            call.ContactId = (await db.Contacts.FirstAsync()).Id;
            db.CrmEvents.Add(call);
            await db.SaveChangesAsync();
        }
        // Another day of the same week, so both are on screen in the week view (Sunday to Saturday).
        var day = (int)today.DayOfWeek;
        var target = day < 6 ? day + 1 : day - 1;
        var page = await app.OpenAsAsync("dispatcher@northwind.test", "crm");
        var appointment = page.Locator("[data-testid=crm-calendar] .rz-event:has([data-event='Drag me call'])");
        await Expect(appointment).ToBeVisibleAsync();

        await appointment.DragToAsync(page.Locator("[data-testid=crm-calendar] .rz-week-view-content .rz-slots").Nth(target).Locator("> .rz-slot").Nth((10 - 6) * 2));

        await Expect(page.Locator(".rz-notification")).ToContainTextAsync("“Drag me call” moved to");
        await using var check = app.Factory.CreateDbContext(organisationId);
        var stored = await check.CrmEvents.SingleAsync(e => e.Id == call.Id);
        var local = TimeZones.ToLocal(stored.StartsAt, zone);
        Assert.Equal((today.AddDays(target - day), new TimeOnly(10, 0)), (DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local)));
        Assert.Equal(TimeSpan.FromMinutes(30), stored.EndsAt - stored.StartsAt);
    }
}
