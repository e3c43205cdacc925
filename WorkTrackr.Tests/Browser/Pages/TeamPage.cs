using Microsoft.Playwright;

namespace WorkTrackr.Tests.Browser.Pages;

/// <summary>The team page (admin/team): members, invitations and the team's sign-in history.</summary>
public sealed class TeamPage(IPage page)
{
    public ILocator Members => page.GetByTestId("members");
    public ILocator Invitations => page.GetByTestId("invitations");
    public ILocator SeatCount => page.GetByTestId("seat-count");

    public ILocator Member(string email) => page.GetByTestId("member").Filter(new() { HasText = email });
    public ILocator Invitation(string email) => page.GetByTestId("invitation").Filter(new() { HasText = email });

    public async Task InviteAsync(string email, string role)
    {
        await page.GetByTestId("invite-person").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Invite a person" });
        await dialog.GetByLabel("Email").FillAsync(email);
        await ComponentLibrary.ChooseInMudSelectAsync(dialog.GetByTestId("invite-role"), role);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
    }

    public async Task OpenTabAsync(string name) => await page.GetByRole(AriaRole.Tab, new() { Name = name }).ClickAsync();

    /// <summary>Clicks the member's Deactivate and confirms in the message box.</summary>
    public async Task DeactivateAsync(string email)
    {
        await Member(email).GetByTestId("deactivate").ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(confirm).ToContainTextAsync("signed out within a minute");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Deactivate", Exact = true }).ClickAsync();
    }
}

/// <summary>The page an invitation's link opens (Account/AcceptInvitation).</summary>
public sealed class AcceptInvitationPage(IPage page)
{
    public ILocator Refusal => page.GetByTestId("invitation-refused");

    public async Task JoinAsync(string name, string password)
    {
        await page.GetByLabel("Your name").FillAsync(name);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Confirm password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Join ") }).ClickAsync();
    }
}
