using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using WorkTrackr.Data.Auditing;
using WorkTrackr.Web.Features.Team;
using WorkTrackr.Web.Infrastructure.Identity;

namespace WorkTrackr.Tests.Integration.Team;

[Trait("Category", "Integration")]
public sealed partial class TeamAdministrationTests(SqliteTenantApp app) : IClassFixture<SqliteTenantApp>
{
    private const string NewPassword = "Joined!2026";

    [Fact]
    public async Task An_invited_person_joins_in_their_role_through_the_emailed_link_which_then_says_it_was_accepted()
    {
        var organisation = await TestOrganisations.CreateAsync(app.Factory, "Inviting Co");
        var admin = organisation.Users[Roles.Admin];
        var address = $"new-{Guid.NewGuid():N}@example.test";

        var sent = await app.Factory.RunAsAsync(admin, (TeamAdministration t) => t.InviteAsync(new InviteInput { Email = address, Role = Roles.Dispatcher }));

        Assert.True(sent.Succeeded, sent.Message);
        var token = await LinkTokenAsync(address);
        var waiting = (await app.Factory.RunAsAsync(admin, (TeamAdministration t) => t.InvitationsAsync())).Value!;
        Assert.Equal(InvitationStatus.Pending, waiting.Single(i => i.Email == address).Status);
        Assert.Equal(new InvitationView("Inviting Co", address, Roles.Dispatcher, InvitationStatus.Pending), await FindAsync(token));

        var joined = await AcceptAsync(token, "  Nia Newcomer ", NewPassword);

        Assert.True(joined.Succeeded, joined.Message);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var member = (await users.FindByEmailAsync(address))!;
        Assert.Equal(("Nia Newcomer", organisation.Id, true, true), (member.DisplayName, member.OrganisationId, member.EmailConfirmed, member.LockoutEnabled));
        Assert.Equal([Roles.Dispatcher], await users.GetRolesAsync(member));
        Assert.True(await users.CheckPasswordAsync(member, NewPassword));
        Assert.Equal(InvitationStatus.Accepted, (await FindAsync(token))!.Status);
        Assert.False((await AcceptAsync(token, "Someone Else", NewPassword)).Succeeded);
        var listed = (await app.Factory.RunAsAsync(admin, (TeamAdministration t) => t.MembersAsync())).Value!;
        Assert.Contains(listed, m => m.Id == member.Id && m.Role == Roles.Dispatcher && m.IsActive);
        Assert.DoesNotContain((await app.Factory.RunAsAsync(admin, (TeamAdministration t) => t.InvitationsAsync())).Value!, i => i.Email == address);
        // The audit log has the new member, with their role, saved by themselves.
        await using var db = app.Factory.CreateDbContext(organisation.Id);
        var created = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.EntityType == nameof(ApplicationUser) && e.EntityId == member.Id.ToString() && e.Action == AuditAction.Created);
        Assert.Equal(member.Id, created.UserId);
        Assert.Contains("\"Role\":\"Dispatcher\"", created.NewValues, StringComparison.Ordinal);
        Assert.DoesNotContain("PasswordHash", created.NewValues, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invitation_is_refused_beside_the_field_for_a_bad_address_a_known_address_or_one_already_invited()
    {
        var admin = app.A.Users[Roles.Admin];
        var address = $"twice-{Guid.NewGuid():N}@example.test";
        Assert.True((await app.Factory.RunAsAsync(admin, (TeamAdministration t) => t.InviteAsync(new InviteInput { Email = address, Role = Roles.Technician }))).Succeeded);

        var refusals = new[]
        {
            new InviteInput { Email = "not an address", Role = Roles.Technician },
            new InviteInput { Email = app.B.Users[Roles.Manager].Email!, Role = Roles.Technician },
            new InviteInput { Email = address.ToUpperInvariant(), Role = Roles.Manager },
            new InviteInput { Email = $"x-{Guid.NewGuid():N}@example.test", Role = Roles.PlatformAdmin },
            // A valid address that Identity would not take as a user name: the person could never change their password.
            new InviteInput { Email = "o'brien@example.test", Role = Roles.Technician },
        };
        var answers = new List<Result>();
        foreach (var input in refusals) answers.Add(await app.Factory.RunAsAsync(admin, (TeamAdministration t) => t.InviteAsync(input)));

        Assert.Equal([nameof(InviteInput.Email), nameof(InviteInput.Email), nameof(InviteInput.Email), nameof(InviteInput.Role), nameof(InviteInput.Email)],
            answers.Select(a => a.Errors.Keys.Single()));
        Assert.Contains("already signs in", answers[1].Message, StringComparison.Ordinal);
        Assert.Contains("waiting", answers[2].Message, StringComparison.Ordinal);
        await using var db = app.Factory.CreateDbContext(null);
        var upper = address.ToUpperInvariant();
        Assert.Equal(1, await db.EmailMessages.CountAsync(m => m.To == address || m.To == upper));
    }

    [Fact]
    public async Task Resending_replaces_the_link_and_revoking_or_a_week_passing_makes_the_link_say_so()
    {
        var admin = app.A.Users[Roles.Admin];
        var (resent, revoked, expired) = ($"resent-{Guid.NewGuid():N}@example.test", $"revoked-{Guid.NewGuid():N}@example.test", $"expired-{Guid.NewGuid():N}@example.test");
        foreach (var address in new[] { resent, revoked, expired })
            Assert.True((await app.Factory.RunAsAsync(admin, (TeamAdministration t) => t.InviteAsync(new InviteInput { Email = address, Role = Roles.Technician }))).Succeeded);
        var (firstLink, revokedLink, expiredLink) = (await LinkTokenAsync(resent), await LinkTokenAsync(revoked), await LinkTokenAsync(expired));
        var ids = (await app.Factory.RunAsAsync(admin, (TeamAdministration t) => t.InvitationsAsync())).Value!.ToDictionary(i => i.Email, i => i.Id);

        Assert.True((await app.Factory.RunAsAsync(admin, (TeamAdministration t) => t.ResendAsync(ids[resent]))).Succeeded);
        Assert.True((await app.Factory.RunAsAsync(admin, (TeamAdministration t) => t.RevokeAsync(ids[revoked]))).Succeeded);
        await using (var db = app.Factory.CreateDbContext(app.A.Id))
            await db.TeamInvitations.Where(i => i.Id == ids[expired]).ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)));

        var secondLink = await LinkTokenAsync(resent, latest: true);
        Assert.NotEqual(firstLink, secondLink);
        Assert.Null(await FindAsync(firstLink));
        Assert.Equal(InvitationStatus.Pending, (await FindAsync(secondLink))!.Status);
        Assert.Equal(InvitationStatus.Revoked, (await FindAsync(revokedLink))!.Status);
        Assert.Equal(InvitationStatus.Expired, (await FindAsync(expiredLink))!.Status);
        var refusedRevoked = await AcceptAsync(revokedLink, "Late Person", NewPassword);
        var refusedExpired = await AcceptAsync(expiredLink, "Late Person", NewPassword);
        Assert.Equal(TeamInvitations.Explain(InvitationStatus.Revoked), refusedRevoked.Message);
        Assert.Equal(TeamInvitations.Explain(InvitationStatus.Expired), refusedExpired.Message);
        Assert.Contains("expired", refusedExpired.Message, StringComparison.Ordinal);
        // A revoked invitation cannot be sent again; an expired one can, for another week.
        Assert.False((await app.Factory.RunAsAsync(admin, (TeamAdministration t) => t.ResendAsync(ids[revoked]))).Succeeded);
        Assert.True((await app.Factory.RunAsAsync(admin, (TeamAdministration t) => t.ResendAsync(ids[expired]))).Succeeded);
        Assert.Equal(InvitationStatus.Pending, (await FindAsync(await LinkTokenAsync(expired, latest: true)))!.Status);
    }

    [Fact]
    public async Task A_weak_password_is_refused_beside_the_field_and_the_invitation_still_works()
    {
        var admin = app.A.Users[Roles.Admin];
        var address = $"weak-{Guid.NewGuid():N}@example.test";
        await app.Factory.RunAsAsync(admin, (TeamAdministration t) => t.InviteAsync(new InviteInput { Email = address, Role = Roles.Technician }));
        var token = await LinkTokenAsync(address);

        var refused = await AcceptAsync(token, "Wendy Weak", "short");

        Assert.Equal(ResultStatus.Invalid, refused.Status);
        Assert.Equal([nameof(AcceptInput.Password)], refused.Errors.Keys);
        Assert.Equal(InvitationStatus.Pending, (await FindAsync(token))!.Status);
        await using var db = app.Factory.CreateDbContext(null);
        Assert.False(await db.Users.AnyAsync(u => u.Email == address));
    }

    [Fact]
    public async Task Deactivating_ends_the_persons_sessions_frees_their_seat_and_flags_their_work_for_reassignment()
    {
        var organisation = await TestOrganisations.CreateAsync(app.Factory, "Leaving Co");
        var (admin, technician) = (organisation.Users[Roles.Admin], organisation.Users[Roles.Technician]);
        var cookie = await app.Factory.SignedInPrincipalAsync(technician);
        Assert.NotNull(await ValidateAsync(cookie));
        var seatsBefore = (await app.Factory.RunAsAsync(admin, (TeamAdministration t) => t.SeatsAsync())).Value!.Seats;

        var done = await app.Factory.RunAsAsync(admin, (TeamAdministration t) => t.DeactivateAsync(technician.Id));

        Assert.True(done.Succeeded, done.Message);
        Assert.Null(await ValidateAsync(cookie));
        Assert.Equal(seatsBefore - 1, (await app.Factory.RunAsAsync(admin, (TeamAdministration t) => t.SeatsAsync())).Value!.Seats);
        var row = (await app.Factory.RunAsAsync(admin, (TeamAdministration t) => t.MembersAsync())).Value!.Single(m => m.Id == technician.Id);
        Assert.False(row.IsActive);
        Assert.Equal(1, row.OpenTickets);
        Assert.True(row.NeedsReassignment);
        await using (var db = app.Factory.CreateDbContext(organisation.Id))
        {
            // The ticket stays theirs until someone reassigns it.
            Assert.Equal(technician.Id, await db.Tickets.Where(t => t.Id == organisation.RowIds[typeof(Ticket)]).Select(t => t.AssignedUserId).SingleAsync());
            Assert.False(await db.UserSessions.AnyAsync(s => s.UserId == technician.Id && s.EndedAt == null));
        }
        // The ticket list flags it for reassignment.
        var listed = (await app.Factory.RunAsAsync(admin, (Web.Features.Tickets.TicketSearch t) => t.SearchAsync(new Web.Features.Tickets.TicketQuery()))).Value!.Items;
        Assert.True(listed.Single(t => t.Id == organisation.RowIds[typeof(Ticket)]).NeedsReassignment);

        Assert.True((await app.Factory.RunAsAsync(admin, (TeamAdministration t) => t.ReactivateAsync(technician.Id))).Succeeded);
        Assert.Equal(seatsBefore, (await app.Factory.RunAsAsync(admin, (TeamAdministration t) => t.SeatsAsync())).Value!.Seats);
        // Signing in again works (with the stamp the deactivation renewed).
        Assert.NotNull(await ValidateAsync(await app.Factory.SignedInPrincipalAsync(await app.Factory.FindUserAsync(technician.Email!))));
    }

    [Fact]
    public async Task A_deactivated_owners_contacts_stay_theirs_and_say_someone_else_should_look_after_them()
    {
        var organisation = await TestOrganisations.CreateAsync(app.Factory, "Owner Leaves Co");
        var (admin, dispatcher) = (organisation.Users[Roles.Admin], organisation.Users[Roles.Dispatcher]);
        var contactId = organisation.RowIds[typeof(Contact)];
        await using (var db = app.Factory.CreateDbContext(organisation.Id))
            await db.Contacts.Where(c => c.Id == contactId).ExecuteUpdateAsync(s => s.SetProperty(c => c.OwnerUserId, dispatcher.Id));
        Assert.False((await app.Factory.RunAsAsync(admin, (Web.Features.Contacts.ContactService c) => c.GetAsync(contactId))).Value!.OwnerNeedsReplacing);

        Assert.True((await app.Factory.RunAsAsync(admin, (TeamAdministration t) => t.DeactivateAsync(dispatcher.Id))).Succeeded);

        var contact = (await app.Factory.RunAsAsync(admin, (Web.Features.Contacts.ContactService c) => c.GetAsync(contactId))).Value!;
        Assert.Equal((dispatcher.DisplayName, true), (contact.OwnerName, contact.OwnerNeedsReplacing));
        // Saving the contact asks for someone else, beside the owner.
        var kept = await app.Factory.RunAsAsync(admin, (Web.Features.Contacts.ContactService c) => c.UpdateAsync(contactId, contact.Contact, contact.Version));
        Assert.Contains("has been deactivated", kept.Errors[nameof(Web.Features.Contacts.ContactInput.OwnerUserId)].Single(), StringComparison.Ordinal);
        var row = (await app.Factory.RunAsAsync(admin, (TeamAdministration t) => t.MembersAsync())).Value!.Single(m => m.Id == dispatcher.Id);
        Assert.Equal((1, true), (row.OwnedContacts, row.NeedsReassignment));
    }

    [Fact]
    public async Task A_new_role_is_audited_as_the_persons_role_and_signs_them_out()
    {
        var organisation = await TestOrganisations.CreateAsync(app.Factory, "Promoting Co");
        var (admin, technician) = (organisation.Users[Roles.Admin], organisation.Users[Roles.Technician]);
        var cookie = await app.Factory.SignedInPrincipalAsync(technician);

        var done = await app.Factory.RunAsAsync(admin, (TeamAdministration t) => t.ChangeRoleAsync(technician.Id, Roles.Dispatcher));

        Assert.True(done.Succeeded, done.Message);
        Assert.Null(await ValidateAsync(cookie));
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.Equal([Roles.Dispatcher], await users.GetRolesAsync((await users.FindByIdAsync(technician.Id.ToString()))!));
        await using var db = app.Factory.CreateDbContext(organisation.Id);
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.EntityType == nameof(ApplicationUser) && e.EntityId == technician.Id.ToString() && e.UserId == admin.Id);
        Assert.Equal((AuditAction.Updated, "{\"Role\":\"Technician\"}", "{\"Role\":\"Dispatcher\"}"), (entry.Action, entry.OldValues, entry.NewValues));
    }

    [Fact]
    public async Task The_last_active_Admin_is_never_demoted_or_deactivated_and_nobody_changes_themselves()
    {
        var organisation = await TestOrganisations.CreateAsync(app.Factory, "Last Admin Co");
        var (admin, manager) = (organisation.Users[Roles.Admin], organisation.Users[Roles.Manager]);
        Assert.True((await app.Factory.RunAsAsync(admin, (TeamAdministration t) => t.ChangeRoleAsync(manager.Id, Roles.Admin))).Succeeded);
        Assert.True((await app.Factory.RunAsAsync(manager, (TeamAdministration t) => t.DeactivateAsync(admin.Id))).Succeeded);

        // The first Admin's session still says Admin until it is revalidated; the rule does not trust it.
        var demoted = await app.Factory.RunAsAsync(admin, (TeamAdministration t) => t.ChangeRoleAsync(manager.Id, Roles.Technician));
        var deactivated = await app.Factory.RunAsAsync(admin, (TeamAdministration t) => t.DeactivateAsync(manager.Id));
        var ownRole = await app.Factory.RunAsAsync(manager, (TeamAdministration t) => t.ChangeRoleAsync(manager.Id, Roles.Technician));
        var ownAccount = await app.Factory.RunAsAsync(manager, (TeamAdministration t) => t.DeactivateAsync(manager.Id));

        Assert.Contains("last active Admin", demoted.Message, StringComparison.Ordinal);
        Assert.Contains("last active Admin", deactivated.Message, StringComparison.Ordinal);
        Assert.Contains("your own role", ownRole.Message, StringComparison.Ordinal);
        Assert.Contains("yourself", ownAccount.Message, StringComparison.Ordinal);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var still = (await users.FindByIdAsync(manager.Id.ToString()))!;
        Assert.True(still.IsActive);
        Assert.Equal([Roles.Admin], await users.GetRolesAsync(still));
    }

    [Fact]
    public async Task Another_organisations_people_cannot_be_changed_and_only_Admins_manage_the_team()
    {
        var admin = app.A.Users[Roles.Admin];
        var stranger = app.B.Users[Roles.Technician];

        var answers = new[]
        {
            await app.Factory.RunAsAsync(admin, (TeamAdministration t) => t.ChangeRoleAsync(stranger.Id, Roles.Dispatcher)),
            await app.Factory.RunAsAsync(admin, (TeamAdministration t) => t.DeactivateAsync(stranger.Id)),
            await app.Factory.RunAsAsync(admin, (TeamAdministration t) => t.ReactivateAsync(stranger.Id)),
        };
        var manager = await app.Factory.RunAsAsync(app.A.Users[Roles.Manager], (TeamAdministration t) => t.InviteAsync(new InviteInput { Email = "x@example.test", Role = Roles.Admin }));
        var members = (await app.Factory.RunAsAsync(admin, (TeamAdministration t) => t.MembersAsync())).Value!;

        Assert.All(answers, a => Assert.Equal(ResultStatus.NotFound, a.Status));
        Assert.Equal(ResultStatus.Forbidden, manager.Status);
        Assert.DoesNotContain(members, m => app.B.Users.Values.Any(u => u.Id == m.Id));
        await using var db = app.Factory.CreateDbContext(null);
        Assert.True(await db.Users.Where(u => u.Id == stranger.Id).Select(u => u.IsActive).SingleAsync());
    }

    [Fact]
    public async Task Sign_ins_failures_and_lockouts_are_recorded_with_the_address_and_browser_and_each_sign_in_is_a_session()
    {
        var organisation = await TestOrganisations.CreateAsync(app.Factory, "Signing Co");
        var dispatcher = organisation.Users[Roles.Dispatcher];

        Assert.False((await SignInAsync(dispatcher.Email!, "wrong password")).Succeeded);
        Assert.True((await SignInAsync(dispatcher.Email!, TestOrganisations.Password)).Succeeded);
        Assert.False((await SignInAsync("nobody@example.test", "wrong password")).Succeeded);

        await using var db = app.Factory.CreateDbContext(null);
        var lines = await db.SignInEvents.AsNoTracking().Where(e => e.UserId == dispatcher.Id).OrderBy(e => e.At).ToListAsync();
        Assert.Equal([SignInEventKind.Failed, SignInEventKind.SignedIn], lines.Select(e => e.Kind));
        Assert.All(lines, e => Assert.Equal(("198.51.100.7", "Firefox on Linux", organisation.Id), (e.IpAddress!, AccountSecurity.DescribeBrowser(e.UserAgent), e.OrganisationId!.Value)));
        Assert.True(await db.SignInEvents.AnyAsync(e => e.UserId == null && e.Email == "nobody@example.test" && e.Kind == SignInEventKind.Failed));
        var session = await db.UserSessions.AsNoTracking().SingleAsync(s => s.UserId == dispatcher.Id);
        Assert.Equal("198.51.100.7", session.IpAddress);
        Assert.Null(session.EndedAt);
        var history = (await app.Factory.RunAsAsync(organisation.Users[Roles.Admin], (TeamAdministration t) => t.SignInHistoryAsync())).Value!;
        Assert.Equal([SignInEventKind.SignedIn, SignInEventKind.Failed], history.Where(h => h.Person == dispatcher.DisplayName).Select(h => h.Kind));
        var elsewhere = (await app.Factory.RunAsAsync(app.A.Users[Roles.Admin], (TeamAdministration t) => t.SignInHistoryAsync())).Value!;
        Assert.DoesNotContain(elsewhere, h => h.Person == dispatcher.DisplayName);
    }

    [Fact]
    public async Task A_password_change_ends_the_other_sessions_and_the_calendar_feed_and_a_person_can_end_another_session()
    {
        var organisation = await TestOrganisations.CreateAsync(app.Factory, "Careful Co");
        var manager = organisation.Users[Roles.Manager];
        var (laptop, phone, tablet) = (await app.Factory.SignedInPrincipalAsync(manager), await app.Factory.SignedInPrincipalAsync(manager), await app.Factory.SignedInPrincipalAsync(manager));
        await using (var db = app.Factory.CreateDbContext(null))
            await db.Users.Where(u => u.Id == manager.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.CalendarFeedTokenHash, "feed-hash"));
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var security = scope.ServiceProvider.GetRequiredService<AccountSecurity>();

        Assert.False(await security.EndSessionAsync(laptop, AccountSecurity.SessionOf(laptop)!.Value, http: null));
        Assert.True(await security.EndSessionAsync(laptop, AccountSecurity.SessionOf(tablet)!.Value, http: null));
        Assert.False(await security.EndSessionAsync(await app.Factory.SignedInPrincipalAsync(organisation.Users[Roles.Admin]), AccountSecurity.SessionOf(phone)!.Value, http: null));
        Assert.Null(await ValidateAsync(tablet));
        Assert.Equal(2, (await security.OpenSessionsAsync(laptop)).Count);

        await security.PasswordChangedAsync(manager, keep: AccountSecurity.SessionOf(laptop), http: null);

        var open = await security.OpenSessionsAsync(laptop);
        Assert.Equal([AccountSecurity.SessionOf(laptop)!.Value], open.Select(s => s.Id));
        Assert.True(open.Single().IsCurrent);
        Assert.Null(await ValidateAsync(phone));
        await using var check = app.Factory.CreateDbContext(null);
        Assert.Null(await check.Users.Where(u => u.Id == manager.Id).Select(u => u.CalendarFeedTokenHash).SingleAsync());
        Assert.Equal([SignInEventKind.PasswordChanged, SignInEventKind.SessionEnded], (await security.HistoryAsync(laptop)).Take(2).Select(h => h.Kind));
    }

    private async Task<ApplicationUser?> ValidateAsync(System.Security.Claims.ClaimsPrincipal cookie)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>().ValidateSecurityStampAsync(cookie);
    }

    private Task<Microsoft.AspNetCore.Identity.SignInResult> SignInAsync(string email, string password) =>
        app.Factory.PasswordSignInAsync(email, password, "198.51.100.7", "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0");

    private async Task<InvitationView?> FindAsync(string token)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TeamInvitations>().FindAsync(token);
    }

    private async Task<Result<ApplicationUser>> AcceptAsync(string token, string name, string password)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TeamInvitations>().AcceptAsync(token, name, password);
    }

    /// <summary>The secret in the invitation email's link, which must be to the app's public address.</summary>
    private async Task<string> LinkTokenAsync(string address, bool latest = false)
    {
        await using var db = app.Factory.CreateDbContext(null);
        var messages = db.EmailMessages.AsNoTracking().Where(m => m.To == address).OrderBy(m => m.NextAttemptAt);
        var body = latest ? (await messages.ToListAsync()).Last().HtmlBody : (await messages.FirstAsync()).HtmlBody;
        var link = AcceptLink().Match(body);
        Assert.True(link.Success, body);
        var publicBase = app.Factory.Services.GetRequiredService<Web.Infrastructure.PublicAddress>().BaseUri;
        Assert.StartsWith(new Uri(publicBase, TeamAdministration.AcceptPath).AbsoluteUri, link.Groups["url"].Value, StringComparison.Ordinal);
        return Uri.UnescapeDataString(link.Groups["token"].Value);
    }

    [GeneratedRegex("href=\"(?<url>[^\"]+AcceptInvitation\\?token=(?<token>[^\"&]+))\"")]
    private static partial Regex AcceptLink();
}
