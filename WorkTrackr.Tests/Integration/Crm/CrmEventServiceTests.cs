using WorkTrackr.Web.Features.Calendar;
using WorkTrackr.Web.Features.Crm;

namespace WorkTrackr.Tests.Integration.Crm;

/// <summary>The CRM calendar's events through the service the page uses, on the real app and database.</summary>
[Trait("Category", "Integration")]
public abstract class CrmEventServiceTests<TApp>(TApp app) where TApp : TenantApp
{
    private static readonly DateTime Day = new(2027, 5, 10, 0, 0, 0, DateTimeKind.Utc);

    private ApplicationUser Dispatcher => app.A.Users[Roles.Dispatcher];

    private CrmEventInput Input(string title, DateTime start, int minutes = 30, Guid? user = null) => new()
    {
        Title = title, ContactId = app.A.RowIds[typeof(Contact)], AssignedUserId = user ?? Dispatcher.Id,
        StartsAt = start, EndsAt = start.AddMinutes(minutes),
    };

    private async Task<CrmEventItem> CreateAsync(CrmEventInput input)
    {
        var created = await app.Factory.RunAsAsync(Dispatcher, (CrmEventService s) => s.CreateAsync(input));
        Assert.True(created.Succeeded, created.Message);
        return (await app.Factory.RunAsAsync(Dispatcher, (CrmEventService s) => s.GetAsync(created.Value))).Value!;
    }

    [Fact]
    public async Task Events_are_created_moved_resized_and_marked_done_and_a_stale_move_changes_nothing()
    {
        var call = await CreateAsync(Input("Renewal call", Day.AddHours(14)));

        Assert.True((await app.Factory.RunAsAsync(Dispatcher, (CrmEventService s) => s.MoveAsync(call.Id, Day.AddDays(1).AddHours(15), Day.AddDays(1).AddHours(16), call.Version))).Succeeded);
        var moved = (await app.Factory.RunAsAsync(Dispatcher, (CrmEventService s) => s.GetAsync(call.Id))).Value!;
        Assert.Equal((Day.AddDays(1).AddHours(15), Day.AddDays(1).AddHours(16)), (moved.StartsAt, moved.EndsAt));
        Assert.Equal(ResultStatus.Conflict, (await app.Factory.RunAsAsync(Dispatcher, (CrmEventService s) => s.MoveAsync(call.Id, Day, Day.AddHours(1), call.Version))).Status);

        Assert.True((await app.Factory.RunAsAsync(Dispatcher, (CrmEventService s) => s.MarkDoneAsync(call.Id, moved.Version))).Succeeded);
        var done = (await app.Factory.RunAsAsync(Dispatcher, (CrmEventService s) => s.GetAsync(call.Id))).Value!;
        Assert.Equal((CrmEventStatus.Done, Day.AddDays(1).AddHours(15)), (done.Status, done.StartsAt));

        var backwards = await app.Factory.RunAsAsync(Dispatcher, (CrmEventService s) => s.MoveAsync(call.Id, Day.AddHours(10), Day.AddHours(9), done.Version));
        Assert.Equal(["The end must be after the start."], backwards.Errors[nameof(CrmEventInput.EndsAt)]);
    }

    [Fact]
    public async Task Mine_team_and_one_persons_views_and_overlaps_for_one_person()
    {
        var technician = app.A.Users[Roles.Technician];
        var mine = await CreateAsync(Input("My demo", Day.AddDays(3).AddHours(9), 60));
        var theirs = await CreateAsync(Input("Their site survey", Day.AddDays(3).AddHours(9), 60, technician.Id));

        var myView = (await app.Factory.RunAsAsync(Dispatcher, (CrmEventService s) => s.RangeAsync(Day.AddDays(3), Day.AddDays(4), mineOnly: true))).Value!;
        var teamView = (await app.Factory.RunAsAsync(Dispatcher, (CrmEventService s) => s.RangeAsync(Day.AddDays(3), Day.AddDays(4), mineOnly: false))).Value!;
        Assert.Equal([mine.Id], myView.Select(e => e.Id));
        Assert.Equal(new[] { mine.Id, theirs.Id }.Order(), teamView.Select(e => e.Id).Order());
        var theirView = (await app.Factory.RunAsAsync(Dispatcher, (CrmEventService s) => s.RangeAsync(Day.AddDays(3), Day.AddDays(4), mineOnly: false, assignedTo: technician.Id))).Value!;
        var outsidersView = (await app.Factory.RunAsAsync(Dispatcher, (CrmEventService s) => s.RangeAsync(Day.AddDays(3), Day.AddDays(4), mineOnly: false, assignedTo: app.B.Users[Roles.Technician].Id))).Value!;
        Assert.Equal([theirs.Id], theirView.Select(e => e.Id));
        Assert.Empty(outsidersView);

        var overlaps = await app.Factory.RunAsAsync(Dispatcher, (DispatchCalendar c) => c.OverlapsAsync(Dispatcher.Id, Day.AddDays(3).AddHours(9.5), Day.AddDays(3).AddHours(10.5)));
        var ownMove = await app.Factory.RunAsAsync(Dispatcher, (DispatchCalendar c) => c.OverlapsAsync(Dispatcher.Id, Day.AddDays(3).AddHours(9.5), Day.AddDays(3).AddHours(10.5), exceptEventId: mine.Id));
        Assert.Equal(["My demo"], overlaps.Value!.Select(b => b.Label));
        Assert.Empty(ownMove.Value!);
    }

