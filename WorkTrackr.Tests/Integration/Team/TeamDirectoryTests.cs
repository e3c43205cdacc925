using WorkTrackr.Web.Features.Team;

namespace WorkTrackr.Tests.Integration.Team;

[Trait("Category", "Integration")]
public sealed class TeamDirectoryTests(SqliteTenantApp app) : IClassFixture<SqliteTenantApp>
{
    [Fact]
    public async Task Assignable_people_are_the_organisations_technicians_and_dispatchers_by_name()
    {
        var people = await app.Factory.RunAsAsync(app.A.Users[Roles.Admin], (TeamDirectory d) => d.AssignableAsync());

        Assert.Equal(
            [app.A.Users[Roles.Dispatcher].Id, app.A.Users[Roles.Technician].Id],
            people.Select(p => p.Id));
        Assert.Equal(people.Select(p => p.DisplayName).Order(StringComparer.Ordinal), people.Select(p => p.DisplayName));
    }

    [Fact]
    public async Task Names_and_lookups_never_reach_another_organisations_people()
    {
        var names = await app.Factory.RunAsAsync(app.A.Users[Roles.Admin], (TeamDirectory d) => d.NamesAsync());
        var borrowed = await app.Factory.RunAsAsync(app.A.Users[Roles.Admin], (TeamDirectory d) => d.FindAssignableAsync(app.B.Users[Roles.Technician].Id));

        Assert.All(app.A.Users.Values, u => Assert.True(names.ContainsKey(u.Id)));
        Assert.All(app.B.Users.Values, u => Assert.False(names.ContainsKey(u.Id)));
        Assert.Null(borrowed);
    }

    [Fact]
    public async Task Working_hours_list_the_people_tickets_go_to_and_save_together_telling_open_dashboards()
    {
        var admin = app.A.Users[Roles.Admin];
        var (dispatcher, technician) = (app.A.Users[Roles.Dispatcher].Id, app.A.Users[Roles.Technician].Id);
        var before = await StampAsync(app.A.Id);

        var listed = (await app.Factory.RunAsAsync(admin, (TeamDirectory d) => d.CapacitiesAsync())).Value!;
        Assert.Equal([dispatcher, technician], listed.Select(p => p.UserId));
        Assert.Equal([Roles.Dispatcher, Roles.Technician], listed.Select(p => p.Role));
        listed.Single(p => p.UserId == dispatcher).WeeklyHours = 20;
        listed.Single(p => p.UserId == technician).WeeklyHours = 0;
        var saved = await app.Factory.RunAsAsync(admin, (TeamDirectory d) => d.SaveCapacitiesAsync(listed));

        Assert.True(saved.Succeeded, saved.Message);
        var reread = (await app.Factory.RunAsAsync(admin, (TeamDirectory d) => d.CapacitiesAsync())).Value!;
        Assert.Equal([20, 0], reread.Select(p => p.WeeklyHours));
        Assert.True(await StampAsync(app.A.Id) > before);
    }

    [Fact]
    public async Task Hours_beyond_a_week_are_refused_beside_the_person_and_nothing_is_saved()
    {
        var admin = app.A.Users[Roles.Admin];
        var listed = (await app.Factory.RunAsAsync(admin, (TeamDirectory d) => d.CapacitiesAsync())).Value!;
        var was = listed.Select(p => p.WeeklyHours).ToList();
        var (ok, wrong) = (listed[0], listed[1]);
        ok.WeeklyHours = was[0] + 1;
        wrong.WeeklyHours = 169;

        var refused = await app.Factory.RunAsAsync(admin, (TeamDirectory d) => d.SaveCapacitiesAsync(listed));

        Assert.Equal(ResultStatus.Invalid, refused.Status);
        // Keyed by the row of the list, as the form's fields are.
        Assert.Equal(["Enter 0 to 168 hours."], refused.Errors[$"[1].{nameof(CapacityInput.WeeklyHours)}"]);
        Assert.False(refused.Errors.ContainsKey($"[0].{nameof(CapacityInput.WeeklyHours)}"));
        Assert.Equal(was, (await app.Factory.RunAsAsync(admin, (TeamDirectory d) => d.CapacitiesAsync())).Value!.Select(p => p.WeeklyHours));
    }

    [Fact]
    public async Task Only_an_admin_sets_hours_and_only_for_their_own_organisations_people()
    {
        var outsider = app.B.Users[Roles.Technician];
        var hoursOfOutsider = await HoursAsync(outsider.Id);

        var borrowed = await app.Factory.RunAsAsync(app.A.Users[Roles.Admin], (TeamDirectory d) => d.SaveCapacitiesAsync(
            [new CapacityInput { UserId = app.A.Users[Roles.Dispatcher].Id, WeeklyHours = 10 }, new CapacityInput { UserId = outsider.Id, WeeklyHours = 1 }]));
        var byManager = await app.Factory.RunAsAsync(app.A.Users[Roles.Manager], (TeamDirectory d) => d.SaveCapacitiesAsync([new CapacityInput { UserId = app.A.Users[Roles.Dispatcher].Id, WeeklyHours = 10 }]));
        var listedForManager = await app.Factory.RunAsAsync(app.A.Users[Roles.Manager], (TeamDirectory d) => d.CapacitiesAsync());

        Assert.Equal(ResultStatus.NotFound, borrowed.Status);
        Assert.Equal(hoursOfOutsider, await HoursAsync(outsider.Id));
        Assert.NotEqual(10, await HoursAsync(app.A.Users[Roles.Dispatcher].Id));
        Assert.Equal(ResultStatus.Forbidden, byManager.Status);
        Assert.Equal(ResultStatus.Forbidden, listedForManager.Status);
    }

    private async Task<int> HoursAsync(Guid userId)
    {
        await using var db = app.Factory.CreateDbContext(null);
        return await db.Users.Where(u => u.Id == userId).Select(u => u.WeeklyCapacityHours).SingleAsync();
    }

    private async Task<long> StampAsync(Guid organisationId)
    {
        await using var db = app.Factory.CreateDbContext(null);
        return await db.DataChangeStamps.Where(s => s.OrganisationId == organisationId).Select(s => s.Version).SingleOrDefaultAsync();
    }
}
