using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using WorkTrackr.Tests.Browser.Pages;
using WorkTrackr.Web.Infrastructure.Database;

namespace WorkTrackr.Tests.Browser;

/// <summary>
/// Every page, as the role that uses it, checked by axe-core against WCAG 2.1 A and AA in light and in dark mode:
/// text contrast (badges and chips included), a name for every control, nothing focusable inside hidden content, no
/// interactive element inside another, links told apart from text by more than colour. axe finds what a machine can
/// find; the screenshots in docs/ are the look by eye. The same tour checks the Content-Security-Policy: no page breaks
/// it (Chromium reports each refused script, style or connection on the console).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed partial class AccessibilityTests(BrowserApp app)
{
    private const string Admin = "admin@northwind.test";

    /// <summary>Who opens the page (null: signed out), and where; "list > prefix" is the first record the list links to.</summary>
    private static readonly (string? Email, string Path)[] Pages =
    [
        (Admin, ""), (Admin, "tickets"), (Admin, "tickets > tickets/"), (Admin, "tickets/new"), (Admin, "calendar"), (Admin, "crm"),
        (Admin, "contacts"), (Admin, "contacts > contacts/"), (Admin, "contacts/new"), (Admin, "products"), (Admin, "products > products/"),
        (Admin, "services"), (Admin, "services/new"), (Admin, "invoices"), (Admin, "invoices > invoices/"), (Admin, "admin"),
        (Admin, "admin/billing"), (Admin, "admin/jobs"), (Admin, "admin/sla"), (Admin, "admin/templates"), (Admin, "admin/templates/new"),
        (Admin, "admin/working-hours"), (Admin, "admin/audit"), (Admin, "admin/team"), (Admin, "admin/organisation"), (Admin, "import/contacts"), (Admin, "Account/Manage"), (Admin, "Account/Manage/ChangePassword"),
        (Admin, "not-found"),
        ("dispatcher@northwind.test", ""),
        ("platform@worktrackr.test", "platform"), ("platform@worktrackr.test", "platform/organisations"),
        ("platform@worktrackr.test", "platform/plans"), ("platform@worktrackr.test", "platform/resellers"), ("platform@worktrackr.test", "platform/audit"),
        ("reseller@brightpartners.test", "resellers"),
        (null, "Account/Login"), (null, "Account/Register"), (null, "Account/ForgotPassword"), (null, "Account/AcceptInvitation"), (null, "Account/RegisterConfirmation"), (null, "Account/ResendConfirmation"), (null, "Account/ConfirmEmail"),
    ];

    private static readonly List<string> WcagAa = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    [Theory]
    [InlineData("Light")]
    [InlineData("Dark")]
    public async Task Every_page_meets_WCAG_2_1_AA_and_its_content_security_policy(string theme)
    {
        var failures = new List<string>();
        var violations = new List<string>();
        var checkedPages = 0;
        foreach (var group in Pages.GroupBy(p => p.Email))
        {
            var page = await app.NewPageAsync();
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) violations.Add($"{page.Url}: {message.Text}");
            };
            await page.Context.AddCookiesAsync([new Cookie { Name = "worktrackr-theme", Value = theme, Url = app.BaseAddress.ToString() }]);
            if (group.Key is { } email) await new LoginPage(page, app.BaseAddress).SignInAsync(email, DemoDataSeeder.Password);
            foreach (var (_, path) in group)
            {
                var url = await ResolveAsync(page, path);
                await page.GotoAsync(new Uri(app.BaseAddress, url).ToString());
                // The Identity pages are static (no circuit); the rest are live once settled.
                if (!url.StartsWith("Account/", StringComparison.Ordinal)) await SettledAsync(page);
                Assert.Equal(theme == "Dark" ? "dark" : "light", await new AppShell(page).ThemeAsync());
                var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagAa } });
                failures.AddRange(result.Violations.Select(v =>
                    $"/{url} ({theme}): {v.Id} ({v.Help}) at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html.Length > 160 ? n.Html[..160] : n.Html))}"));
                checkedPages++;
            }
            await page.Context.CloseAsync();
        }

        Assert.Equal(Pages.Length, checkedPages);
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    /// <summary>A record's page: the first one its list links to, as a person clicks through.</summary>
    private async Task<string> ResolveAsync(IPage page, string path)
    {
        if (!path.Contains(" > ", StringComparison.Ordinal)) return path;
        var (list, prefix) = (path.Split(" > ")[0], path.Split(" > ")[1]);
        await page.GotoAsync(new Uri(app.BaseAddress, list).ToString());
        await SettledAsync(page);
        var links = await page.GetByRole(AriaRole.Link).EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href') ?? '')");
        return links.First(href => href.StartsWith(prefix, StringComparison.Ordinal) && RecordLink().IsMatch(href));
    }

    /// <summary>Live, nothing still loading (the dashboard's panels, the calendar), and the charts and calendar drawn.</summary>
    private static async Task SettledAsync(IPage page)
    {
        await new AppShell(page).WaitUntilInteractiveAsync();
        await page.WaitForFunctionAsync("() => !document.querySelector('[aria-busy=\"true\"], [aria-label^=\"Loading \"]')");
        await page.WaitForTimeoutAsync(300);
    }

    [GeneratedRegex(@"^[a-z]+/[0-9a-f]{8}-[0-9a-f-]{27}$")]
    private static partial Regex RecordLink();
}
