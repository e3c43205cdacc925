using Microsoft.Extensions.DependencyInjection;
using WorkTrackr.Data.Identity;
using WorkTrackr.Tests.Integration.Tenancy;
using WorkTrackr.Tests.TestData;
using WorkTrackr.Web.Features.Team;

namespace WorkTrackr.Tests.Integration.Team;

[Trait("Category", "Integration")]
public sealed class TeamDirectoryTests(SqliteTenantApp app) : IClassFixture<SqliteTenantApp>
{
    private Task<T> AsAsync<T>(ApplicationUser user, Func<TeamDirectory, Task<T>> action) => app.Factory.RunAsAsync(user, action);

    [Fact]
    public async Task Assignable_people_are_the_organisations_technicians_and_dispatchers_by_name()
    {
        var people = await AsAsync(app.A.Users[Roles.Admin], d => d.AssignableAsync());

        Assert.Equal(
            [app.A.Users[Roles.Dispatcher].Id, app.A.Users[Roles.Technician].Id],
            people.Select(p => p.Id));
        Assert.Equal(people.Select(p => p.DisplayName).Order(StringComparer.Ordinal), people.Select(p => p.DisplayName));
    }

    [Fact]
    public async Task Names_and_lookups_never_reach_another_organisations_people()
    {
        var names = await AsAsync(app.A.Users[Roles.Admin], d => d.NamesAsync());
        var borrowed = await AsAsync(app.A.Users[Roles.Admin], d => d.FindAssignableAsync(app.B.Users[Roles.Technician].Id));

        Assert.All(app.A.Users.Values, u => Assert.True(names.ContainsKey(u.Id)));
        Assert.All(app.B.Users.Values, u => Assert.False(names.ContainsKey(u.Id)));
        Assert.Null(borrowed);
    }
}
