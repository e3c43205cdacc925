using WorkTrackr.Tests.Browser.Pages;
using static Microsoft.Playwright.Assertions;

namespace WorkTrackr.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class TeamTests(BrowserApp app)
{
    [Fact]
    public async Task An_Admin_invites_a_technician_who_joins_from_the_email_sees_only_their_tickets_and_is_signed_out_when_deactivated()
    {
        var email = $"joiner-{Guid.NewGuid():N}"[..20] + "@northwind.test";
        const string password = "Joined!2026";
        var admin = await app.OpenAsAsync("admin@northwind.test", "admin/team");
        var team = new TeamPage(admin);
        var seats = int.Parse((await team.SeatCount.InnerTextAsync()).Split(' ')[0], CultureInfo.InvariantCulture);

        await team.InviteAsync(email, "Technician");

        await Expect(new AppShell(admin).Notification).ToContainTextAsync($"Invitation sent to {email}");
        await Expect(team.Invitation(email)).ToContainTextAsync("Waiting");
        var link = await MailPickup.InvitationLinkSentToAsync(app, email);
        Assert.StartsWith(new Uri(app.BaseAddress, "Account/AcceptInvitation").ToString(), link, StringComparison.Ordinal);

        var joiner = await app.NewPageAsync();
        await joiner.GotoAsync(link);
        await Expect(joiner.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Join Northwind Facilities");
        await new AcceptInvitationPage(joiner).JoinAsync("Jo Joiner", password);
        var shell = new AppShell(joiner);
        await shell.WaitUntilInteractiveAsync();
        await Expect(shell.UserName).ToHaveTextAsync("Jo Joiner");
        await Expect(shell.NavigationLinks).ToHaveTextAsync(["Dashboard", "Tickets", "Calendar"]);
        // None of the demo's hundreds of tickets is theirs: the list is empty, not the organisation's.
        await joiner.GotoAsync(app, "tickets");
        await shell.WaitUntilInteractiveAsync();
        await Expect(joiner.GetByTestId("tickets-empty")).ToBeVisibleAsync();

        await admin.ReloadAsync();
        await new AppShell(admin).WaitUntilInteractiveAsync();
        await Expect(team.Member(email)).ToContainTextAsync("Active");
        await Expect(team.SeatCount).ToHaveTextAsync($"{seats + 1} seats");
        await team.OpenTabAsync("Invitations (0)");
        await Expect(team.Invitation(email)).ToHaveCountAsync(0);
        await team.OpenTabAsync($"Members ({seats + 1})");

        await team.DeactivateAsync(email);

        await Expect(team.Member(email).GetByTestId("member-status")).ToHaveTextAsync("Deactivated");
        await Expect(team.SeatCount).ToHaveTextAsync($"{seats} seats");
        // Their open page is signed out at its next check (every minute in production, every few seconds here).
        await Expect(joiner).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"), new() { Timeout = 20_000 });
        var again = await app.NewPageAsync();
        var login = new LoginPage(again, app.BaseAddress);
        await login.GotoAsync();
        await login.SubmitAsync(email, password);
        await Expect(login.Error).ToContainTextAsync("Your account has been deactivated");
        await again.GotoAsync(link);
        await Expect(new AcceptInvitationPage(again).Refusal).ToContainTextAsync("already been accepted");
    }
}
