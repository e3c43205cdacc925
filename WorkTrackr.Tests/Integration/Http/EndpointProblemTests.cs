using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;

namespace WorkTrackr.Tests.Integration.Http;

/// <summary>
/// The minimal-API endpoints (downloads and feeds), fetched over HTTP by signed-in users: a failure is a ProblemDetails
/// with the status its result calls for, not a 403 (or the not-found page) for everything.
/// </summary>
[Trait("Category", "Integration")]
public sealed class EndpointProblemTests(SqliteTenantApp app) : IClassFixture<SqliteTenantApp>
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Content.Headers.ContentDisposition);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    private static string[] Errors(JsonElement problem, string field) =>
        [.. problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!)];

    private async Task<ApplicationUser> PlatformAdminAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"platform-{Guid.NewGuid():N}@example.test";
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = "Platform" };
        Assert.True((await users.CreateAsync(user, TestOrganisations.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.PlatformAdmin)).Succeeded);
        return user;
    }

    [Theory]
    [InlineData("?month=2026-13")]
    [InlineData("?month=October")]
    [InlineData("?month=")]
    [InlineData("")]
    public async Task A_statement_for_something_that_is_not_a_month_is_a_400_problem_about_the_month(string query)
    {
        using var client = await app.Factory.SignedInClientAsync(await PlatformAdminAsync());

        var problem = await ProblemAsync(await client.GetAsync($"/resellers/statement.pdf{query}"), HttpStatusCode.BadRequest);

        Assert.Equal(["Give the month as yyyy-MM."], Errors(problem, "month"));
    }

    [Fact]
    public async Task A_statement_answers_as_its_service_does_a_month_to_come_is_invalid_and_an_unknown_reseller_not_found()
    {
        using var client = await app.Factory.SignedInClientAsync(await PlatformAdminAsync());
        var reseller = Guid.NewGuid();

        var future = await ProblemAsync(await client.GetAsync($"/resellers/statement.pdf?month={DateTime.UtcNow.AddYears(1):yyyy-MM}&reseller={reseller}"), HttpStatusCode.BadRequest);
        var unknown = await ProblemAsync(await client.GetAsync($"/resellers/statement.pdf?month=2026-01&reseller={reseller}"), HttpStatusCode.NotFound);

        Assert.Contains("not started", future.GetProperty("detail").GetString());
        Assert.Contains("not found", unknown.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_dashboard_export_checks_its_days_and_its_panel()
    {
        using var manager = await app.Factory.SignedInClientAsync(app.A.Users[Roles.Manager]);

        var badDay = await ProblemAsync(await manager.GetAsync("/dashboard/revenue.csv?from=2026-02-30&to=2026-03-31"), HttpStatusCode.BadRequest);
        var backwards = await ProblemAsync(await manager.GetAsync("/dashboard/revenue.csv?from=2026-03-01&to=2026-02-01"), HttpStatusCode.BadRequest);
        await ProblemAsync(await manager.GetAsync("/dashboard/no-such-panel.csv?from=2026-03-01&to=2026-03-31"), HttpStatusCode.NotFound);
        var good = await manager.GetAsync("/dashboard/revenue.csv?from=2026-03-01&to=2026-03-31");

        Assert.Equal(["Give the day as yyyy-MM-dd."], Errors(badDay, "From"));
        Assert.Equal(["The last day must not be before the first."], Errors(backwards, "To"));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal("text/csv", good.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_invoice_pdf_that_does_not_exist_or_is_another_organisations_is_a_404_problem()
    {
        using var manager = await app.Factory.SignedInClientAsync(app.A.Users[Roles.Manager]);

        var missing = await ProblemAsync(await manager.GetAsync($"/invoices/{Guid.NewGuid()}/pdf"), HttpStatusCode.NotFound);
        var theirs = await ProblemAsync(await manager.GetAsync($"/invoices/{app.B.RowIds[typeof(Invoice)]}/pdf"), HttpStatusCode.NotFound);

        // The same answer either way: another organisation's invoice is not there, not merely refused.
        Assert.Equal(missing.GetProperty("detail").GetString(), theirs.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_role_without_the_capability_gets_a_403_problem_and_a_signed_out_visitor_is_sent_to_sign_in()
    {
        using var technician = await app.Factory.SignedInClientAsync(app.A.Users[Roles.Technician]);
        using var dispatcher = await app.Factory.SignedInClientAsync(app.A.Users[Roles.Dispatcher]);
        using var visitor = app.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var invoice = $"/invoices/{app.A.RowIds[typeof(Invoice)]}/pdf";

        await ProblemAsync(await technician.GetAsync(invoice), HttpStatusCode.Forbidden);
        await ProblemAsync(await technician.GetAsync("/products/export.csv"), HttpStatusCode.Forbidden);
        await ProblemAsync(await dispatcher.GetAsync("/dashboard/revenue.csv?from=2026-03-01&to=2026-03-31"), HttpStatusCode.Forbidden);
        var signedOut = await visitor.GetAsync(invoice);

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.StartsWith("/Account/Login", signedOut.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task A_csv_export_still_downloads_and_an_unknown_calendar_feed_is_a_404_problem()
    {
        using var dispatcher = await app.Factory.SignedInClientAsync(app.A.Users[Roles.Dispatcher]);
        using var visitor = app.Factory.CreateClient();

        var tickets = await dispatcher.GetAsync("/tickets/export.csv?view=All");
        await ProblemAsync(await visitor.GetAsync("/feeds/crm/made-up-token.ics"), HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.OK, tickets.StatusCode);
        Assert.Equal("text/csv", tickets.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("tickets-", tickets.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.StartsWith("Number,Title,Contact,Status", await tickets.Content.ReadAsStringAsync());
    }
}
