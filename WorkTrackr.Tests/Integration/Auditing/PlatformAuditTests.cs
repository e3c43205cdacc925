using WorkTrackr.Data.Auditing;
using WorkTrackr.Web.Features.Administration;
using WorkTrackr.Web.Features.Platform;

namespace WorkTrackr.Tests.Integration.Auditing;

/// <summary>The platform's own changes, in the Platform admin's log; an organisation's changes stay in its own.</summary>
[Trait("Category", "Integration")]
public sealed class PlatformAuditTests(SqliteTenantApp app) : IClassFixture<SqliteTenantApp>
{
    [Fact]
    public async Task Organisations_plans_resellers_and_links_changed_by_the_Platform_admin_are_in_the_platform_log_with_old_and_new_values()
    {
        var platform = await app.Factory.PlatformAdminAsync();
        var organisation = await TestOrganisations.CreateAsync(app.Factory, "Audited Customer");

        Assert.True((await app.Factory.RunAsAsync(platform, (PlatformOrganisations s) => s.SetStatusAsync(organisation.Id, OrganisationStatus.Suspended))).Succeeded);
        Assert.True((await app.Factory.RunAsAsync(platform, (PlatformOrganisations s) => s.SetPlanPriceAsync(OrganisationPlan.Enterprise, 250, 30))).Succeeded);
        var reseller = await app.Factory.RunAsAsync(platform, (PlatformResellers s) => s.CreateAsync(new ResellerInput { Name = "Audited Partners", ContactEmail = "p@example.test", CommissionRate = 0.2m }));
        Assert.True(reseller.Succeeded, reseller.Message);
        Assert.True((await app.Factory.RunAsAsync(platform, (PlatformResellers s) => s.LinkAsync(organisation.Id, reseller.Value))).Succeeded);

        var log = (await app.Factory.RunAsAsync(platform, (PlatformAuditLog l) => l.SearchAsync(null, 0))).Value!;

        var suspended = log.Items.Single(r => r.Entry.EntityType == nameof(Organisation) && r.Entry.EntityId == organisation.Id.ToString());
        Assert.Equal(("Audited Customer", platform.DisplayName, AuditAction.Updated), (suspended.Record, suspended.Entry.Who, suspended.Entry.Action));
        Assert.Equal([new AuditChange("Status", "Active", "Suspended")], suspended.Entry.Changes);
        var price = log.Items.First(r => r.Entry.EntityType == nameof(PlanPrice));
        Assert.Contains(price.Entry.Changes, c => c.Field == "BasePrice" && c.New == "250");
        Assert.Contains(log.Items, r => r.Entry.EntityType == "Reseller" && r.Record == "Audited Partners" && r.Entry.Action == AuditAction.Created);
        var link = log.Items.Single(r => r.Entry.EntityType == "ResellerLink" && r.Organisation == "Audited Customer");
        Assert.Equal(AuditAction.Created, link.Entry.Action);
        // The organisation's own log has its suspension too, by someone outside its team.
        await using var db = app.Factory.CreateDbContext(organisation.Id);
        Assert.Contains(await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(Organisation)).Select(e => e.NewValues).ToListAsync(),
            values => values!.Contains("\"Status\":\"Suspended\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_organisations_own_changes_stay_out_of_the_platform_log_which_only_the_Platform_admin_reads()
    {
        var organisation = await TestOrganisations.CreateAsync(app.Factory, "Private Settings Co");
        var admin = organisation.Users[Roles.Admin];
        var details = (await app.Factory.RunAsAsync(admin, (OrganisationSettings s) => s.GetAsync())).Value!.Input;
        details.TaxNumber = "PRIVATE-123";
        Assert.True((await app.Factory.RunAsAsync(admin, (OrganisationSettings s) => s.SaveAsync(details))).Succeeded);

        await using var db = app.Factory.CreateDbContext(null);
        Assert.False(await db.PlatformAuditEntries.AnyAsync(e => e.NewValues != null && e.NewValues.Contains("PRIVATE-123")));
        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync(admin, (PlatformAuditLog l) => l.SearchAsync(null, 0))).Status);
    }
}
