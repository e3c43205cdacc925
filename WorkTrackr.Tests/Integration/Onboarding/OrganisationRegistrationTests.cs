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
    public async Task The_organisation_opens_only_once_its_admin_confirms_the_emailed_address()
    {
        var email = $"confirm-{Guid.NewGuid():N}@zeta.test";
        var registered = await RegisterAsync(Model(email, "Zeta Cleaning"));
        Assert.True(registered.Succeeded, registered.Message);
        var admin = registered.Value!;
        Assert.Equal(OrganisationStatus.Unconfirmed, await StatusAsync(admin.OrganisationId!.Value));
        Assert.True((await CheckPasswordAsync(email)).IsNotAllowed);

        var (userId, code) = await ConfirmationLinkAsync(email);
        Assert.Equal(ResultStatus.Invalid, (await ConfirmAsync(userId, code[..^4] + "AAAA")).Status);
        Assert.Equal(ResultStatus.Invalid, (await ConfirmAsync(Guid.NewGuid().ToString(), code)).Status);
        Assert.Equal(ResultStatus.Invalid, (await ConfirmAsync("not-an-id", code)).Status);
        Assert.Equal(OrganisationStatus.Unconfirmed, await StatusAsync(admin.OrganisationId!.Value));

        var confirmed = await ConfirmAsync(userId, code);

        Assert.True(confirmed.Succeeded, confirmed.Message);
        Assert.Equal(OrganisationStatus.Active, await StatusAsync(admin.OrganisationId!.Value));
        Assert.True((await CheckPasswordAsync(email)).Succeeded);
        Assert.Contains("already confirmed", (await ConfirmAsync(userId, code)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_confirmation_link_is_sent_only_to_a_registration_still_waiting_for_one()
    {
        var email = $"again-{Guid.NewGuid():N}@eta.test";
        Assert.True((await RegisterAsync(Model(email, "Eta Gardens"))).Succeeded);

        await ResendAsync(email);
        await ResendAsync("nobody-registered@eta.test");

        await using var db = app.Factory.CreateDbContext(null);
        Assert.Equal(2, await db.EmailMessages.CountAsync(m => m.To == email));
        Assert.False(await db.EmailMessages.AnyAsync(m => m.To == "nobody-registered@eta.test"));
        var (userId, code) = await ConfirmationLinkAsync(email);
        Assert.True((await ConfirmAsync(userId, code)).Succeeded);
        await ResendAsync(email);
        Assert.Equal(2, await db.EmailMessages.CountAsync(m => m.To == email));
    }

    private async Task<OrganisationStatus> StatusAsync(Guid organisationId)
    {
        await using var db = app.Factory.CreateDbContext(null);
        return await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Status).SingleAsync();
    }

    private async Task<SignInResult> CheckPasswordAsync(string email)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!;
        return await scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>().CheckPasswordSignInAsync(user, "Str0ng!Passw0rd", lockoutOnFailure: false);
    }

    private async Task<Result> ConfirmAsync(string userId, string code)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrganisationRegistration>().ConfirmAsync(userId, code);
    }

    private async Task ResendAsync(string email)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OrganisationRegistration>().ResendConfirmationAsync(email);
    }

    /// <summary>The user id and code in the latest confirmation email's link, which must be to the app's public address.</summary>
    private async Task<(string UserId, string Code)> ConfirmationLinkAsync(string email)
    {
        await using var db = app.Factory.CreateDbContext(null);
        var body = (await db.EmailMessages.AsNoTracking().Where(m => m.To == email).ToListAsync()).Last().HtmlBody;
        var href = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(body, "href='([^']+)'").Groups[1].Value);
        var publicBase = app.Factory.Services.GetRequiredService<PublicAddress>().BaseUri;
        Assert.StartsWith(new Uri(publicBase, OrganisationRegistration.ConfirmPath).AbsoluteUri, href, StringComparison.Ordinal);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(href).Query);
        return (query["userId"].ToString(), query["code"].ToString());
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
