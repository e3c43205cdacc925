using System.Security.Claims;
using WorkTrackr.Web.Components.Layout;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Tenancy;

namespace WorkTrackr.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class NavigationTests
{
    private static CurrentUser UserIn(params string[] roles)
    {
        var user = new CurrentUser();
        var claims = roles.Select(r => new Claim(ClaimTypes.Role, r)).Append(new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()));
        user.Set(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")));
        return user;
    }

    [Fact]
    public void Signed_out_visitors_hold_no_capability()
    {
        var visitor = new CurrentUser();
        Assert.All(Capabilities.RolesByCapability.Keys, c => Assert.False(visitor.Can(c)));
        Assert.Empty(Navigation.ItemsFor(visitor));
    }

    [Fact]
    public void Every_navigation_entry_needs_a_known_capability() =>
        Assert.All(Navigation.Items, i => Assert.True(Capabilities.RolesByCapability.ContainsKey(i.Capability), i.Text));

    [Fact]
    public void Technicians_see_their_work_but_not_the_office_or_money()
    {
        var technician = UserIn(Roles.Technician);
        Assert.Equal(["Dashboard", "Tickets", "Calendar"], Navigation.ItemsFor(technician).Select(i => i.Text));
        Assert.False(technician.Can(Capabilities.ViewAllTickets));
    }

    [Fact]
    public void Platform_admins_get_the_platform_admin_page_not_the_organisation_one()
    {
        var items = Navigation.ItemsFor(UserIn(Roles.PlatformAdmin)).ToList();
        Assert.Equal(["resellers", "platform"], items.Select(i => i.Path));
    }
}
