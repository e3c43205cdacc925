using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using WorkTrackr.Data;
using WorkTrackr.Data.Resellers;
using WorkTrackr.Web.Features.Platform;
using WorkTrackr.Web.Features.Resellers;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Operations;

namespace WorkTrackr.Tests.Integration.Resellers;

/// <summary>Platform administration and the reseller portal's services: commission from the history, and scoping.</summary>
[Trait("Category", "Integration")]
public abstract class ResellerTests<TApp>(TApp app) where TApp : TenantApp
{
    private async Task<ApplicationUser> UserAsync(string role, Guid? resellerId = null)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.test";
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = role, ResellerId = resellerId };
        Assert.True((await users.CreateAsync(user, TestOrganisations.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user;
    }

    private async Task<Guid> ResellerAsync(ApplicationUser platform, string name, decimal rate)
    {
        var created = await app.Factory.RunAsAsync<PlatformResellers, Result<Guid>>(platform, s => s.CreateAsync(new ResellerInput { Name = name, ContactEmail = "partner@example.test", CommissionRate = rate }));
        Assert.True(created.Succeeded, created.Message);
        return created.Value;
    }

    [Fact]
    public async Task A_resellers_portal_shows_its_linked_organisations_with_counts_and_this_months_commission_and_nothing_else()
    {
        var platform = await UserAsync(Roles.PlatformAdmin);
        var bright = await ResellerAsync(platform, "Bright Test Partners", 0.25m);
        var other = await ResellerAsync(platform, "Other Test Channel", 0.10m);
        var brightUser = await UserAsync(Roles.Reseller, bright);
        var otherUser = await UserAsync(Roles.Reseller, other);

        // A: Starter at 0 + 12/seat with its 4 users (one per role) = 48 a month. The reseller's rate has been in force since 2020.
        await using (var db = app.Factory.CreateDbContext(null))
            await db.ResellerRates.Where(r => r.ResellerId == bright).ExecuteUpdateAsync(r => r.SetProperty(x => x.EffectiveFrom, new DateOnly(2020, 1, 1)));
        await using (var db = app.Factory.CreateDbContext(null))
        {
            // Linked since 2020, as the history would hold it (the service only links from this month on).
            db.ResellerLinks.Add(new ResellerLink { ResellerId = bright, OrganisationId = app.A.Id, LinkedOn = new DateOnly(2020, 1, 1) });
            await db.SaveChangesAsync();
        }

        var dashboard = (await app.Factory.RunAsAsync<ResellerPortal, Result<ResellerDashboard>>(brightUser, s => s.DashboardAsync())).Value!;
        var customer = Assert.Single(dashboard.Customers);
        Assert.Equal((app.A.Id, 4, 48m), (customer.Id, customer.ActiveUsers, customer.MonthlyValue));
        Assert.Equal(1, customer.OpenTickets); // the test organisation's one ticket
        Assert.Equal((1, 25m), (customer.RenewalsNext30Days, customer.RenewalsValue)); // its one service, renewing in 10 days
        Assert.Equal(12, dashboard.LastTwelveMonths.Count);
        Assert.Equal(12m, dashboard.LastTwelveMonths[^2].Earned); // last month, whole: 48 × 0.25
        Assert.True(dashboard.ThisMonth > 0);

        // The other reseller sees none of it, whether it asks for its own portal or for Bright's.
        Assert.Empty((await app.Factory.RunAsAsync<ResellerPortal, Result<ResellerDashboard>>(otherUser, s => s.DashboardAsync())).Value!.Customers);
        Assert.Equal(ResultStatus.NotFound, (await app.Factory.RunAsAsync<ResellerPortal, Result<ResellerDashboard>>(otherUser, s => s.DashboardAsync(bright))).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.Factory.RunAsAsync<ResellerPortal, Result<IReadOnlyList<CommissionLine>>>(otherUser, s => s.LedgerAsync(bright))).Status);
        Assert.Empty((await app.Factory.RunAsAsync<ResellerPortal, Result<IReadOnlyList<CommissionLine>>>(otherUser, s => s.LedgerAsync())).Value!);
        Assert.Equal(ResultStatus.NotFound, (await app.Factory.RunAsAsync<ResellerPortal, Result<(byte[], string)>>(otherUser, s => s.StatementAsync(new DateOnly(2026, 1, 1), bright))).Status);

        // An organisation's own people see no reseller or platform data at all.
        foreach (var user in app.A.Users.Values)
        {
            Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync<ResellerPortal, Result<ResellerDashboard>>(user, s => s.DashboardAsync(bright))).Status);
            Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync<ResellerPortal, Result<IReadOnlyList<CommissionLine>>>(user, s => s.LedgerAsync(bright))).Status);
            Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync<ResellerPortal, Result<(byte[], string)>>(user, s => s.StatementAsync(new DateOnly(2026, 1, 1), bright))).Status);
            Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync<PlatformOrganisations, Result<IReadOnlyList<OrganisationRow>>>(user, s => s.ListAsync())).Status);
            Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync<PlatformResellers, Result>(user, s => s.LinkAsync(app.A.Id, bright))).Status);
        }
        // Nor does a reseller do platform work.
        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync<PlatformResellers, Result<IReadOnlyList<ResellerRow>>>(brightUser, s => s.ListAsync())).Status);
        Assert.Equal(ResultStatus.Forbidden, (await app.Factory.RunAsAsync<PlatformResellers, Result>(brightUser, s => s.MarkCommissionPaidAsync(bright, new DateOnly(2021, 1, 1)))).Status);

        // The platform admin can look at any reseller's portal.
        Assert.Single((await app.Factory.RunAsAsync<ResellerPortal, Result<ResellerDashboard>>(platform, s => s.DashboardAsync(bright))).Value!.Customers);
        Assert.True((await app.Factory.RunAsAsync<PlatformResellers, Result>(platform, s => s.UnlinkAsync(app.A.Id))).Succeeded);
    }

    [Fact]
    public async Task Moving_an_organisation_between_resellers_keeps_past_commission_and_pays_by_the_month()
    {
        var platform = await UserAsync(Roles.PlatformAdmin);
        var first = await ResellerAsync(platform, "First Test Reseller", 0.20m);
        var second = await ResellerAsync(platform, "Second Test Reseller", 0.30m);
        var organisation = await TestOrganisations.CreateAsync(app.Factory, "Moving Mechanics");
        var lastMonth = new DateOnly(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1).AddMonths(-1);
        var days = DateTime.DaysInMonth(lastMonth.Year, lastMonth.Month);
        // The rates were in force since long before (the service dates new rates from today).
        await using (var db = app.Factory.CreateDbContext(null))
        {
            await db.ResellerRates.Where(r => r.ResellerId == first || r.ResellerId == second).ExecuteUpdateAsync(r => r.SetProperty(x => x.EffectiveFrom, new DateOnly(2020, 1, 1)));
            await db.OrganisationPlanChanges.Where(c => c.OrganisationId == organisation.Id).ExecuteDeleteAsync();
            db.OrganisationPlanChanges.Add(new OrganisationPlanChange { OrganisationId = organisation.Id, Plan = OrganisationPlan.Starter, EffectiveFrom = new DateOnly(2020, 1, 1) });
            await db.SaveChangesAsync();
        }

        // The history: with the first reseller from the month before last, moved to the second on the 11th of last month.
        await using (var db = app.Factory.CreateDbContext(null))
        {
            db.ResellerLinks.Add(new ResellerLink { ResellerId = first, OrganisationId = organisation.Id, LinkedOn = lastMonth.AddMonths(-1), UnlinkedOn = lastMonth.AddDays(10) });
            db.ResellerLinks.Add(new ResellerLink { ResellerId = second, OrganisationId = organisation.Id, LinkedOn = lastMonth.AddDays(10) });
            await db.SaveChangesAsync();
        }
        // Links change from this month on, and never start in the future or over another reseller's days.
        Assert.Equal(ResultStatus.Invalid, (await app.Factory.RunAsAsync<PlatformResellers, Result>(platform, s => s.LinkAsync(organisation.Id, first, lastMonth.AddDays(20)))).Status);
        Assert.Equal(ResultStatus.Invalid, (await app.Factory.RunAsAsync<PlatformResellers, Result>(platform, s => s.LinkAsync(organisation.Id, first, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1)))).Status);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        if (today.Day > 1)
        {
            // Unlinked today from the second; linking the first from the 1st would give both the same days.
            Assert.True((await app.Factory.RunAsAsync<PlatformResellers, Result>(platform, s => s.UnlinkAsync(organisation.Id, today))).Succeeded);
            var overlap = await app.Factory.RunAsAsync<PlatformResellers, Result>(platform, s => s.LinkAsync(organisation.Id, first, new DateOnly(today.Year, today.Month, 1)));
            Assert.Equal(ResultStatus.Invalid, overlap.Status);
            Assert.Contains("covers part of that time", overlap.Message);
            Assert.True((await app.Factory.RunAsAsync<PlatformResellers, Result>(platform, s => s.LinkAsync(organisation.Id, second, today))).Succeeded);
        }

        // The monthly job keeps last month as it ended, before anyone opens a ledger.
        await using (var scope = app.Factory.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<CommissionLedger>().CloseAllAsync() >= 2);
        await using (var db = app.Factory.CreateDbContext(null))
            Assert.Equal(2, await db.CommissionEntries.CountAsync(e => e.OrganisationId == organisation.Id && e.Month == lastMonth));

        var firstLedger = (await app.Factory.RunAsAsync<ResellerPortal, Result<IReadOnlyList<CommissionLine>>>(platform, s => s.LedgerAsync(first, 3))).Value!;
        var secondLedger = (await app.Factory.RunAsAsync<ResellerPortal, Result<IReadOnlyList<CommissionLine>>>(platform, s => s.LedgerAsync(second, 3))).Value!;
        var firstLast = firstLedger.Single(l => l.Month == lastMonth && l.OrganisationId == organisation.Id);
        var secondLast = secondLedger.Single(l => l.Month == lastMonth && l.OrganisationId == organisation.Id);
        // Starter, 4 users: 48 a month. First: 10 days at 20 %; second: the rest at 30 %.
        Assert.Equal((10, Math.Round(48m * 0.20m * 10 / days, 2, MidpointRounding.AwayFromZero)), (firstLast.LinkedDays, firstLast.Earned));
        Assert.Equal((days - 10, Math.Round(48m * 0.30m * (days - 10) / days, 2, MidpointRounding.AwayFromZero)), (secondLast.LinkedDays, secondLast.Earned));
        Assert.True(firstLast.Closed);

        // A closed month stays as it was computed, even when prices change afterwards.
        Assert.True((await app.Factory.RunAsAsync<PlatformOrganisations, Result>(platform, s => s.SetPlanPriceAsync(OrganisationPlan.Starter, 100, 100))).Succeeded);
        var again = (await app.Factory.RunAsAsync<ResellerPortal, Result<IReadOnlyList<CommissionLine>>>(platform, s => s.LedgerAsync(first, 3))).Value!;
        Assert.Equal(firstLast.Earned, again.Single(l => l.Month == lastMonth && l.OrganisationId == organisation.Id).Earned);
        Assert.True((await app.Factory.RunAsAsync<PlatformOrganisations, Result>(platform, s => s.SetPlanPriceAsync(OrganisationPlan.Starter, 0, 12))).Succeeded);

        // A closed month's statement is made once and kept: the next download is that same file, not a new print.
        Task<Result<(byte[] Content, string FileName)>> StatementAsync() =>
            app.Factory.RunAsAsync<ResellerPortal, Result<(byte[] Content, string FileName)>>(platform, s => s.StatementAsync(lastMonth, first));
        var unpaid = (await StatementAsync()).Value.Content;
        Assert.Contains("Awaiting payment", await PdfTools.RunAsync("pdftotext", unpaid, "-layout"));
        Assert.Equal(unpaid, (await StatementAsync()).Value.Content);
        await using (var db = app.Factory.CreateDbContext(null))
            Assert.Equal(unpaid, await db.ResellerStatements.Where(s => s.ResellerId == first && s.Month == lastMonth).Select(s => s.Content).SingleAsync());

        // Paying: only ended months; then the ledger says paid, with the date.
        Assert.Equal(ResultStatus.Invalid, (await app.Factory.RunAsAsync<PlatformResellers, Result>(platform, s => s.MarkCommissionPaidAsync(first, lastMonth.AddMonths(1)))).Status);
        Assert.True((await app.Factory.RunAsAsync<PlatformResellers, Result>(platform, s => s.MarkCommissionPaidAsync(first, lastMonth, new DateOnly(2026, 1, 5)))).Succeeded);
        var paid = (await app.Factory.RunAsAsync<ResellerPortal, Result<IReadOnlyList<CommissionLine>>>(platform, s => s.LedgerAsync(first, 3))).Value!
            .Single(l => l.Month == lastMonth && l.OrganisationId == organisation.Id);
        Assert.Equal((CommissionStatus.Paid, new DateOnly(2026, 1, 5)), (paid.Status, paid.PaidOn));
        Assert.Equal(ResultStatus.Invalid, (await app.Factory.RunAsAsync<PlatformResellers, Result>(platform, s => s.MarkCommissionPaidAsync(first, lastMonth))).Status);

        // The month's statement, as a PDF read back.
        // Paying replaces the kept statement, which now says so.
        var statement = await StatementAsync();
        Assert.Equal($"commission-{lastMonth:yyyy-MM}.pdf", statement.Value.FileName);
        Assert.NotEqual(unpaid, statement.Value.Content);
        var text = await PdfTools.RunAsync("pdftotext", statement.Value.Content, "-layout");
        Assert.Contains("First Test Reseller", text);
        Assert.Contains("Moving Mechanics", text);
        Assert.Contains(firstLast.Earned.ToString("N2", System.Globalization.CultureInfo.InvariantCulture), text);
        Assert.Contains("Paid 5 Jan 2026", text);
    }

    [Fact]
    public async Task Every_platform_method_refuses_everyone_but_the_platform_admin()
    {
        var platform = await UserAsync(Roles.PlatformAdmin);
        var reseller = await ResellerAsync(platform, "Scoping Test Partners", 0.1m);
        var callers = app.A.Users.Values.Append(await UserAsync(Roles.Reseller, reseller)).ToList();
        var organisation = new OrganisationInput { Name = "Sneaky Ltd", Currency = "USD", TimeZoneId = "UTC" };
        var partner = new ResellerInput { Name = "Sneaky Partners", ContactEmail = "sneaky@example.test" };
        static Func<IServiceProvider, Task<Result>> On<TService>(Func<TService, Task<Result>> call) where TService : notnull =>
            services => call(services.GetRequiredService<TService>());
        Func<IServiceProvider, Task<Result>>[] calls =
        [
            On<PlatformOrganisations>(async s => await s.ListAsync()),
            On<PlatformOrganisations>(async s => await s.GetAsync(app.B.Id)),
            On<PlatformOrganisations>(async s => await s.CreateAsync(organisation)),
            On<PlatformOrganisations>(s => s.UpdateAsync(app.B.Id, organisation)),
            On<PlatformOrganisations>(s => s.SetStatusAsync(app.B.Id, OrganisationStatus.Suspended)),
            On<PlatformOrganisations>(async s => await s.PlanPricesAsync()),
            On<PlatformOrganisations>(s => s.SetPlanPriceAsync(OrganisationPlan.Starter, 0, 0)),
            On<PlatformResellers>(async s => await s.ListAsync()),
            On<PlatformResellers>(async s => await s.CreateAsync(partner)),
            On<PlatformResellers>(s => s.UpdateAsync(reseller, partner)),
            On<PlatformResellers>(s => s.LinkAsync(app.B.Id, reseller)),
            On<PlatformResellers>(s => s.UnlinkAsync(app.B.Id)),
            On<PlatformResellers>(s => s.MarkCommissionPaidAsync(reseller, new DateOnly(2021, 1, 1))),
            On<ICommissionPayouts>(s => s.MarkPaidAsync(reseller, new DateOnly(2021, 1, 1))),
            On<ResellerInvitations>(s => s.InviteAsync(reseller, "sneaky@example.test", "Sneaky", new Uri("https://app.example.test/"))),
        ];
        foreach (var caller in callers)
        {
            for (var i = 0; i < calls.Length; i++)
            {
                var call = calls[i];
                Assert.True((await app.Factory.RunAsAsync<IServiceProvider, Result>(caller, call)).Status == ResultStatus.Forbidden, $"call {i} as {caller.DisplayName}");
            }
        }

        await using var db = app.Factory.CreateDbContext(null);
        Assert.Equal(OrganisationStatus.Active, await db.Organisations.Where(o => o.Id == app.B.Id).Select(o => o.Status).SingleAsync());
    }

    [Fact]
    public async Task The_platform_admin_manages_organisations_plans_and_rates_with_checks()
    {
        var platform = await UserAsync(Roles.PlatformAdmin);
        var refused = await app.Factory.RunAsAsync<PlatformResellers, Result<Guid>>(platform, s => s.CreateAsync(new ResellerInput { Name = "", ContactEmail = "nope", CommissionRate = 1.5m }));
        Assert.Equal(ResultStatus.Invalid, refused.Status);
        Assert.Equal(["Enter a rate between 0 and 1 (0.25 is 25 %)."], refused.Errors[nameof(ResellerInput.CommissionRate)]);
        Assert.Contains(nameof(ResellerInput.Name), refused.Errors.Keys);
        Assert.Contains(nameof(ResellerInput.ContactEmail), refused.Errors.Keys);

        var created = await app.Factory.RunAsAsync<PlatformOrganisations, Result<Guid>>(platform, s => s.CreateAsync(new OrganisationInput { Name = "Platform Made Ltd", Plan = OrganisationPlan.Pro, Currency = "EUR", TimeZoneId = "Europe/Paris" }));
        Assert.True(created.Succeeded, created.Message);
        Assert.True((await app.Factory.RunAsAsync<PlatformOrganisations, Result>(platform, s => s.UpdateAsync(created.Value, new OrganisationInput { Name = "Platform Made Ltd", Plan = OrganisationPlan.Enterprise, Currency = "EUR", TimeZoneId = "Europe/Paris" }))).Succeeded);
        Assert.True((await app.Factory.RunAsAsync<PlatformOrganisations, Result>(platform, s => s.SetStatusAsync(created.Value, OrganisationStatus.Suspended))).Succeeded);

        var row = (await app.Factory.RunAsAsync<PlatformOrganisations, Result<IReadOnlyList<OrganisationRow>>>(platform, s => s.ListAsync("platform made"))).Value!.Single();
        Assert.Equal((OrganisationPlan.Enterprise, OrganisationStatus.Suspended, 0, 199m), (row.Plan, row.Status, row.ActiveUsers, row.MonthlyValue));
        await using var db = app.Factory.CreateDbContext(null);
        Assert.Equal([OrganisationPlan.Enterprise], await db.OrganisationPlanChanges.Where(c => c.OrganisationId == created.Value).Select(c => c.Plan).ToListAsync()); // same day: one change

        // Inviting a reseller's person: an account with no password yet, and an email with the link to set one.
        var reseller = await ResellerAsync(platform, "Invite Test Partners", 0.15m);
        var invitee = $"new-partner-{Guid.NewGuid():N}@example.test";
        var invited = await app.Factory.RunAsAsync<ResellerInvitations, Result>(platform, s => s.InviteAsync(reseller, invitee, "Nova Partner", new Uri("https://app.example.test/")));
        Assert.True(invited.Succeeded, invited.Message);
        var account = await db.Users.AsNoTracking().SingleAsync(u => u.Email == invitee);
        Assert.Equal((reseller, null), (account.ResellerId, account.PasswordHash));
        var message = await db.EmailMessages.AsNoTracking().SingleAsync(m => m.To == invitee);
        Assert.Contains("https://app.example.test/Account/ResetPassword?code=", message.HtmlBody);
        Assert.Equal(ResultStatus.Invalid, (await app.Factory.RunAsAsync<ResellerInvitations, Result>(platform, s => s.InviteAsync(reseller, invitee, "Again", new Uri("https://app.example.test/")))).Status);

        var badZone = await app.Factory.RunAsAsync<PlatformOrganisations, Result<Guid>>(platform, s => s.CreateAsync(new OrganisationInput { Name = "Nowhere", Currency = "usd", TimeZoneId = "Mars/Olympus" }));
        Assert.Equal(ResultStatus.Invalid, badZone.Status);
        Assert.Contains(nameof(OrganisationInput.TimeZoneId), badZone.Errors.Keys);
        Assert.Contains(nameof(OrganisationInput.Currency), badZone.Errors.Keys);
    }

    [Fact]
    public async Task The_invitation_email_is_its_template_with_the_name_encoded_and_a_link_that_sets_the_password()
    {
        var platform = await UserAsync(Roles.PlatformAdmin);
        var reseller = await ResellerAsync(platform, "Smith & <Sons> Partners", 0.15m);
        var invitee = $"markup-{Guid.NewGuid():N}@example.test";
        const string name = "Zoë <b>O'Brien</b> & Co";
        var invited = await app.Factory.RunAsAsync<ResellerInvitations, Result>(platform, s => s.InviteAsync(reseller, invitee, name, new Uri("https://app.example.test/")));
        Assert.True(invited.Succeeded, invited.Message);

        await using var db = app.Factory.CreateDbContext(null);
        var message = await db.EmailMessages.AsNoTracking().SingleAsync(m => m.To == invitee);
        Assert.Equal("You are invited to WorkTrackr for Smith & <Sons> Partners", message.Subject);
        // Razor encoded the names: no markup of theirs is in the HTML, and their text reads back whole.
        Assert.DoesNotContain("<b>", message.HtmlBody);
        Assert.DoesNotContain("<Sons>", message.HtmlBody);
        var text = WebUtility.HtmlDecode(message.HtmlBody);
        Assert.Contains($"Hello {name},", text);
        Assert.Contains("You can now see Smith & <Sons> Partners's customers and commission in WorkTrackr.", text);

        // The link is the set-password page's, and its code sets the invited person's password.
        var link = Regex.Match(message.HtmlBody, "<a href=\"([^\"]+)\">Set your password</a>");
        Assert.True(link.Success, message.HtmlBody);
        var address = new Uri(WebUtility.HtmlDecode(link.Groups[1].Value));
        Assert.Equal("https://app.example.test/Account/ResetPassword", address.GetLeftPart(UriPartial.Path));
        var code = Uri.UnescapeDataString(address.Query["?code=".Length..]);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(invitee);
        var token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        Assert.True((await users.ResetPasswordAsync(user!, token, TestOrganisations.Password)).Succeeded);
    }

    [Fact]
    public async Task A_unique_index_refusing_a_save_comes_back_as_a_conflict_and_saves_nothing()
    {
        // What a second click does: the same rate day (or open link, or plan day) saved twice at the same moment.
        var platform = await UserAsync(Roles.PlatformAdmin);
        var reseller = await ResellerAsync(platform, "Double Click Partners", 0.2m);
        DateOnly day;
        await using (var db = app.Factory.CreateDbContext(null))
            day = await db.ResellerRates.Where(r => r.ResellerId == reseller).Select(r => r.EffectiveFrom).SingleAsync();

        var written = await app.Factory.RunAsAsync<RecordOperations, Result<bool>>(platform, operations => operations.WriteAsync(Capabilities.ManagePlatform, (db, _) =>
        {
            db.ResellerRates.Add(new ResellerRate { ResellerId = reseller, Rate = 0.5m, EffectiveFrom = day });
            return Task.FromResult(Result<bool>.Ok(true));
        }));
        var changed = await app.Factory.RunAsAsync<RecordOperations, Result>(platform, operations => operations.ChangeAsync(new Change<Reseller>(Capabilities.ManagePlatform, reseller)
        {
            Apply = Steps.Do<Reseller>(op =>
            {
                op.Row.Name = "Renamed In Vain";
                op.Db.ResellerRates.Add(new ResellerRate { ResellerId = reseller, Rate = 0.5m, EffectiveFrom = day });
            }),
        }));

        Assert.Equal((ResultStatus.Conflict, ResultStatus.Conflict), (written.Status, changed.Status));
        await using var check = app.Factory.CreateDbContext(null);
        Assert.Equal([0.2m], await check.ResellerRates.Where(r => r.ResellerId == reseller).Select(r => r.Rate).ToListAsync());
        Assert.Equal("Double Click Partners", await check.Resellers.Where(r => r.Id == reseller).Select(r => r.Name).SingleAsync());
    }

    [Fact]
    public async Task Invitations_from_one_circuit_get_an_Identity_context_each()
    {
        var platform = await UserAsync(Roles.PlatformAdmin);
        var reseller = await ResellerAsync(platform, "Circuit Test Partners", 0.15m);
        // One scope stands for a circuit, whose ResellerInvitations lives as long as it does. The scope's own Identity context
        // is disposed first, as it is once its request is over: an invitation through it would throw, and two at once would share it.
        await using var circuit = await app.Factory.SignedInScopeAsync(platform);
        await circuit.ServiceProvider.GetRequiredService<WorkTrackrDbContext>().DisposeAsync();
        var service = circuit.ServiceProvider.GetRequiredService<ResellerInvitations>();

        string[] invitees = [$"first-{Guid.NewGuid():N}@example.test", $"second-{Guid.NewGuid():N}@example.test"];
        var results = await Task.WhenAll(invitees.Select(e => service.InviteAsync(reseller, e, "Overlapping Partner", new Uri("https://app.example.test/"))));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Message));
        await using var db = app.Factory.CreateDbContext(null);
        Assert.Equal(invitees.Order(), (await db.Users.AsNoTracking().Where(u => invitees.Contains(u.Email!)).Select(u => u.Email!).ToListAsync()).Order());
        Assert.Equal(2, await db.UserRoles.CountAsync(r => db.Users.Any(u => u.Id == r.UserId && invitees.Contains(u.Email!))));
    }
}

public sealed class SqliteResellerTests(SqliteTenantApp app) : ResellerTests<SqliteTenantApp>(app), IClassFixture<SqliteTenantApp>;

public sealed class PostgresResellerTests(PostgresTenantApp app) : ResellerTests<PostgresTenantApp>(app), IClassFixture<PostgresTenantApp>;
