using System.Net;

namespace WorkTrackr.Tests.Integration.Pages;

/// <summary>
/// A record's page requested as a browser first does (the prerender), for a record that is not there or is another
/// organisation's: the answer is status 404 with the app's not-found page, not 200 with a "not found" text.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RecordNotFoundTests(SqliteTenantApp app) : IClassFixture<SqliteTenantApp>
{
    public static TheoryData<string, string> RecordPages => new()
    {
        { "tickets/{0}", nameof(Ticket) },
        { "tickets/{0}/edit", nameof(Ticket) },
        { "contacts/{0}", nameof(Contact) },
        { "contacts/{0}/edit", nameof(Contact) },
        { "invoices/{0}", nameof(Invoice) },
        { "services/{0}/edit", nameof(CustomerService) },
        { "products/{0}", nameof(Product) },
        { "admin/templates/{0}", nameof(TicketTemplate) },
    };

    private static readonly Type[] Owned = [typeof(Ticket), typeof(Contact), typeof(Invoice), typeof(CustomerService), typeof(Product), typeof(TicketTemplate)];

    private static string Address(string page, Guid id) => "/" + string.Format(System.Globalization.CultureInfo.InvariantCulture, page, id);

    [Theory]
    [MemberData(nameof(RecordPages))]
    public async Task A_records_page_answers_404_when_the_record_is_missing_or_another_organisations(string page, string type)
    {
        var owned = Owned.Single(t => t.Name == type);
        using var admin = await app.Factory.SignedInClientAsync(app.A.Users[Roles.Admin]);

        var own = await admin.GetAsync(Address(page, app.A.RowIds[owned]));
        var missing = await admin.GetAsync(Address(page, Guid.NewGuid()));
        var theirs = await admin.GetAsync(Address(page, app.B.RowIds[owned]));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        foreach (var response in new[] { missing, theirs })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("data-testid=\"not-found\"", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task The_not_found_page_offers_the_way_back_to_the_list_the_record_was_in()
    {
        using var dispatcher = await app.Factory.SignedInClientAsync(app.A.Users[Roles.Dispatcher]);

        var body = await (await dispatcher.GetAsync($"/tickets/{app.B.RowIds[typeof(Ticket)]}")).Content.ReadAsStringAsync();

        Assert.Contains("Page not found", body);
        Assert.Contains("may have been deleted", body);
        Assert.Contains("Back to Tickets", body);
        // Nothing of the other organisation's ticket is shown.
        Assert.DoesNotContain("Bravo Maintenance ticket", body);
    }

    [Fact]
    public async Task A_signed_out_visitor_is_sent_to_sign_in_rather_than_told_whether_the_record_exists()
    {
        using var visitor = app.Factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await visitor.GetAsync($"/tickets/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location?.PathAndQuery);
    }
}
