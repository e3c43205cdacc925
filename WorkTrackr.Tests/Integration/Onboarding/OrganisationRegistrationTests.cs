using Microsoft.AspNetCore.Identity;
using WorkTrackr.Web.Features.Onboarding;

namespace WorkTrackr.Tests.Integration.Onboarding;

[Trait("Category", "Integration")]
public sealed class OrganisationRegistrationTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static RegisterOrganisationModel Model(string email, string organisation = "Gamma Electrical", string password = "Str0ng!Passw0rd") => new()
    {
        OrganisationName = organisation,
        Currency = "EUR",
        TimeZoneId = "Europe/Paris",
        DisplayName = "Gina Owner",
        Email = email,
        Password = password,
        ConfirmPassword = password,
    };

    private async Task<Result<ApplicationUser>> RegisterAsync(RegisterOrganisationModel model)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrganisationRegistration>().RegisterAsync(model);
    }

    [Fact]
    public async Task Registration_creates_the_organisation_and_its_first_admin()
    {
        var result = await RegisterAsync(Model("gina@gamma.test"));

        Assert.True(result.Succeeded, result.Message);
        await using var db = app.Factory.CreateDbContext(null);
        var organisation = await db.Organisations.SingleAsync(o => o.Id == result.Value!.OrganisationId);
        Assert.Equal(("Gamma Electrical", "EUR", "Europe/Paris"), (organisation.Name, organisation.Currency, organisation.TimeZoneId));
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = await users.FindByEmailAsync("gina@gamma.test");
        Assert.NotNull(admin);
        Assert.Equal([Roles.Admin], await users.GetRolesAsync(admin));
    }

    [Fact]
    public async Task A_refused_admin_leaves_no_half_registered_organisation()
    {
        Assert.True((await RegisterAsync(Model("taken@delta.test", "Delta One"))).Succeeded);

        var duplicate = await RegisterAsync(Model("taken@delta.test", "Delta Two"));
        var weak = await RegisterAsync(Model("weak@delta.test", "Delta Three", password: "password"));

        Assert.Equal(ResultStatus.Invalid, duplicate.Status);
        Assert.Contains("already exists", Assert.Single(duplicate.Errors[nameof(RegisterOrganisationModel.Email)]));
        Assert.Equal(ResultStatus.Invalid, weak.Status);
        Assert.NotEmpty(weak.Errors[nameof(RegisterOrganisationModel.Password)]);
        await using var db = app.Factory.CreateDbContext(null);
        Assert.False(await db.Organisations.AnyAsync(o => o.Name == "Delta Two" || o.Name == "Delta Three"));
    }

    [Fact]
    public async Task An_unknown_time_zone_is_refused_beside_its_field()
    {
        var model = Model("zone@epsilon.test", "Epsilon");
        model.TimeZoneId = "Mars/Olympus_Mons";

        var result = await RegisterAsync(model);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.True(result.Errors.ContainsKey(nameof(RegisterOrganisationModel.TimeZoneId)));
    }
}
