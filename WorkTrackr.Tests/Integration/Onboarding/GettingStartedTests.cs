using WorkTrackr.Web.Features.Administration;
using WorkTrackr.Web.Features.Onboarding;
using WorkTrackr.Web.Features.Team;

namespace WorkTrackr.Tests.Integration.Onboarding;

[Trait("Category", "Integration")]
public sealed class GettingStartedTests(SqliteTenantApp app) : IClassFixture<SqliteTenantApp>
{
    [Fact]
    public async Task A_new_organisations_steps_tick_themselves_off_as_they_are_done_and_the_list_goes_once_dismissed()
    {
        var admin = await RegisterAsync($"owner-{Guid.NewGuid():N}@example.test");

        Assert.Equal(["team", "organisation", "contacts", "products", "templates"], (await StepsAsync(admin))!.Select(s => s.Key));
        Assert.All((await StepsAsync(admin))!, s => Assert.False(s.Done));

        await app.Factory.RunAsAsync(admin, (TeamAdministration t) => t.InviteAsync(new InviteInput { Email = $"first-{Guid.NewGuid():N}@example.test", Role = Roles.Technician }));
        var details = (await app.Factory.RunAsAsync(admin, (OrganisationSettings s) => s.GetAsync())).Value!.Input;
        details.Address = "1 High Street";
        await app.Factory.RunAsAsync(admin, (OrganisationSettings s) => s.SaveAsync(details));
        await app.Factory.AddAsync(admin.OrganisationId!.Value, Build.Contact("First customer"));

        var steps = (await StepsAsync(admin))!;
        Assert.Equal(["team", "organisation", "contacts"], steps.Where(s => s.Done).Select(s => s.Key));
        Assert.All(steps.Where(s => !s.Done), s => Assert.False(string.IsNullOrEmpty(s.Href)));

        Assert.True((await app.Factory.RunAsAsync(admin, (GettingStarted g) => g.DismissAsync())).Succeeded);
        Assert.Null(await StepsAsync(admin));
    }

    [Fact]
    public async Task The_list_is_the_Admins_and_is_gone_once_every_step_is_done()
    {
        // The fixture's organisation has people, an invitation, its logo, contacts, products and a template.
        Assert.Null(await StepsAsync(app.A.Users[Roles.Admin]));
        var fresh = await RegisterAsync($"owner-{Guid.NewGuid():N}@example.test");
        Assert.NotNull(await StepsAsync(fresh));
        Assert.Null(await StepsAsync(app.A.Users[Roles.Manager]));
    }

    private Task<IReadOnlyList<GettingStartedStep>?> StepsAsync(ApplicationUser user) =>
        app.Factory.RunAsAsync(user, (GettingStarted g) => g.StepsAsync());

    private async Task<ApplicationUser> RegisterAsync(string email)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var registered = await scope.ServiceProvider.GetRequiredService<OrganisationRegistration>().RegisterAsync(new RegisterOrganisationModel
        {
            OrganisationName = "Brand New Co", Currency = "EUR", TimeZoneId = "Europe/Paris", DisplayName = "Owner", Email = email,
            Password = "Str0ng!Passw0rd", ConfirmPassword = "Str0ng!Passw0rd",
        });
        Assert.True(registered.Succeeded, registered.Message);
        return registered.Value!;
    }
}
