using WorkTrackr.Web.Features.Contacts;

namespace WorkTrackr.Tests.Integration.Contacts;

/// <summary>Contacts through the service the pages use, on the real app and database.</summary>
[Trait("Category", "Integration")]
public abstract class ContactServiceTests<TApp>(TApp app) where TApp : TenantApp
{
    private ApplicationUser Dispatcher => app.A.Users[Roles.Dispatcher];

    private async Task<Guid> CreateAsync(string name, string? email = null, string? phone = null)
    {
        var created = await app.Factory.RunAsAsync(Dispatcher, (ContactService s) => s.CreateAsync(new ContactInput { Name = name, Email = email, Phone = phone }));
        Assert.True(created.Succeeded, created.Message);
        return created.Value;
    }

    [Fact]
    public async Task A_contact_needs_a_name_and_a_well_formed_email_and_phone_and_bad_input_saves_nothing()
    {
        var refused = await app.Factory.RunAsAsync(Dispatcher, (ContactService s) => s.CreateAsync(new ContactInput { Name = "  ", Email = "not-an-email", Phone = "call me" }));

        Assert.Equal(ResultStatus.Invalid, refused.Status);
        Assert.Equal(["Give the contact a name."], refused.Errors[nameof(ContactInput.Name)]);
        Assert.Equal(["Enter an email address like name@example.com."], refused.Errors[nameof(ContactInput.Email)]);
        Assert.StartsWith("Enter a phone number", refused.Errors[nameof(ContactInput.Phone)][0]);
        await using (var db = app.Factory.CreateDbContext(app.A.Id))
            Assert.False(await db.Contacts.AnyAsync(c => c.Email == "not-an-email"));

        var id = await CreateAsync("  Harbour Dental  ", "desk@harbour.test", "+44 (0)20 7946 0958 ext. 12");
        var saved = (await app.Factory.RunAsAsync(Dispatcher, (ContactService s) => s.GetAsync(id))).Value!;
        Assert.Equal(("Harbour Dental", "desk@harbour.test"), (saved.Contact.Name, saved.Contact.Email));
    }

    [Fact]
    public async Task The_second_of_two_edits_from_the_same_version_is_refused()
    {
        var id = await CreateAsync("Maple Clinic");
        var opened = (await app.Factory.RunAsAsync(Dispatcher, (ContactService s) => s.GetAsync(id))).Value!;
        var first = opened.Contact;
        first.Phone = "555 0100";
        Assert.True((await app.Factory.RunAsAsync(Dispatcher, (ContactService s) => s.UpdateAsync(id, first, opened.Version))).Succeeded);

        var second = (await app.Factory.RunAsAsync(Dispatcher, (ContactService s) => s.GetAsync(id))).Value!.Contact;
        second.Name = "Maple Clinic Ltd";
        var stale = await app.Factory.RunAsAsync(Dispatcher, (ContactService s) => s.UpdateAsync(id, second, opened.Version));

        Assert.Equal(ResultStatus.Conflict, stale.Status);
        var now = (await app.Factory.RunAsAsync(Dispatcher, (ContactService s) => s.GetAsync(id))).Value!.Contact;
        Assert.Equal(("Maple Clinic", "555 0100"), (now.Name, now.Phone));
    }

    [Fact]
    public async Task A_contact_with_history_cannot_be_deleted_but_can_be_deactivated_and_one_without_is_deleted()
    {
        var withHistory = await CreateAsync("Granite Works");
        await app.Factory.AddAsync(app.A.Id, Build.CrmEvent("Intro call", withHistory, DateTime.UtcNow));

        var refused = await app.Factory.RunAsAsync(Dispatcher, (ContactService s) => s.DeleteAsync(withHistory));
        Assert.Equal(ResultStatus.Invalid, refused.Status);
        Assert.Equal("Granite Works has 1 CRM event, so it cannot be deleted. Deactivate it instead: it leaves the lists and pickers, and its history stays.", refused.Message);

        Assert.True((await app.Factory.RunAsAsync(Dispatcher, (ContactService s) => s.SetActiveAsync(withHistory, false))).Succeeded);
        var active = (await app.Factory.RunAsAsync(Dispatcher, (ContactService s) => s.SearchAsync(new ContactQuery { Text = "Granite" }))).Value!;
        var inactive = (await app.Factory.RunAsAsync(Dispatcher, (ContactService s) => s.SearchAsync(new ContactQuery { Text = "Granite", Status = ContactStatusFilter.Inactive }))).Value!;
        Assert.Empty(active.Items);
        Assert.Equal([withHistory], inactive.Items.Select(i => i.Id));
        Assert.Equal(1, (await app.Factory.RunAsAsync(Dispatcher, (ContactService s) => s.GetAsync(withHistory))).Value!.CrmEventCount);

        var without = await CreateAsync("Short-lived Ltd");
        Assert.True((await app.Factory.RunAsAsync(Dispatcher, (ContactService s) => s.DeleteAsync(without))).Succeeded);
        Assert.Equal(ResultStatus.NotFound, (await app.Factory.RunAsAsync(Dispatcher, (ContactService s) => s.GetAsync(without))).Status);
    }

