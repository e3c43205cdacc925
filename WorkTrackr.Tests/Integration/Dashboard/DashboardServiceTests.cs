using Microsoft.Extensions.DependencyInjection;
using WorkTrackr.Data.Contacts;
using WorkTrackr.Data.Identity;
using WorkTrackr.Data.Tickets;
using WorkTrackr.Tests.Integration.Tenancy;
using WorkTrackr.Tests.TestData;
using WorkTrackr.Web.Features.Dashboard;
using WorkTrackr.Web.Infrastructure;

namespace WorkTrackr.Tests.Integration.Dashboard;

[Trait("Category", "Integration")]
public sealed class DashboardServiceTests(SqliteTenantApp app) : IClassFixture<SqliteTenantApp>
{
    private async Task<Result<DashboardSummary>> SummaryForAsync(ApplicationUser user, int days = 30)
    {
        await using var scope = await app.Factory.SignedInScopeAsync(user);
        return await scope.ServiceProvider.GetRequiredService<DashboardService>().GetSummaryAsync(days);
    }

    [Fact]
    public async Task Figures_count_only_the_users_own_organisation()
    {
        var before = (await SummaryForAsync(app.A.Users[Roles.Manager])).Value!;
        // B gets more work; none of it may show up in A's figures.
        await using (var db = app.Factory.CreateDbContext(app.B.Id))
        {
            db.Tickets.Add(new Ticket { Number = "T-900001", Title = "B only" });
            db.Contacts.Add(new Contact { Name = "B only" });
            await db.SaveChangesAsync();
        }

        var after = (await SummaryForAsync(app.A.Users[Roles.Manager])).Value!;

        Assert.Equal(before, after);
        Assert.Equal((1, 1, 1), (after.Contacts, after.ActiveServices, after.RenewalsDue));
    }

    [Fact]
    public async Task Technicians_count_only_tickets_assigned_to_them()
    {
        await using (var db = app.Factory.CreateDbContext(app.A.Id))
        {
            db.Tickets.Add(new Ticket { Number = "T-900002", Title = "Someone else's", AssignedUserId = app.A.Users[Roles.Dispatcher].Id });
            await db.SaveChangesAsync();
        }

        var technician = (await SummaryForAsync(app.A.Users[Roles.Technician])).Value!;
        var dispatcher = (await SummaryForAsync(app.A.Users[Roles.Dispatcher])).Value!;

        Assert.Equal(1, technician.OpenTickets);
        Assert.True(dispatcher.OpenTickets >= 2);
    }

    [Fact]
    public async Task Renewal_window_must_be_one_of_the_offered_ones()
    {
        var result = await SummaryForAsync(app.A.Users[Roles.Admin], days: 45);

        Assert.Equal(ResultStatus.Invalid, result.Status);
    }

    [Fact]
    public async Task Users_without_an_organisation_dashboard_are_refused_by_the_service()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var anonymous = await scope.ServiceProvider.GetRequiredService<DashboardService>().GetSummaryAsync(30);

        Assert.Equal(ResultStatus.Forbidden, anonymous.Status);
    }
}
