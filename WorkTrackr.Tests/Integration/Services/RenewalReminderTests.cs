using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using WorkTrackr.Web.Features.Notifications;
using WorkTrackr.Web.Features.Services;
using WorkTrackr.Web.Infrastructure.Jobs;
using WorkTrackr.Web.Infrastructure.Rendering;

namespace WorkTrackr.Tests.Integration.Services;

/// <summary>The daily renewal reminder sweep on the real database: thresholds, recipients, the 07:00 rule, and exactly-once.</summary>
[Trait("Category", "Integration")]
public abstract class RenewalReminderTests<TApp>(TApp app) where TApp : TenantApp
{
    // 10 June 2026, 08:00 UTC = 09:00 in London (summer time): past 07:00 there.
    private static readonly DateTimeOffset Morning = new(2026, 6, 10, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 6, 10);

    private async Task<int> SweepAsync(DateTimeOffset now, Guid organisationId)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var sweep = new RenewalReminderSweep(scope.ServiceProvider.GetRequiredService<JobDatabase>(), new NoJobTrigger(),
            scope.ServiceProvider.GetRequiredService<ComponentHtml>(), StoppedClock.At(now), NullLogger<RenewalReminderSweep>.Instance);
        return await sweep.SweepAsync(organisationId);
    }

    private async Task<(TestOrganisation Organisation, Guid Owned, Guid Unowned)> ArrangeAsync(string name, ReminderRecipients recipients = ReminderRecipients.ContactOwner)
    {
        var organisation = await TestOrganisations.CreateAsync(app.Factory, name);
        await using var db = app.Factory.CreateDbContext(organisation.Id);
        // Start from a clean slate: no reminders or notifications but the ones these tests make.
        await db.RenewalReminders.ExecuteDeleteAsync();
        await db.Notifications.ExecuteDeleteAsync();
        var settings = await db.Organisations.SingleAsync(o => o.Id == organisation.Id);
        settings.ReminderRecipients = recipients;
        var product = await db.Products.FirstAsync();
        var owned = Build.Contact("Owned Orchards").With(c => c.OwnerUserId = organisation.Users[Roles.Dispatcher].Id);
        var unowned = Build.Contact("Nobody's Nursery");
        db.Contacts.AddRange(owned, unowned);
        CustomerService Service(Contact contact, int days, BillingCycle cycle = BillingCycle.Monthly, bool active = true) =>
            new() { Contact = contact, ProductId = product.Id, RenewalDate = Today.AddDays(days), BillingCycle = cycle, IsActive = active };
        db.CustomerServices.AddRange(
            Service(owned, 14), Service(owned, 3), Service(unowned, 30),
            Service(unowned, 40), Service(unowned, 5, BillingCycle.OneOff), Service(unowned, 7, active: false), Service(unowned, -2));
        // The service every test organisation starts with renews in 10 days from the real today: outside June 2026's window.
        await db.SaveChangesAsync();
        return (organisation, owned.Id, unowned.Id);
    }

    [Fact]
    public async Task Each_service_reaching_a_threshold_gets_one_reminder_however_often_the_sweep_runs()
    {
        var (organisation, _, _) = await ArrangeAsync("Reminder Rentals");

        Assert.Equal(3, await SweepAsync(Morning, organisation.Id));
        Assert.Equal(0, await SweepAsync(Morning.AddMinutes(15), organisation.Id));
        Assert.Equal(0, await SweepAsync(Morning.AddHours(5), organisation.Id));

        await using var db = app.Factory.CreateDbContext(organisation.Id);
        var reminders = await db.RenewalReminders.Select(r => new { r.RenewalDate, r.DaysBefore }).ToListAsync();
        Assert.Equal([(Today.AddDays(3), 7), (Today.AddDays(14), 14), (Today.AddDays(30), 30)],
            reminders.Select(r => (r.RenewalDate, r.DaysBefore)).Order());

        // Eleven days on: the 14-day service is 3 days away and gets its 7-day reminder (the tightest reached, not the
        // missed ones); the 40-day one enters the 30-day window; the 3-day one has renewed and is past.
        Assert.Equal(2, await SweepAsync(Morning.AddDays(11), organisation.Id));
        Assert.Equal(0, await SweepAsync(Morning.AddDays(11), organisation.Id));
    }

    [Fact]
    public async Task Nothing_goes_out_before_seven_in_the_organisations_time_zone()
    {
        var (organisation, _, _) = await ArrangeAsync("Early Birds");
        // 05:30 UTC = 06:30 in London.
        Assert.Equal(0, await SweepAsync(new DateTimeOffset(2026, 6, 10, 5, 30, 0, TimeSpan.Zero), organisation.Id));
        Assert.Equal(3, await SweepAsync(new DateTimeOffset(2026, 6, 10, 6, 0, 0, TimeSpan.Zero), organisation.Id));
    }

    [Fact]
    public async Task Reminders_go_to_the_contacts_owner_or_else_the_managers_as_a_notification_and_an_email()
    {
        var (organisation, owned, _) = await ArrangeAsync("Owner Outfitters");
        await SweepAsync(Morning, organisation.Id);

        var dispatcher = organisation.Users[Roles.Dispatcher];
        var manager = organisation.Users[Roles.Manager];
        await using var db = app.Factory.CreateDbContext(organisation.Id);
        var notifications = await db.Notifications.AsNoTracking().ToListAsync();
        Assert.Equal(2, notifications.Count(n => n.UserId == dispatcher.Id));
        Assert.All(notifications.Where(n => n.UserId == dispatcher.Id), n => Assert.Equal($"contacts/{owned}", n.Link));
        Assert.Contains(notifications, n => n.UserId == manager.Id && n.Title.StartsWith("Nobody's Nursery:", StringComparison.Ordinal));
        Assert.DoesNotContain(notifications, n => n.UserId == organisation.Users[Roles.Admin].Id);

        var emails = await db.EmailMessages.AsNoTracking().Where(m => m.OrganisationId == organisation.Id).ToListAsync();
        Assert.Equal([dispatcher.Email, manager.Email], emails.Select(e => e.To).Order());
        Assert.Contains("Owned Orchards", emails.Single(e => e.To == dispatcher.Email).HtmlBody);

        // The bell shows them, and reading one lowers the count.
        var inbox = await app.Factory.RunAsAsync(dispatcher, (NotificationInbox i) => i.LatestAsync());
        Assert.Equal(2, inbox.Unread);
        await app.Factory.RunAsAsync(dispatcher, async (NotificationInbox i) => { await i.MarkReadAsync(inbox.Latest[0].Id); return 0; });
        Assert.Equal(1, await app.Factory.RunAsAsync(dispatcher, (NotificationInbox i) => i.UnreadCountAsync()));
        Assert.Equal(0, await app.Factory.RunAsAsync(organisation.Users[Roles.Technician], (NotificationInbox i) => i.UnreadCountAsync()));
    }

    [Fact]
    public async Task The_reminder_email_is_its_template_listing_each_reminder_with_the_names_encoded()
    {
        var (organisation, _, unowned) = await ArrangeAsync("Markup & <Co> Mills");
        await using (var named = app.Factory.CreateDbContext(organisation.Id))
            await named.Contacts.Where(c => c.Id == unowned).ExecuteUpdateAsync(c => c.SetProperty(x => x.Name, "Nobody's <i>Nursery</i> & Sons"));
        await SweepAsync(Morning, organisation.Id);

        var dispatcher = organisation.Users[Roles.Dispatcher];
        var manager = organisation.Users[Roles.Manager];
        await using var db = app.Factory.CreateDbContext(organisation.Id);
        var emails = await db.EmailMessages.AsNoTracking().Where(m => m.OrganisationId == organisation.Id).ToDictionaryAsync(m => m.To);
        // Razor encoded the names: none of their markup is in the HTML, and their text reads back whole.
        Assert.All(emails.Values, e => Assert.DoesNotContain("<i>", e.HtmlBody));
        Assert.All(emails.Values, e => Assert.DoesNotContain("<Co>", e.HtmlBody));
        var toManager = WebUtility.HtmlDecode(emails[manager.Email!].HtmlBody);
        Assert.Contains($"Hello {manager.DisplayName},", toManager);
        Assert.Contains("These customer services of Markup & <Co> Mills renew soon:", toManager);
        Assert.Contains("for Nobody's <i>Nursery</i> & Sons on 10 Jul 2026 (in 30 days)</li>", toManager);
        // One line per reminder, soonest first: the owner's two services, 3 and 14 days away.
        var toDispatcher = emails[dispatcher.Email!].HtmlBody;
        Assert.Equal(2, Regex.Count(toDispatcher, "<li>"));
        Assert.Matches("(?s)for Owned Orchards on 13 Jun 2026 \\(in 3 days\\)</li>.*for Owned Orchards on 24 Jun 2026 \\(in 14 days\\)</li>", toDispatcher);
        Assert.DoesNotContain("more on the Services page", toDispatcher);
    }

    [Fact]
    public async Task When_managers_are_chosen_they_get_every_reminder()
    {
        var (organisation, _, _) = await ArrangeAsync("Manager Mews", ReminderRecipients.Managers);
        await SweepAsync(Morning, organisation.Id);
        await using var db = app.Factory.CreateDbContext(organisation.Id);
        Assert.Equal([organisation.Users[Roles.Manager].Id], await db.Notifications.Select(n => n.UserId).Distinct().ToListAsync());
    }

    [Fact]
    public async Task Two_sweeps_at_once_give_each_reminder_exactly_once()
    {
        var (organisation, _, _) = await ArrangeAsync("Race Condition Rentals");

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => SweepAsync(Morning, organisation.Id))));

        Assert.Equal(3, results.Sum());
        await using var db = app.Factory.CreateDbContext(organisation.Id);
        Assert.Equal(3, await db.RenewalReminders.CountAsync());
        Assert.Equal(2, await db.EmailMessages.CountAsync(m => m.OrganisationId == organisation.Id));
        Assert.Equal(3, await db.Notifications.CountAsync());
    }
}

public sealed class SqliteRenewalReminderTests(SqliteTenantApp app) : RenewalReminderTests<SqliteTenantApp>(app), IClassFixture<SqliteTenantApp>;

public sealed class PostgresRenewalReminderTests(PostgresTenantApp app) : RenewalReminderTests<PostgresTenantApp>(app), IClassFixture<PostgresTenantApp>;
