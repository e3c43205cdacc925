using Microsoft.AspNetCore.Components;
using WorkTrackr.Web.Infrastructure.Rendering;

namespace WorkTrackr.Web.Infrastructure.Pdf;

/// <summary>
/// Prints a Razor component as an A4 PDF: rendered to HTML (<see cref="ComponentHtml"/>), wrapped in a page with the
/// document's title and "Page 2 of 3" in the margins and the app's typeface (<see cref="PdfRenderer.Assets"/>), and
/// printed by <see cref="PdfRenderer"/>. Invoices and reseller statements both go through here.
/// </summary>
public sealed class DocumentPrinter(ComponentHtml html, PdfRenderer renderer)
{
    /// <summary>The family documents name in their CSS for the embedded typeface.</summary>
    public const string FontFamily = "Invoice Sans";

    private const string FontFace = $"@font-face {{ font-family: \"{FontFamily}\"; font-weight: 200 900; src: url(\"{PdfRenderer.AssetOrigin}fonts/invoice-sans.woff2\") format(\"woff2\"); }}";

    public async Task<byte[]> PrintAsync<TComponent>(IDictionary<string, object?> parameters, string title, CancellationToken cancellationToken = default)
        where TComponent : IComponent =>
        await renderer.RenderAsync(await HtmlAsync<TComponent>(parameters, title), cancellationToken);

    public async Task<string> HtmlAsync<TComponent>(IDictionary<string, object?> parameters, string title) where TComponent : IComponent
    {
        var body = await html.RenderAsync<TComponent>(parameters);
        // The title goes into a CSS string: only letters, digits and a few safe marks are kept.
        var safeTitle = new string(title.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '·' or '.').ToArray());
        return $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{{System.Net.WebUtility.HtmlEncode(title)}}</title>
            <style>
            {{FontFace}}
            @page {
                size: A4;
                margin: 16mm 16mm 20mm;
                @bottom-left { content: "{{safeTitle}}"; font-family: "{{FontFamily}}"; font-size: 8.5pt; color: #57606a; }
                @bottom-right { content: "Page " counter(page) " of " counter(pages); font-family: "{{FontFamily}}"; font-size: 8.5pt; color: #57606a; }
            }
            html, body { margin: 0; }
            </style></head>
            <body>{{body}}</body></html>
            """;
    }
}
