using System.Net;
using System.Text;
using WorkTrackr.Web.Features.Administration;
using WorkTrackr.Web.Features.Invoicing;

namespace WorkTrackr.Tests.Integration.Administration;

/// <summary>The organisation's own details, and the invoices that carry them. A fixture of its own: these tests change organisation A.</summary>
[Trait("Category", "Integration")]
public sealed class OrganisationSettingsTests(SqliteTenantApp app) : IClassFixture<SqliteTenantApp>
{
    private ApplicationUser Admin => app.A.Users[Roles.Admin];

    // A gradient by reference (url(#…)) is part of the file itself, and allowed.
    private const string Svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 120 40\"><defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"#1f4e79\"/></linearGradient></defs>"
        + "<rect width=\"120\" height=\"40\" fill=\"url(#g)\"/><text x=\"8\" y=\"27\" fill=\"#fff\">ACME</text></svg>";

    [Fact]
    public async Task Saved_details_head_the_invoice_PDF_with_the_logo_and_are_audited()
    {
        var details = (await app.Factory.RunAsAsync(Admin, (OrganisationSettings s) => s.GetAsync())).Value!.Input;
        details.LegalName = "Alpha Repairs Limited";
        details.Address = "4 Mill Lane\nBristol BS1 5AA";
        details.TaxNumber = "GB 123 4567 89";
        details.InvoiceEmail = "accounts@alpha.example";
        details.InvoicePhone = "0117 496 0000";
        Assert.True((await app.Factory.RunAsAsync(Admin, (OrganisationSettings s) => s.SaveAsync(details))).Succeeded);
        Assert.True((await app.Factory.RunAsAsync(Admin, (OrganisationSettings s) => s.SaveLogoAsync("acme.svg", Encoding.UTF8.GetBytes(Svg)))).Succeeded);

        var pdf = await IssuedPdfAsync();

        var text = await PdfTools.RunAsync("pdftotext", pdf, "-layout");
        Assert.Contains("Alpha Repairs Limited", text, StringComparison.Ordinal);
        Assert.Contains("4 Mill Lane", text, StringComparison.Ordinal);
        Assert.Contains("Bristol BS1 5AA", text, StringComparison.Ordinal);
        Assert.Contains("Tax number GB 123 4567 89", text, StringComparison.Ordinal);
        Assert.Contains("accounts@alpha.example · 0117 496 0000", text, StringComparison.Ordinal);
        // The SVG logo is drawn: its text is in the PDF, as vector text.
        Assert.Contains("ACME", text, StringComparison.Ordinal);
        await using var db = app.Factory.CreateDbContext(app.A.Id);
        var audited = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(Organisation) && e.EntityId == app.A.Id.ToString()).ToListAsync();
        Assert.Contains(audited, e => e.NewValues!.Contains("\"TaxNumber\":\"GB 123 4567 89\"", StringComparison.Ordinal));
        var logo = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(OrganisationLogo)).OrderBy(e => e.At).LastAsync();
        Assert.Contains($"\"Content\":\"{Svg.Length:N0} bytes\"", logo.NewValues, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_currency_is_fixed_once_there_are_invoices_and_bad_values_are_refused_beside_their_fields()
    {
        var view = (await app.Factory.RunAsAsync(Admin, (OrganisationSettings s) => s.GetAsync())).Value!;
        Assert.True(view.CurrencyLocked);
        var input = view.Input;
        input.Currency = "EUR";
        input.TimeZoneId = "Mars/Olympus";
        input.InvoiceEmail = "not an address";
        input.Name = " ";

        var refused = await app.Factory.RunAsAsync(Admin, (OrganisationSettings s) => s.SaveAsync(input));

        Assert.Equal(ResultStatus.Invalid, refused.Status);
        Assert.Equal(
            [nameof(OrganisationSettingsInput.Currency), nameof(OrganisationSettingsInput.InvoiceEmail), nameof(OrganisationSettingsInput.Name), nameof(OrganisationSettingsInput.TimeZoneId)],
            refused.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("stays GBP", refused.Errors[nameof(OrganisationSettingsInput.Currency)].Single(), StringComparison.Ordinal);
        await using var db = app.Factory.CreateDbContext(null);
        Assert.Equal("GBP", await db.Organisations.Where(o => o.Id == app.A.Id).Select(o => o.Currency).SingleAsync());
    }

    [Fact]
    public async Task The_Platform_admin_cannot_change_the_currency_of_an_organisation_with_invoices_either()
    {
        var platform = await app.Factory.PlatformAdminAsync();
        var organisation = await app.Factory.RunAsAsync(platform, (Web.Features.Platform.PlatformOrganisations p) => p.GetAsync(app.A.Id));
        var input = new Web.Features.Platform.OrganisationInput { Name = "Alpha Repairs", Currency = "EUR", TimeZoneId = "Europe/London", Plan = organisation.Value!.Plan };

        var refused = await app.Factory.RunAsAsync(platform, (Web.Features.Platform.PlatformOrganisations p) => p.UpdateAsync(app.A.Id, input));

        Assert.Equal((ResultStatus.Invalid, nameof(Web.Features.Platform.OrganisationInput.Currency)), (refused.Status, refused.Errors.Keys.Single()));
    }

    [Fact]
    public async Task An_organisation_without_invoices_may_change_its_currency_and_time_zone()
    {
        var organisation = await TestOrganisations.CreateAsync(app.Factory, "Fresh Start");
        await using (var db = app.Factory.CreateDbContext(organisation.Id))
            await db.Invoices.ExecuteDeleteAsync();
        var admin = organisation.Users[Roles.Admin];
        var view = (await app.Factory.RunAsAsync(admin, (OrganisationSettings s) => s.GetAsync())).Value!;
        Assert.False(view.CurrencyLocked);
        view.Input.Currency = "EUR";
        view.Input.TimeZoneId = "Europe/Dublin";

        var saved = await app.Factory.RunAsAsync(admin, (OrganisationSettings s) => s.SaveAsync(view.Input));

        Assert.True(saved.Succeeded, saved.Message);
        await using var check = app.Factory.CreateDbContext(null);
        Assert.Equal(("EUR", "Europe/Dublin"), await check.Organisations.Where(o => o.Id == organisation.Id).Select(o => ValueTuple.Create(o.Currency, o.TimeZoneId)).SingleAsync());
    }

    [Theory]
    [InlineData("scripted.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")]
    [InlineData("handler.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"></svg>")]
    [InlineData("linked.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><image xlink:href=\"https://tracker.example/p.png\"/></svg>")]
    [InlineData("animated.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><a><set attributeName=\"href\" to=\"javascript:alert(1)\"/></a></svg>")]
    [InlineData("nested.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"data:image/svg+xml;base64,PHN2Zz48c2NyaXB0Lz48L3N2Zz4=\"/></svg>")]
    [InlineData("styled.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><style>@import url(https://tracker.example/a.css);</style></svg>")]
    [InlineData("sheet.svg", "<?xml version=\"1.0\"?><?xml-stylesheet href=\"https://tracker.example/a.css\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>")]
    [InlineData("page.html", "<html><body>not an image</body></html>")]
    [InlineData("photo.jpg", "\u00ff\u00d8\u00ff\u00e0 JFIF")]
    public async Task A_logo_that_is_not_a_plain_PNG_or_SVG_is_refused_and_the_old_one_stays(string name, string content)
    {
        Assert.True((await app.Factory.RunAsAsync(Admin, (OrganisationSettings s) => s.SaveLogoAsync("kept.png", TestOrganisations.OnePixelPng))).Succeeded);

        var refused = await app.Factory.RunAsAsync(Admin, (OrganisationSettings s) => s.SaveLogoAsync(name, Encoding.Latin1.GetBytes(content)));

        Assert.Equal((ResultStatus.Invalid, "Logo"), (refused.Status, refused.Errors.Keys.Single()));
        Assert.Equal("kept.png", (await app.Factory.RunAsAsync(Admin, (OrganisationSettings s) => s.GetAsync())).Value!.Logo!.Name);
    }

    [Fact]
    public async Task A_logo_over_the_size_limit_is_refused_and_removing_the_logo_leaves_the_name_on_invoices()
    {
        var organisation = await TestOrganisations.CreateAsync(app.Factory, "Big Logo Co");
        var admin = organisation.Users[Roles.Admin];
        var huge = new byte[OrganisationLogo.MaxBytes + 1];
        TestOrganisations.OnePixelPng.CopyTo(huge, 0);

        var refused = await app.Factory.RunAsAsync(admin, (OrganisationSettings s) => s.SaveLogoAsync("huge.png", huge));
        Assert.Contains("at most 256 KB", refused.Message, StringComparison.Ordinal);

        Assert.True((await app.Factory.RunAsAsync(admin, (OrganisationSettings s) => s.RemoveLogoAsync())).Succeeded);
        Assert.Null((await app.Factory.RunAsAsync(admin, (OrganisationSettings s) => s.GetAsync())).Value!.Logo);
        var invoice = (await app.Factory.RunAsAsync(organisation.Users[Roles.Manager], (InvoiceApi s) => s.Queries.GetAsync(organisation.RowIds[typeof(Invoice)]))).Value!;
        Assert.Null(invoice.Sender.LogoUri);
    }

    [Fact]
    public async Task The_invoice_page_reads_the_logo_from_an_address_that_changes_with_it_and_that_cannot_run_as_a_page()
    {
        var organisation = await TestOrganisations.CreateAsync(app.Factory, "Logo Address Co");
        var manager = organisation.Users[Roles.Manager];
        var invoiceId = organisation.RowIds[typeof(Invoice)];
        var before = (await app.Factory.RunAsAsync(manager, (InvoiceApi s) => s.Queries.GetAsync(invoiceId))).Value!.Sender.LogoUri!;
        Assert.True((await app.Factory.RunAsAsync(organisation.Users[Roles.Admin], (OrganisationSettings s) => s.SaveLogoAsync("new.svg", Encoding.UTF8.GetBytes(Svg)))).Succeeded);
        var after = (await app.Factory.RunAsAsync(manager, (InvoiceApi s) => s.Queries.GetAsync(invoiceId))).Value!.Sender.LogoUri!;

        Assert.StartsWith(InvoiceDocuments.LogoPath, after, StringComparison.Ordinal);
        Assert.NotEqual(before, after);
        using var client = await app.Factory.SignedInClientAsync(manager);
        using var response = await client.GetAsync("/" + after);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(Svg, await response.Content.ReadAsStringAsync());
        using var dispatcher = await app.Factory.SignedInClientAsync(organisation.Users[Roles.Dispatcher]);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.GetAsync("/" + after)).StatusCode);
    }

    /// <summary>Issues a new invoice in organisation A and returns its PDF, as the PDF job makes it.</summary>
    private async Task<byte[]> IssuedPdfAsync()
    {
        var manager = app.A.Users[Roles.Manager];
        var input = new InvoiceInput
        {
            ContactId = app.A.RowIds[typeof(Contact)],
            PaymentTermsDays = 30,
            Lines = [new InvoiceLineInput { Description = "Boiler service", Quantity = 1, UnitPrice = 90, TaxPercent = 20 }],
        };
        var draft = await app.Factory.RunAsAsync(manager, (InvoiceApi s) => s.Drafts.CreateDraftAsync(input));
        var opened = (await app.Factory.RunAsAsync(manager, (InvoiceApi s) => s.Queries.GetAsync(draft.Value))).Value!;
        Assert.True((await app.Factory.RunAsAsync(manager, (InvoiceApi s) => s.Issuing.IssueAsync(opened.Id, opened.Version))).Succeeded);
        await using (var scope = app.Factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<InvoicePdfWorker>().SweepAsync();
        return (await app.Factory.RunAsAsync(manager, (InvoiceApi s) => s.Documents.DownloadAsync(opened.Id))).Value.Content;
    }
}