    [Fact]
    public async Task Search_finds_by_name_email_or_phone_ignoring_case_and_pages_in_the_database()
    {
        var byName = await CreateAsync("Pelican Logistics");
        var byEmail = await CreateAsync("Someone Else", email: "ops@pelicanfreight.test");
        var byPhone = await CreateAsync("Third Party", phone: "555 867 5309");

        var pelican = (await app.Factory.RunAsAsync(Dispatcher, (ContactService s) => s.SearchAsync(new ContactQuery { Text = "PELICAN" }))).Value!;
        var phone = (await app.Factory.RunAsAsync(Dispatcher, (ContactService s) => s.SearchAsync(new ContactQuery { Text = "867 5309" }))).Value!;
        var page = (await app.Factory.RunAsAsync(Dispatcher, (ContactService s) => s.SearchAsync(new ContactQuery { Text = "pelican", Take = 1, Skip = 1 }))).Value!;

        Assert.Equal(new[] { byName, byEmail }.Order(), pelican.Items.Select(i => i.Id).Order());
        Assert.Equal([byPhone], phone.Items.Select(i => i.Id));
        Assert.Equal((2, 1), (page.Total, page.Items.Count));
    }

    [Fact]
    public async Task A_contact_is_looked_after_by_someone_on_the_team_and_never_by_another_organisations_user()
    {
        var owner = app.A.Users[Roles.Manager];
        var created = await app.Factory.RunAsAsync(Dispatcher, (ContactService s) => s.CreateAsync(new ContactInput { Name = "Owned Opticians", OwnerUserId = owner.Id }));
        Assert.True(created.Succeeded, created.Message);
        var opened = (await app.Factory.RunAsAsync(Dispatcher, (ContactService s) => s.GetAsync(created.Value))).Value!;
        Assert.Equal((owner.Id, owner.DisplayName), (opened.Contact.OwnerUserId, opened.OwnerName));

        var stranger = app.B.Users[Roles.Manager];
        var refused = await app.Factory.RunAsAsync(Dispatcher, (ContactService s) => s.CreateAsync(new ContactInput { Name = "Poached Pharmacy", OwnerUserId = stranger.Id }));
        Assert.Equal(ResultStatus.Invalid, refused.Status);
        Assert.Equal(["Choose someone on your team."], refused.Errors[nameof(ContactInput.OwnerUserId)]);

        // A technician does not see contacts, so cannot look after one.
        var technician = app.A.Users[Roles.Technician];
        var notTheirs = await app.Factory.RunAsAsync(Dispatcher, (ContactService s) => s.CreateAsync(new ContactInput { Name = "Unseen Upholstery", OwnerUserId = technician.Id }));
        Assert.Equal(ResultStatus.Invalid, notTheirs.Status);
        Assert.Equal(["Choose an Admin, Manager or Dispatcher: technicians do not see contacts."], notTheirs.Errors[nameof(ContactInput.OwnerUserId)]);
        await using var db = app.Factory.CreateDbContext(app.A.Id);
        Assert.False(await db.Contacts.AnyAsync(c => c.Name == "Unseen Upholstery"));
    }

    [Fact]
    public async Task A_technicians_contact_picker_finds_only_the_contacts_of_their_own_tickets()
    {
        var technician = app.A.Users[Roles.Technician];
        var theirs = await CreateAsync("Picker Pharmacy Theirs");
        var others = await CreateAsync("Picker Pharmacy Others");
        var ticket = await app.Factory.RunAsAsync(Dispatcher, (WorkTrackr.Web.Features.Tickets.TicketService s) =>
            s.CreateAsync(new WorkTrackr.Web.Features.Tickets.TicketInput { Title = "Fix the till", ContactId = theirs, AssignedUserId = technician.Id }));
        Assert.True(ticket.Succeeded, ticket.Message);

        var found = await app.Factory.RunAsAsync(technician, (ContactLookup s) => s.SearchAsync("Picker Pharmacy"));
        var dispatcherFound = await app.Factory.RunAsAsync(Dispatcher, (ContactLookup s) => s.SearchAsync("Picker Pharmacy"));

        Assert.Equal([theirs], found.Select(c => c.Id));
        Assert.Null(await app.Factory.RunAsAsync(technician, (ContactLookup s) => s.FindAsync(others)));
        Assert.NotNull(await app.Factory.RunAsAsync(technician, (ContactLookup s) => s.FindAsync(theirs)));
        // The office searches the whole directory.
        Assert.Equal(2, dispatcherFound.Count(c => c.Id == theirs || c.Id == others));
    }

