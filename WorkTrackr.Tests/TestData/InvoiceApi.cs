using WorkTrackr.Web.Features.Invoicing;

namespace WorkTrackr.Tests.TestData;

/// <summary>The invoice services of one scope together, as the invoice page uses them: for tests that walk an invoice's life.</summary>
public sealed class InvoiceApi(IServiceProvider services)
{
    public InvoiceQueries Queries => services.GetRequiredService<InvoiceQueries>();
    public InvoiceDrafts Drafts => services.GetRequiredService<InvoiceDrafts>();
    public InvoiceIssuing Issuing => services.GetRequiredService<InvoiceIssuing>();
    public InvoicePayments Payments => services.GetRequiredService<InvoicePayments>();
    public InvoiceDocumentService Documents => services.GetRequiredService<InvoiceDocumentService>();
}
