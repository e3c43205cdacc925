using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using WorkTrackr.Web.Infrastructure.Identity;

namespace WorkTrackr.Tests.Integration.Identity;

[Trait("Category", "Integration")]
public sealed class SignInRulesTests(SqliteTenantApp app) : IClassFixture<SqliteTenantApp>
{
    [Fact]
    public async Task Members_of_a_suspended_organisation_cannot_sign_in_even_with_the_right_password()
    {
        var suspended = await TestOrganisations.CreateAsync(app.Factory, "Suspended Co", OrganisationStatus.Suspended);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();

        var refused = await signIn.CheckPasswordSignInAsync(suspended.Users[Roles.Admin], TestOrganisations.Password, lockoutOnFailure: true);
        var allowed = await signIn.CheckPasswordSignInAsync(app.A.Users[Roles.Admin], TestOrganisations.Password, lockoutOnFailure: true);

        Assert.True(refused.IsNotAllowed);
        Assert.True(allowed.Succeeded);
    }

    [Fact]
    public async Task Suspending_an_organisation_ends_its_members_sessions_at_the_next_cookie_check()
    {
        var organisation = await TestOrganisations.CreateAsync(app.Factory, "Soon Suspended");
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var admin = organisation.Users[Roles.Admin];
        var cookie = await app.Factory.SignedInPrincipalAsync(admin);
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        Assert.NotNull(await signIn.ValidateSecurityStampAsync(cookie));

        await using (var db = app.Factory.CreateDbContext(null))
        {
            var row = await db.Organisations.SingleAsync(o => o.Id == organisation.Id);
            row.Status = OrganisationStatus.Suspended;
            await db.SaveChangesAsync();
        }

        Assert.Null(await signIn.ValidateSecurityStampAsync(cookie));
    }

    [Fact]
    public async Task Sign_out_refuses_a_post_without_the_antiforgery_token()
    {
        using var client = app.Factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent([]));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Deactivated_users_cannot_sign_in()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(app.A.Users[Roles.Dispatcher].Id.ToString()))!;
        user.IsActive = false;
        await users.UpdateAsync(user);

        var result = await scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>()
            .CheckPasswordSignInAsync(user, TestOrganisations.Password, lockoutOnFailure: true);

        Assert.True(result.IsNotAllowed);
    }

    [Fact]
    public async Task The_sign_in_cookie_carries_organisation_roles_and_time_zone()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>()
            .CreateAsync(app.A.Users[Roles.Technician]);

        Assert.Equal(app.A.Id.ToString(), principal.FindFirstValue(WorkTrackrClaims.OrganisationId));
        Assert.Equal("Alpha Repairs", principal.FindFirstValue(WorkTrackrClaims.OrganisationName));
        Assert.Equal("Europe/London", principal.FindFirstValue(WorkTrackrClaims.TimeZone));
        Assert.True(principal.IsInRole(Roles.Technician));
        Assert.False(principal.IsInRole(Roles.Admin));
    }
}