    [Fact]
    public async Task A_term_most_contacts_share_is_found_and_its_count_stops_at_the_limit()
    {
        // More hits than SQLite's search reads from its index: it scans instead, with the same answer; the count says
        // "more than 1,000" rather than counting them all.
        await using (var db = app.Factory.CreateDbContext(app.A.Id))
        {
            db.Contacts.AddRange(Enumerable.Range(0, 5_100).Select(i => new WorkTrackr.Data.Contacts.Contact { Name = $"Broad {i:D5}", Email = $"desk{i}@broad-domain.test" }));
            await db.SaveChangesAsync();
        }

        var found = (await app.Factory.RunAsAsync(Dispatcher, (ContactService s) => s.SearchAsync(new ContactQuery { Text = "BROAD-DOMAIN.test", Take = 3 }))).Value!;
        var lastListed = (await app.Factory.RunAsAsync(Dispatcher, (ContactService s) => s.SearchAsync(new ContactQuery { Text = "broad-domain.TEST", Skip = ContactService.SearchCountLimit - 1, Take = 2 }))).Value!;
        var everyone = (await app.Factory.RunAsAsync(Dispatcher, (ContactService s) => s.SearchAsync(new ContactQuery()))).Value!;

        Assert.Equal((ContactService.SearchCountLimit, true), (found.Total, found.Capped));
        Assert.Equal(["Broad 00000", "Broad 00001", "Broad 00002"], found.Items.Select(i => i.Name));
        Assert.Equal(["Broad 00999", "Broad 01000"], lastListed.Items.Select(i => i.Name));
        Assert.False(everyone.Capped);
        Assert.InRange(everyone.Total, 5_100, int.MaxValue); // the unfiltered list counts every contact
    }

    [Fact]
    public async Task The_timeline_merges_a_contacts_history_newest_first()
    {
        var id = await CreateAsync("Timeline Traders");
        var now = DateTime.UtcNow;
        await app.Factory.AddAsync(app.A.Id,
            Build.CrmEvent("Older call", id, now.AddDays(-3), minutes: 15),
            Build.CrmEvent("Newer meeting", id, now.AddDays(-1), minutes: 60),
            Build.Ticket("Middle ticket", "C-000001", id).With(t => t.CreatedAt = now.AddDays(-2)));

        var timeline = (await app.Factory.RunAsAsync(Dispatcher, (ContactService s) => s.HistoryAsync(id))).Value!;
        var events = (await app.Factory.RunAsAsync(Dispatcher, (ContactService s) => s.HistoryAsync(id, ContactHistoryKind.CrmEvent))).Value!;

        Assert.Equal(["Newer meeting", "C-000001 Middle ticket", "Older call"], timeline.Select(i => i.Title));
        Assert.Equal(["Newer meeting", "Older call"], events.Select(i => i.Title));
    }

    [Fact]
    public async Task Only_office_roles_manage_contacts_and_only_their_own_organisations()
    {
        var id = await CreateAsync("Roles Check Co");
        var opened = (await app.Factory.RunAsAsync(Dispatcher, (ContactService s) => s.GetAsync(id))).Value!;
        var technician = app.A.Users[Roles.Technician];
        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(technician, (ContactService s) => s.SearchAsync(new ContactQuery()))).Status);
        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(technician, (ContactService s) => s.GetAsync(id))).Status);
        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(technician, (ContactService s) => s.HistoryAsync(id))).Status);
        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(technician, (ContactService s) => s.CreateAsync(new ContactInput { Name = "x" }))).Status);
        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(technician, (ContactService s) => s.UpdateAsync(id, opened.Contact, opened.Version))).Status);
        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(technician, (ContactService s) => s.SetActiveAsync(id, false))).Status);
        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(technician, (ContactService s) => s.DeleteAsync(id))).Status);

        var other = app.B.Users[Roles.Dispatcher];
        Assert.Equal(ResultStatus.NotFound, (await app.Factory.RunAsAsync(other, (ContactService s) => s.GetAsync(id))).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.Factory.RunAsAsync(other, (ContactService s) => s.HistoryAsync(id))).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.Factory.RunAsAsync(other, (ContactService s) => s.UpdateAsync(id, opened.Contact, opened.Version))).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.Factory.RunAsAsync(other, (ContactService s) => s.SetActiveAsync(id, false))).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.Factory.RunAsAsync(other, (ContactService s) => s.DeleteAsync(id))).Status);
        Assert.DoesNotContain(id, (await app.Factory.RunAsAsync(other, (ContactService s) => s.SearchAsync(new ContactQuery { Text = "Roles Check", Status = ContactStatusFilter.All }))).Value!.Items.Select(i => i.Id));
    }
}

public sealed class SqliteContactServiceTests(SqliteTenantApp app) : ContactServiceTests<SqliteTenantApp>(app), IClassFixture<SqliteTenantApp>;

public sealed class PostgresContactServiceTests(PostgresTenantApp app) : ContactServiceTests<PostgresTenantApp>(app), IClassFixture<PostgresTenantApp>;
