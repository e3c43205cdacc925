using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using WorkTrackr.Tests.Integration;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Tenancy;

namespace WorkTrackr.Tests.Components;

/// <summary>One app on one SQLite file for every component test: a host start and its migrations, not one per class.</summary>
[CollectionDefinition(Name)]
public sealed class ComponentApp : ICollectionFixture<SqliteApp>
{
    public const string Name = "Components on the real app";
}

/// <summary>
/// A component on the real app: a fresh organisation (a user per role, a row of every owned type) on a real SQLite
/// database, the app's own services, and a signed-in user whom both the component and those services see.
/// </summary>
[Collection(ComponentApp.Name)]
public abstract class AppComponentTest(SqliteApp app) : ComponentTest
{
    private AsyncServiceScope scope;
    private BunitAuthorizationContext authorization = default!;

    protected WorkTrackrFactory Factory => app.Factory;
    protected TestOrganisation Organisation { get; private set; } = default!;

    public override async Task InitializeAsync()
    {
        Organisation = await TestOrganisations.CreateAsync(Factory, $"Components {Guid.NewGuid():N}"[..19]);
        // One scope of the app stands in for a circuit's scope: whatever bUnit does not provide itself (feature
        // services, CurrentUser, the context factory, TimeProvider) comes from it, so components reach the real
        // database through the real services. bUnit keeps its own NavigationManager, JavaScript and authentication.
        scope = Factory.Services.CreateAsyncScope();
        Context.Services.AddFallbackServiceProvider(scope.ServiceProvider);
        authorization = Context.AddAuthorization();
        await base.InitializeAsync();
    }

    /// <summary>Signs in the organisation's user of <paramref name="role"/>; see <see cref="SignInAsync(ApplicationUser)"/>.</summary>
    protected Task<ApplicationUser> SignInAsync(string role) => SignInAsync(Organisation.Users[role]);

    /// <summary>
    /// Signs <paramref name="user"/> in with the claims a real sign-in puts in the cookie (organisation, time zone,
    /// roles), as bUnit's authentication state, and the policies those roles hold. Then, as
    /// <see cref="CurrentUserCircuitHandler"/> does on a circuit, hands that principal to the scope's
    /// <see cref="CurrentUser"/>, so the services the component calls see the same user and organisation.
    /// </summary>
    protected async Task<ApplicationUser> SignInAsync(ApplicationUser user)
    {
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray();
        authorization.SetRoles(roles);
        authorization.SetPolicies([.. Capabilities.RolesByCapability.Where(c => c.Value.Any(roles.Contains)).Select(c => c.Key)]);
        authorization.SetClaims([.. principal.Claims.Where(c => c.Type is not (ClaimTypes.Name or ClaimTypes.Role))]);
        authorization.SetAuthorized(principal.Identity!.Name!);

        var state = await Context.Services.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(state.User);
        return user;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await scope.DisposeAsync();
    }
}
