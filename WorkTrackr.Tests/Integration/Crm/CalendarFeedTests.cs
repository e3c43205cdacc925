using System.Net;
using Calendar = Ical.Net.Calendar;
using WorkTrackr.Web.Features.Crm;

namespace WorkTrackr.Tests.Integration.Crm;

/// <summary>The per-person iCalendar feed, fetched over HTTP as a calendar app would, without signing in.</summary>
[Trait("Category", "Integration")]
public sealed class CalendarFeedTests(SqliteTenantApp app) : IClassFixture<SqliteTenantApp>
{
    private ApplicationUser Dispatcher => app.A.Users[Roles.Dispatcher];

    private async Task<HttpResponseMessage> FetchAsync(string token) =>
        await app.Factory.CreateClient().GetAsync(CalendarFeeds.PathFor(token));

    [Fact]
    public async Task A_feed_shows_the_holders_own_events_only_and_dies_when_regenerated_or_revoked()
    {
        var soon = DateTime.UtcNow.AddDays(2);
        const string notes = "Gate code 4417; ring twice, then wait \\ call the office";
        var mine = Build.CrmEvent("Feed: my site visit", app.A.RowIds[typeof(Contact)], soon, minutes: 60, CrmEventType.Visit, Dispatcher.Id).With(e => e.Notes = notes);
        await app.Factory.AddAsync(app.A.Id, mine, Build.CrmEvent("Feed: someone else's call", mine.ContactId, soon, minutes: 60, assignedTo: app.A.Users[Roles.Manager].Id));
        Contact contact;
        await using (var db = app.Factory.CreateDbContext(app.A.Id))
            contact = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == mine.ContactId);

        var first = (await app.Factory.RunAsAsync(Dispatcher, (CalendarFeeds f) => f.RegenerateAsync())).Value!;
        var response = await FetchAsync(first);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", body);
        Assert.Contains("Feed: my site visit", body);
        Assert.DoesNotContain("someone else", body);
        // Read as a calendar app would, with Ical.Net's parser.
        var calendar = Calendar.Load(body)!;
        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Equal($"WorkTrackr: {Dispatcher.DisplayName}", calendar.Properties["X-WR-CALNAME"]?.Value);
        Assert.DoesNotContain(calendar.Events, e => e.Summary!.Contains("someone else", StringComparison.Ordinal));
        var visit = Assert.Single(calendar.Events, e => e.Uid == $"{mine.Id}@worktrackr");
        Assert.Equal($"Feed: my site visit ({contact.Name})", visit.Summary);
        Assert.Equal($"Visit with {contact.Name}\n{notes}", visit.Description);
        Assert.Equal(string.IsNullOrEmpty(contact.ServiceAddress) ? null : contact.ServiceAddress, visit.Location);
        Assert.Equal("Visit", Assert.Single(visit.Categories));
        Assert.Equal("CONFIRMED", visit.Status);
        Assert.True(visit.DtStart!.IsUtc && visit.DtEnd!.IsUtc);
        Assert.Equal(WholeSeconds(soon), visit.DtStart.AsUtc);
        Assert.Equal(WholeSeconds(soon.AddHours(1)), visit.DtEnd.AsUtc);
        Assert.True(visit.DtStamp!.IsUtc);
        Assert.True((await app.Factory.RunAsAsync(Dispatcher, (CalendarFeeds f) => f.HasFeedAsync())).Value);

        var second = (await app.Factory.RunAsAsync(Dispatcher, (CalendarFeeds f) => f.RegenerateAsync())).Value!;
        Assert.Equal(HttpStatusCode.NotFound, (await FetchAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await FetchAsync(second)).StatusCode);

        Assert.True((await app.Factory.RunAsAsync(Dispatcher, (CalendarFeeds f) => f.RevokeAsync())).Succeeded);
        Assert.Equal(HttpStatusCode.NotFound, (await FetchAsync(second)).StatusCode);
        Assert.False((await app.Factory.RunAsAsync(Dispatcher, (CalendarFeeds f) => f.HasFeedAsync())).Value);
        Assert.Equal(HttpStatusCode.NotFound, (await FetchAsync("made-up-token")).StatusCode);
    }

    /// <summary>iCalendar times carry whole seconds.</summary>
    private static DateTime WholeSeconds(DateTime utc) => new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

    [Fact]
    public async Task A_feed_stops_while_its_holders_organisation_is_suspended()
    {
        var token = (await app.Factory.RunAsAsync(Dispatcher, (CalendarFeeds f) => f.RegenerateAsync())).Value!;
        Assert.Equal(HttpStatusCode.OK, (await FetchAsync(token)).StatusCode);

        await SetStatusAsync(WorkTrackr.Data.Organisations.OrganisationStatus.Suspended);
        try
        {
            Assert.Equal(HttpStatusCode.NotFound, (await FetchAsync(token)).StatusCode);
        }
        finally
        {
            await SetStatusAsync(WorkTrackr.Data.Organisations.OrganisationStatus.Active);
        }
        Assert.Equal(HttpStatusCode.OK, (await FetchAsync(token)).StatusCode);
    }

    private async Task SetStatusAsync(WorkTrackr.Data.Organisations.OrganisationStatus status)
    {
        await using var db = app.Factory.CreateDbContext(null);
        var organisation = await db.Organisations.SingleAsync(o => o.Id == app.A.Id);
        organisation.Status = status;
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Technicians_have_no_crm_feed()
    {
        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(app.A.Users[Roles.Technician], (CalendarFeeds f) => f.RegenerateAsync())).Status);
    }
}
