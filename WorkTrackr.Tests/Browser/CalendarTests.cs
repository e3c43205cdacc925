using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WorkTrackr.Data.Tickets;
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

    /// <summary>A ticket of the demo organisation, unassigned, today from <paramref name="hour"/> for an hour where the dispatcher is.</summary>
    private async Task<(Guid Id, string Zone)> ScheduleTodayAsync(string number, int hour)
    {
        Guid organisationId;
        string zone;
        await using (var db = app.Factory.CreateDbContext(null))
        {
            var organisation = await db.Organisations.SingleAsync(o => o.Name == DemoDataSeeder.DemoOrganisationName);
            organisationId = organisation.Id;
            // The person's own zone, else their organisation's: what the app shows them.
            zone = (await db.Users.SingleAsync(u => u.Email == "dispatcher@northwind.test")).TimeZoneId ?? organisation.TimeZoneId;
        }
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
}
