using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WorkTrackr.Web.Features.Invoicing;
using WorkTrackr.Web.Infrastructure.Jobs;
using WorkTrackr.Web.Infrastructure.Pdf;
using WorkTrackr.Web.Infrastructure.Rendering;

namespace WorkTrackr.Tests.Integration.Invoicing;

/// <summary>
/// Issued invoices' PDFs, rendered by the job through headless Chromium and read back with poppler's pdftotext and
/// pdfinfo, as a customer's PDF reader would.
/// </summary>
[Trait("Category", "Integration")]
public sealed class InvoicePdfTests(SqliteTenantApp app) : IClassFixture<SqliteTenantApp>
{
    private ApplicationUser Manager => app.A.Users[Roles.Manager];

    private async Task<(Guid Id, string Number)> IssueAsync(string customer, int lines)
    {
        var contactId = (await app.Factory.AddAsync(app.A.Id, Build.Contact(customer).With(c => c.BillingAddress = "12 Quay Street\nBristol BS1 4DJ"))).Id;
        var input = new InvoiceInput
        {
            ContactId = contactId,
            PaymentTermsDays = 30,
            Notes = "Bank transfer to 12-34-56 12345678, quoting the invoice number.",
            Lines = Enumerable.Range(1, lines).Select(i => new InvoiceLineInput
            {
                Description = $"Maintenance visit {i}", Quantity = 1, UnitPrice = 10m + i % 7, TaxPercent = i % 2 == 0 ? 20 : 5,
            }).ToList(),
        };
        var draft = await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Drafts.CreateDraftAsync(input));
        var opened = (await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Queries.GetAsync(draft.Value))).Value!;
        var issued = await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Issuing.IssueAsync(opened.Id, opened.Version));
        Assert.True(issued.Succeeded, issued.Message);
        return (opened.Id, issued.Value!);
    }

    private async Task<int> SweepAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InvoicePdfWorker>().SweepAsync();
    }

    [Fact]
    public async Task The_job_renders_an_issued_invoice_with_its_number_customer_and_total()
    {
        var (id, number) = await IssueAsync("Harbourside Dental", 3);
        Assert.Equal(DocumentStatus.Pending, (await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Queries.GetAsync(id))).Value!.Document.Status);
        var stamp = await StampAsync();

        Assert.True(await SweepAsync() >= 1);
        Assert.True(await StampAsync() > stamp); // what an open invoice page waits for to offer the download

        var details = (await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Queries.GetAsync(id))).Value!;
        Assert.Equal(DocumentStatus.Ready, details.Document.Status);
        var pdf = (await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Documents.DownloadAsync(id))).Value;
        Assert.Equal($"{number}.pdf", pdf.FileName);
        var text = await PdfTools.RunAsync("pdftotext", pdf.Content, "-layout");
        Assert.Contains(number, text);
        Assert.Contains("Harbourside Dental", text);
        Assert.Contains("12 Quay Street", text);
        Assert.Contains(CurrencyFormat.Format(details.Totals.Gross, "GBP"), text);
        Assert.Contains("Page 1 of 1", text);
        Assert.Equal(0, await SweepAsync()); // nothing is rendered twice
    }

    [Fact]
    public async Task A_long_invoice_breaks_across_pages_with_page_numbers_and_the_header_repeated()
    {
        var (id, _) = await IssueAsync("Long Ledger Ltd", 200);
        await SweepAsync();

        var pdf = (await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Documents.DownloadAsync(id))).Value.Content;
        var info = await PdfTools.RunAsync("pdfinfo", pdf);
        var pages = int.Parse(info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))["Pages:".Length..].Trim(), CultureInfo.InvariantCulture);
        Assert.InRange(pages, 3, 12);
        var text = await PdfTools.RunAsync("pdftotext", pdf, "-layout");
        Assert.Contains($"Page 2 of {pages}", text);
        Assert.Contains($"Page {pages} of {pages}", text);
        // Every page that continues the table starts with its header again.
        var tablePages = text.Split('\f').Where(p => p.Contains("Maintenance visit", StringComparison.Ordinal)).ToList();
        Assert.True(tablePages.Count >= 3, $"{tablePages.Count} pages hold lines");
        Assert.All(tablePages, p => Assert.Contains("UNIT PRICE", p, StringComparison.OrdinalIgnoreCase));
        var fonts = await PdfTools.RunAsync("pdffonts", pdf);
        Assert.All(fonts.Split('\n').Skip(2).Where(l => l.Trim().Length > 0), l => Assert.Contains(" yes ", l)); // every font embedded
        // …and they are the app's own typeface, not whatever the machine has installed.
        Assert.DoesNotContain("DejaVu", fonts);
        Assert.DoesNotContain("Liberation", fonts);
    }

    [Fact]
    public async Task A_failed_render_is_retried_with_back_off_then_stays_failed_with_its_error()
    {
        var (id, _) = await IssueAsync("Broken Printer Co", 1);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var broken = new PdfRenderer(Options.Create(new PdfOptions { ChromiumPath = "/nonexistent/chromium" }), NullLogger<PdfRenderer>.Instance);
        var worker = new InvoicePdfWorker(services.GetRequiredService<JobDatabase>(),
            new InvoicePdf(new DocumentPrinter(services.GetRequiredService<ComponentHtml>(), broken)), TimeProvider.System, NullLogger<InvoicePdfWorker>.Instance);

        var before = DateTime.UtcNow;
        var stamp = await StampAsync();
        Assert.Equal(0, await worker.SweepAsync());
        Assert.True(await StampAsync() > stamp); // an open invoice page hears of the failure too
        var retrying = await DocumentAsync(id);
        Assert.Equal((WorkState.Pending, 1), (retrying.State, retrying.Attempts));
        Assert.InRange(retrying.NextAttemptAt, before.AddSeconds(29), DateTime.UtcNow.AddSeconds(31));
        Assert.Contains("nonexistent", retrying.LastError);
        Assert.Equal(0, await worker.SweepAsync()); // backing off: not tried again yet

        await using (var db = app.Factory.CreateDbContext(app.A.Id))
        {
            await db.InvoiceDocuments.Where(d => d.InvoiceId == id).ExecuteUpdateAsync(d => d
                .SetProperty(x => x.Attempts, WorkQueue.MaxAttempts - 1).SetProperty(x => x.NextAttemptAt, DateTime.UtcNow.AddMinutes(-1)));
        }

        await worker.SweepAsync();
        var failed = await DocumentAsync(id);
        Assert.Equal((WorkState.Failed, WorkQueue.MaxAttempts), (failed.State, failed.Attempts));
        Assert.Equal(DocumentStatus.Failed, (await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Queries.GetAsync(id))).Value!.Document.Status);

        // An Admin's "regenerate" puts it back with fresh attempts, and the real renderer succeeds.
        Assert.True((await app.Factory.RunAsAsync(app.A.Users[Roles.Admin], (InvoiceDocumentService s) => s.RegenerateAsync(id))).Succeeded);
        Assert.True(await SweepAsync() >= 1);
        Assert.Equal(DocumentStatus.Ready, (await app.Factory.RunAsAsync(Manager, (InvoiceApi s) => s.Queries.GetAsync(id))).Value!.Document.Status);
    }

    [Fact]
    public async Task A_worker_whose_row_was_requeued_meanwhile_writes_nothing()
    {
        var (id, _) = await IssueAsync("Overtaken Opticians", 1);
        await using var db = app.Factory.CreateDbContext(app.A.Id);
        var documentId = await db.InvoiceDocuments.Where(d => d.InvoiceId == id).Select(d => d.Id).SingleAsync();
        var stale = await WorkQueue.ClaimAsync(db.InvoiceDocuments, documentId, 0, DateTime.UtcNow, default);
        Assert.NotNull(stale);
        Assert.Null(await WorkQueue.ClaimAsync(db.InvoiceDocuments, documentId, 0, DateTime.UtcNow, default)); // held: no second claim

        // Voided (say) while the first worker renders: the row goes back to the queue and is claimed afresh.
        await InvoiceDocuments.RequeueAsync(db, id, DateTime.UtcNow, default);
        var fresh = await WorkQueue.ClaimAsync(db.InvoiceDocuments, documentId, 0, DateTime.UtcNow.AddMilliseconds(5), default);
        Assert.Equal(stale!.Value.Attempt, fresh!.Value.Attempt);

        Assert.Equal(0, await WorkQueue.Held(db.InvoiceDocuments, stale.Value).ExecuteUpdateAsync(d => d.SetProperty(x => x.State, WorkState.Done)));
        Assert.Equal(1, await WorkQueue.Held(db.InvoiceDocuments, fresh.Value).ExecuteUpdateAsync(d => d.SetProperty(x => x.State, WorkState.Done)));
    }

    /// <summary>The organisation's change stamp, which the PDF worker raises when it stores or fails a PDF.</summary>
    private async Task<long> StampAsync()
    {
        await using var db = app.Factory.CreateDbContext(null);
        return await db.DataChangeStamps.Where(s => s.OrganisationId == app.A.Id).Select(s => s.Version).SingleOrDefaultAsync();
    }

    private async Task<WorkTrackr.Data.Invoicing.InvoiceDocument> DocumentAsync(Guid invoiceId)
    {
        await using var db = app.Factory.CreateDbContext(app.A.Id);
        return await db.InvoiceDocuments.AsNoTracking().SingleAsync(d => d.InvoiceId == invoiceId);
    }
}
