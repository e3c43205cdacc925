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

    // The Latin and Latin Extended subsets of the variable font, with the ranges @fontsource gives them.
    private const string FontFace =
        $"@font-face {{ font-family: \"{FontFamily}\"; font-weight: 200 900; src: url(\"{PdfRenderer.AssetOrigin}fonts/invoice-sans-latin.woff2\") format(\"woff2\"); "
        + "unicode-range: U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD; }\n"
        + $"@font-face {{ font-family: \"{FontFamily}\"; font-weight: 200 900; src: url(\"{PdfRenderer.AssetOrigin}fonts/invoice-sans-latin-ext.woff2\") format(\"woff2\"); "
        + "unicode-range: U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF; }";

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
