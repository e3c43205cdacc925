using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Identity;
using WorkTrackr.Data.Notifications;
using WorkTrackr.Data.Organisations;
using WorkTrackr.Data.Services;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Email;
using WorkTrackr.Web.Infrastructure.Jobs;
using WorkTrackr.Web.Infrastructure.Rendering;
using TimeZones = WorkTrackr.Web.Infrastructure.TimeZones.TimeZones;

namespace WorkTrackr.Web.Features.Services;

/// <summary>
/// Once a day from 07:00 in each organisation's time zone, tells the right people which customer services are about
/// to renew: one reminder per service, renewal date and threshold (30, 14, 7 and 1 days by default), as an in-app
/// notification and an email digest. Each organisation's reminders, notifications and emails are saved in one
/// transaction, and a unique index on the reminders makes a second run, or a second node, add nothing. The email is
/// the <see cref="RenewalReminderEmail"/> template.
/// </summary>
public sealed partial class RenewalReminderSweep(JobDatabase database, IJobTrigger jobs, ComponentHtml html, TimeProvider clock, ILogger<RenewalReminderSweep> logger)
{
    public static readonly TimeOnly SendFrom = new(7, 0);
    /// <summary>Above this many reminders for one person in one sweep, the bell gets one summary instead of one each.</summary>
    public const int NotificationsEach = 5;
    public const int EmailListLength = 50;

    /// <summary>Gives the reminders that are due; returns how many. <paramref name="organisationId"/> limits it to one organisation, and <paramref name="anyHour"/> skips the 07:00 rule (run now).</summary>
    public async Task<int> SweepAsync(Guid? organisationId = null, bool anyHour = false, CancellationToken cancellationToken = default)
    {
        List<Organisation> organisations;
        await using (var platform = database.Platform())
        {
            organisations = await platform.Organisations.AsNoTracking()
                .Where(o => o.Status == OrganisationStatus.Active && (organisationId == null || o.Id == organisationId)).ToListAsync(cancellationToken);
        }
        var given = 0;
        foreach (var organisation in organisations)
        {
            var local = TimeZones.ToLocal(clock.GetUtcNow().UtcDateTime, organisation.TimeZoneId);
            if (!anyHour && TimeOnly.FromDateTime(local) < SendFrom) continue;
            given += await SweepAsync(organisation, DateOnly.FromDateTime(local), cancellationToken);
        }
        if (given > 0) await jobs.RunNowAsync(EmailJob.Job);
        return given;
    }

    private sealed record Due(Guid ServiceId, DateOnly RenewalDate, int DaysBefore, int DaysLeft, Guid ContactId, string Contact, Guid? OwnerUserId, string Product, int Quantity);

    private async Task<int> SweepAsync(Organisation organisation, DateOnly today, CancellationToken cancellationToken)
    {
        var thresholds = organisation.ReminderThresholds;
        if (thresholds.Count == 0) return 0;
        var until = today.AddDays(thresholds[0]);
        await using var db = database.For(organisation.Id);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAsync(db, organisation.Id, cancellationToken);

        // Both reads walk an index on (organisation, renewal date); only the window up to the largest threshold is read.
        var candidates = await db.CustomerServices.AsNoTracking()
            .Where(s => s.RenewalDate >= today && s.RenewalDate <= until && s.IsActive && s.BillingCycle != BillingCycle.OneOff)
            .Select(s => new { s.Id, RenewalDate = s.RenewalDate!.Value, s.ContactId, Contact = s.Contact!.Name, s.Contact.OwnerUserId, Product = s.Product!.Name, s.Quantity })
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0) return 0;
        var already = (await db.RenewalReminders.AsNoTracking().Where(r => r.RenewalDate >= today && r.RenewalDate <= until)
                .Select(r => new { r.CustomerServiceId, r.RenewalDate, r.DaysBefore }).ToListAsync(cancellationToken))
            .Select(r => (r.CustomerServiceId, r.RenewalDate, r.DaysBefore)).ToHashSet();

        var due = new List<Due>();
        foreach (var service in candidates)
        {
            var left = service.RenewalDate.DayNumber - today.DayNumber;
            // The tightest threshold reached: a day the sweep missed is caught up with the current threshold, not all past ones.
            var threshold = thresholds.Where(t => t >= left).Min();
            if (!already.Contains((service.Id, service.RenewalDate, threshold)))
                due.Add(new Due(service.Id, service.RenewalDate, threshold, left, service.ContactId, service.Contact, service.OwnerUserId, service.Product, service.Quantity));
        }
        if (due.Count == 0) return 0;