    [Fact]
    public async Task An_event_at_nine_moved_across_the_spring_change_stays_at_nine_local()
    {
        // Saturday 7 March 2026, 09:00 in New York (EST) is 14:00 UTC.
        var meeting = await CreateAsync(Input("Quarterly review", new DateTime(2026, 3, 7, 14, 0, 0, DateTimeKind.Utc), 60));

        var (start, end) = CalendarTimes.Move(meeting.StartsAt, meeting.EndsAt, TimeSpan.FromDays(1), "America/New_York")!.Value;
        Assert.True((await app.Factory.RunAsAsync(Dispatcher, (CrmEventService s) => s.MoveAsync(meeting.Id, start, end, meeting.Version))).Succeeded);

        var stored = (await app.Factory.RunAsAsync(Dispatcher, (CrmEventService s) => s.GetAsync(meeting.Id))).Value!;
        Assert.Equal(new DateTime(2026, 3, 8, 13, 0, 0, DateTimeKind.Utc), stored.StartsAt); // 09:00 EDT
        Assert.Equal(9, WorkTrackr.Web.Infrastructure.TimeZones.TimeZones.ToLocal(stored.StartsAt, "America/New_York").Hour);
    }

    [Fact]
    public async Task An_event_needs_a_title_a_contact_of_the_organisation_and_someone_of_it()
    {
        var refused = await app.Factory.RunAsAsync(Dispatcher, (CrmEventService s) => s.CreateAsync(new CrmEventInput
        {
            Title = " ", ContactId = app.B.RowIds[typeof(Contact)], AssignedUserId = app.B.Users[Roles.Dispatcher].Id, StartsAt = Day, EndsAt = Day,
        }));

        Assert.Equal(["Give the event a title."], refused.Errors[nameof(CrmEventInput.Title)]);
        Assert.Equal(["Choose a contact from the list."], refused.Errors[nameof(CrmEventInput.ContactId)]);
        Assert.Equal(["Choose someone of your organisation."], refused.Errors[nameof(CrmEventInput.AssignedUserId)]);
        Assert.Equal(["The end must be after the start."], refused.Errors[nameof(CrmEventInput.EndsAt)]);
    }

    [Fact]
    public async Task Only_office_roles_work_with_the_crm_calendar_and_only_their_own()
    {
        var e = await CreateAsync(Input("Roles event", Day.AddHours(11)));
        var technician = app.A.Users[Roles.Technician];
        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(technician, (CrmEventService s) => s.RangeAsync(Day, Day.AddDays(1), false))).Status);
        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(technician, (CrmEventService s) => s.GetAsync(e.Id))).Status);
        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(technician, (CrmEventService s) => s.CreateAsync(e.ToInput()))).Status);
        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(technician, (CrmEventService s) => s.UpdateAsync(e.Id, e.ToInput(), e.Version))).Status);
        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(technician, (CrmEventService s) => s.MoveAsync(e.Id, Day, Day.AddHours(1), e.Version))).Status);
        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(technician, (CrmEventService s) => s.MarkDoneAsync(e.Id, e.Version))).Status);

        var other = app.B.Users[Roles.Dispatcher];
        Assert.Equal(ResultStatus.NotFound, (await app.Factory.RunAsAsync(other, (CrmEventService s) => s.GetAsync(e.Id))).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.Factory.RunAsAsync(other, (CrmEventService s) => s.MoveAsync(e.Id, Day, Day.AddHours(1), e.Version))).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.Factory.RunAsAsync(other, (CrmEventService s) => s.MarkDoneAsync(e.Id, e.Version))).Status);
        Assert.DoesNotContain(e.Id, (await app.Factory.RunAsAsync(other, (CrmEventService s) => s.RangeAsync(Day, Day.AddDays(1), false))).Value!.Select(x => x.Id));
    }
}

public sealed class SqliteCrmEventServiceTests(SqliteTenantApp app) : CrmEventServiceTests<SqliteTenantApp>(app), IClassFixture<SqliteTenantApp>;

public sealed class PostgresCrmEventServiceTests(PostgresTenantApp app) : CrmEventServiceTests<PostgresTenantApp>(app), IClassFixture<PostgresTenantApp>;
