using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using WorkTrackr.Web.Infrastructure.Pdf;

namespace WorkTrackr.Web.Features.Invoicing;

/// <summary>
/// An invoice as a PDF: <see cref="InvoiceDocumentView"/> (the same component as the on-screen preview) rendered to HTML
/// with <see cref="HtmlRenderer"/>, wrapped in an A4 page with page numbers and the embedded typeface, and printed.
/// </summary>
public sealed class InvoicePdf(IServiceProvider services, ILoggerFactory loggerFactory, PdfRenderer renderer)
{
    private const string FontFace = $"@font-face {{ font-family: \"Invoice Sans\"; font-weight: 200 900; src: url(\"{PdfRenderer.AssetOrigin}fonts/invoice-sans.woff2\") format(\"woff2\"); }}";

    public async Task<byte[]> RenderAsync(InvoiceDetails invoice, CancellationToken cancellationToken = default) =>
        await renderer.RenderAsync(await HtmlAsync(invoice), cancellationToken);

    public async Task<string> HtmlAsync(InvoiceDetails invoice)
    {
        await using var html = new HtmlRenderer(services, loggerFactory);
        var body = await html.Dispatcher.InvokeAsync(async () =>
            (await html.RenderComponentAsync<InvoiceDocumentView>(ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(InvoiceDocumentView.Invoice)] = invoice }))).ToHtmlString());
        var title = System.Net.WebUtility.HtmlEncode(invoice.Title);
        return $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{{title}}</title>
            <style>
            {{FontFace}}
            @page {
                size: A4;
                margin: 16mm 16mm 20mm;
                @bottom-left { content: "{{title}}"; font-family: "Invoice Sans"; font-size: 8.5pt; color: #57606a; }
                @bottom-right { content: "Page " counter(page) " of " counter(pages); font-family: "Invoice Sans"; font-size: 8.5pt; color: #57606a; }
            }
            html, body { margin: 0; }
            </style></head>
            <body>{{body}}</body></html>
            """;
    }
}
