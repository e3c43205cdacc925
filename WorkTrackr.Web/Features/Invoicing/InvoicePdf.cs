using WorkTrackr.Web.Infrastructure.Pdf;

namespace WorkTrackr.Web.Features.Invoicing;

/// <summary>An invoice as a PDF: <see cref="InvoiceDocumentView"/>, the same component as the on-screen preview, printed to A4.</summary>
public sealed class InvoicePdf(DocumentPrinter printer)
{
    public Task<byte[]> RenderAsync(InvoiceDetails invoice, CancellationToken cancellationToken = default) =>
        printer.PrintAsync<InvoiceDocumentView>(Parameters(invoice), invoice.Title, cancellationToken);

    public Task<string> HtmlAsync(InvoiceDetails invoice) => printer.HtmlAsync<InvoiceDocumentView>(Parameters(invoice), invoice.Title);

    private static Dictionary<string, object?> Parameters(InvoiceDetails invoice) => new() { [nameof(InvoiceDocumentView.Invoice)] = invoice };
}
