using CsvHelper;
using WorkTrackr.Web.Infrastructure.Http;

namespace WorkTrackr.Web.Infrastructure;

/// <summary>Streams rows as CSV with a header line, one record per row, without holding them all in memory.</summary>
public static class CsvExport
{
    /// <summary>
    /// Fields that start like a spreadsheet formula (= + - @) are escaped, so a name typed or imported as
    /// "=HYPERLINK(…)" is shown as text when the export is opened in Excel, not run.
    /// </summary>
    public static CsvWriterOptions Options { get; } = new() { Injection = CsvInjection.Escape };

    public static async Task WriteAsync<T>(TextWriter writer, string[] header, IAsyncEnumerable<T> rows, Func<T, string?[]> fields, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(writer, Options, leaveOpen: true);
        csv.WriteHeader(header);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            foreach (var field in fields(row)) csv.WriteField(field ?? "");
            await csv.EndRecordAsync(cancellationToken);
        }
        await csv.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// Sends what <paramref name="write"/> writes as a CSV download named <paramref name="name"/>-<see cref="DateFormats.FileStamp"/>.csv, or,
    /// when it fails, its problem (<see cref="ResultHttp"/>). Services refuse before they write a row, and the writer is
    /// flushed (which starts the response) only after a success, so a refusal can still answer with its own status.
    /// </summary>
    public static async Task<IResult> DownloadAsync(HttpContext context, string name, TimeProvider clock, Func<TextWriter, Task<Result>> write)
    {
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}-{DateFormats.Format(clock.GetUtcNow().UtcDateTime, DateFormats.FileStamp)}.csv\"";
        // Not disposed on a refusal: disposing flushes the response body, and that sends the headers. With leaveOpen it holds
        // nothing else.
        var writer = new StreamWriter(context.Response.Body, new System.Text.UTF8Encoding(false), leaveOpen: true);
        var result = await write(writer);
        if (result.Succeeded)
        {
            await writer.DisposeAsync();
            return Results.Empty;
        }
        if (context.Response.HasStarted) throw new InvalidOperationException($"The {name} export failed after it had begun: {result.Message}");
        context.Response.Headers.Remove(Microsoft.Net.Http.Headers.HeaderNames.ContentDisposition);
        context.Response.ContentType = null;
        return result.ToProblem();
    }
}
