using Bunit;
using WorkTrackr.Tests.Integration;
using WorkTrackr.Web.Features.Invoicing;
using WorkTrackr.Web.Infrastructure.Changes;

namespace WorkTrackr.Tests.Components.Invoicing;

/// <summary>
/// An issued invoice's PDF state on its page: "Making the PDF…" until the change feed reports a change, then what the
/// PDF is now. The test drives the feed's polls itself, so nothing waits on a timer.
/// </summary>
[Trait("Category", "Integration")]
public sealed class InvoicePdfStatusTests(SqliteApp app) : AppComponentTest(app)
{
    private Guid invoiceId;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var manager = await SignInAsync(Roles.Manager);
        var draft = await Factory.RunAsAsync<InvoiceDrafts, Result<Guid>>(manager, s => s.CreateDraftAsync(new InvoiceInput
        {
            ContactId = Organisation.RowIds[typeof(Contact)],
            Lines = [new InvoiceLineInput { Description = "Call-out", Quantity = 1, UnitPrice = 10, TaxPercent = 20 }],
        }));
        Assert.True(draft.Succeeded, draft.Message);
        invoiceId = draft.Value;
        var version = (await Factory.RunAsAsync<InvoiceQueries, Result<InvoiceDetails>>(manager, s => s.GetAsync(invoiceId))).Value!.Version;
        var issued = await Factory.RunAsAsync<InvoiceIssuing, Result<string>>(manager, s => s.IssueAsync(invoiceId, version));
        Assert.True(issued.Succeeded, issued.Message); // its PDF is queued; the jobs do not run in these tests
    }

    /// <summary>The issued invoice's page, showing its PDF pending, once its PDF status listens to the feed.</summary>
    private IRenderedComponent<InvoicePage> RenderWatching()
    {
        _ = Popovers;
        var cut = Context.Render<InvoicePage>(p => p.Add(x => x.Id, invoiceId));
        cut.WaitForAssertion(() => cut.ByTestId("pdf-pending"));
        var status = cut.FindComponent<InvoicePdfStatus>();
        cut.WaitForState(() => status.Instance.Watching);
        return cut;
    }

    [Fact]
    public async Task The_download_appears_once_the_change_feed_reports_the_pdf_made()
    {
        var feed = Factory.Services.GetRequiredService<DataChangeFeed>();
        var cut = RenderWatching();

        // The PDF is stored as the worker stores it, but nobody has raised the organisation's change stamp yet.
        await using var db = Factory.CreateDbContext(Organisation.Id);
        await db.InvoiceDocuments.Where(d => d.InvoiceId == invoiceId).ExecuteUpdateAsync(d => d
            .SetProperty(x => x.State, WorkState.Done).SetProperty(x => x.CompletedAt, DateTime.UtcNow));
        await feed.PollAsync(CancellationToken.None);
        Assert.Single(cut.AllByTestId("pdf-pending"));
        Assert.Empty(cut.AllByTestId("download-pdf"));

        // The worker's stamp, and the poll that reads it (awaiting the page's handling of it).
        await ChangeStampInterceptor.RaiseAsync(db, Organisation.Id);
        await feed.PollAsync(CancellationToken.None);

        cut.WaitForAssertion(() => Assert.Equal($"invoices/{invoiceId}/pdf", cut.ByTestId("download-pdf").GetAttribute("href")));
        Assert.Empty(cut.AllByTestId("pdf-pending"));
    }

    [Fact]
    public async Task A_pdf_that_could_not_be_made_shows_its_error_once_the_feed_reports_it()
    {
        var feed = Factory.Services.GetRequiredService<DataChangeFeed>();
        var cut = RenderWatching();

        await using var db = Factory.CreateDbContext(Organisation.Id);
        await db.InvoiceDocuments.Where(d => d.InvoiceId == invoiceId).ExecuteUpdateAsync(d => d
            .SetProperty(x => x.State, WorkState.Failed).SetProperty(x => x.Attempts, 5).SetProperty(x => x.LastError, "Chromium is not there"));
        await ChangeStampInterceptor.RaiseAsync(db, Organisation.Id);
        await feed.PollAsync(CancellationToken.None);

        cut.WaitForAssertion(() => Assert.Contains("After 5 attempts: Chromium is not there", cut.ByTestId("pdf-failed").Text()));
    }
}