        var people = await RecipientsAsync(db, organisation, due, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        db.RenewalReminders.AddRange(due.Select(d => new RenewalReminder { CustomerServiceId = d.ServiceId, RenewalDate = d.RenewalDate, DaysBefore = d.DaysBefore, CreatedAt = now }));
        foreach (var (person, reminders) in people)
        {
            db.Notifications.AddRange(Notifications(person, reminders, now));
            if (!string.IsNullOrWhiteSpace(person.Email))
                EmailOutbox.Queue(db, organisation.Id, person.Email, Subject(reminders), await EmailBodyAsync(organisation, person, reminders), now);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (DbErrors.IsUniqueViolation(exception))
        {
            // The unique index caught a reminder given meanwhile (the lock should have prevented it): nothing is saved,
            // and the next sweep gives whatever is still missing.
            LogGivenElsewhere(logger, exception, organisation.Id);
            return 0;
        }
        return due.Count;
    }

    /// <summary>Texts built from names are cut to their columns' sizes, with an ellipsis.</summary>
    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    /// <summary>
    /// One sweep per organisation at a time, across nodes: PostgreSQL locks the organisation's row until the transaction
    /// ends; SQLite's write transaction (BEGIN IMMEDIATE) already holds the whole database. The second sweep then reads
    /// the first one's reminders and has nothing left to give.
    /// </summary>
    private static async Task LockAsync(WorkTrackrDbContext db, Guid organisationId, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql()) return;
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Organisations\" WHERE \"Id\" = {organisationId} FOR UPDATE", cancellationToken);
    }

    /// <summary>Each reminder goes to its contact's owner (while they are an active member), otherwise to the Managers.</summary>
    private static async Task<Dictionary<ApplicationUser, List<Due>>> RecipientsAsync(WorkTrackrDbContext db, Organisation organisation, List<Due> due, CancellationToken cancellationToken)
    {
        // Users are not tenant-filtered (sign-in needs them), so this scopes them to the organisation itself.
        var managerRole = await db.Roles.Where(r => r.Name == Roles.Manager).Select(r => r.Id).SingleAsync(cancellationToken);
        var members = await db.Users.AsNoTracking().Where(u => u.OrganisationId == organisation.Id && u.IsActive).ToListAsync(cancellationToken);
        var managerIds = await db.UserRoles.Where(r => r.RoleId == managerRole).Select(r => r.UserId).ToListAsync(cancellationToken);
        var managers = members.Where(m => managerIds.Contains(m.Id)).ToList();
        var byId = members.ToDictionary(m => m.Id);

        var recipients = new Dictionary<ApplicationUser, List<Due>>();
        foreach (var reminder in due)
        {
            IEnumerable<ApplicationUser> to = organisation.ReminderRecipients == ReminderRecipients.ContactOwner
                && reminder.OwnerUserId is { } owner && byId.TryGetValue(owner, out var person) ? [person] : managers;
            foreach (var user in to)
            {
                if (!recipients.TryGetValue(user, out var list)) recipients[user] = list = [];
                list.Add(reminder);
            }
        }
        return recipients;
    }

    private static IEnumerable<Notification> Notifications(ApplicationUser person, List<Due> reminders, DateTime now)
    {
        if (reminders.Count > NotificationsEach)
        {
            yield return new Notification
            {
                UserId = person.Id, CreatedAt = now, Link = "services",
                Title = $"{reminders.Count} services renew within {reminders.Max(r => r.DaysBefore)} days",
                Body = Clip($"The soonest: {string.Join("; ", reminders.OrderBy(r => r.RenewalDate).Take(3).Select(Line))}.", DataLimits.ReasonLength),
            };
            yield break;
        }
        foreach (var reminder in reminders.OrderBy(r => r.RenewalDate))
        {
            yield return new Notification
            {
                UserId = person.Id, CreatedAt = now, Link = $"contacts/{reminder.ContactId}",
                Title = Clip($"{reminder.Contact}: {reminder.Product} renews {When(reminder.DaysLeft)}", DataLimits.TitleLength),
                Body = Clip(Line(reminder), DataLimits.ReasonLength),
            };
        }
    }

    private static string When(int daysLeft) => daysLeft switch { 0 => "today", 1 => "tomorrow", _ => $"in {daysLeft} days" };

    private static string Line(Due reminder) =>
        $"{reminder.Quantity} × {reminder.Product} for {reminder.Contact} on {DateFormats.Format(reminder.RenewalDate)}";

    private static string Subject(List<Due> reminders) => reminders.Count == 1
        ? Clip($"{reminders[0].Contact}: {reminders[0].Product} renews {When(reminders[0].DaysLeft)}", DataLimits.TitleLength)
        : $"{reminders.Count} customer services renew soon";

    private Task<string> EmailBodyAsync(Organisation organisation, ApplicationUser person, List<Due> reminders) =>
        html.RenderAsync<RenewalReminderEmail>(new Dictionary<string, object?>
        {
            [nameof(RenewalReminderEmail.Recipient)] = person.DisplayName,
            [nameof(RenewalReminderEmail.Organisation)] = organisation.Name,
            [nameof(RenewalReminderEmail.Lines)] = reminders.OrderBy(r => r.RenewalDate).ThenBy(r => r.Contact).Take(EmailListLength)
                .Select(r => $"{Line(r)} ({When(r.DaysLeft)})").ToList(),
            [nameof(RenewalReminderEmail.More)] = Math.Max(reminders.Count - EmailListLength, 0),
        });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewal reminders for {Organisation} were given by another sweep")]
    private static partial void LogGivenElsewhere(ILogger logger, Exception exception, Guid organisation);
}
