using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Http;
using WorkTrackr.Web.Infrastructure.Jobs;

namespace WorkTrackr.Web.Features.Invoicing;

/// <summary>Invoices: drafts, issuing, payments, their PDFs (rendered by a job) and marking them overdue (another job).</summary>
public static class InvoicingModule
{
    public static IServiceCollection AddInvoicing(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<InvoiceQueries>();
        services.AddScoped<InvoiceDrafts>();
        services.AddScoped<InvoiceIssuing>();
        services.AddScoped<InvoicePayments>();
        services.AddScoped<InvoiceDocumentService>();
        services.AddScoped<InvoicePdf>();
        services.AddScoped<InvoicePdfWorker>();
        services.AddScoped<OverdueInvoices>();
        services.AddRecordedJob<InvoicePdfJob>(InvoicePdfJob.Job);
        services.AddRecordedJob<OverdueInvoicesJob>(OverdueInvoicesJob.Job);
        return services;
    }

    public static IEndpointRouteBuilder MapInvoicing(this IEndpointRouteBuilder app)
    {
        // GET /invoices/{id}/pdf: the stored PDF of an issued invoice, as a download named after its number.
        app.MapGet("/invoices/{id:guid}/pdf", async (Guid id, InvoiceDocumentService documents, CancellationToken cancellationToken) =>
            (await documents.DownloadAsync(id, cancellationToken)).ToHttpResult(pdf => TypedResults.File(pdf.Content, "application/pdf", pdf.FileName)))
            .RequireAuthorization(Capabilities.ViewInvoices);
        // GET /invoices/logo: the organisation's logo, for the invoice page's preview. Its address changes with the logo.
        app.MapGet("/" + InvoiceDocuments.LogoPath, async (InvoiceDocumentService documents, HttpContext context, CancellationToken cancellationToken) =>
        {
            var logo = await documents.LogoAsync(cancellationToken);
            if (!logo.Succeeded) return logo.ToProblem();
            var file = logo.Value;
            // An SVG opened on its own must not run as a page of the app (the settings refuse scripts; this is the second lock).
            context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
            context.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
            return Results.File(file.Content, file.ContentType);
        }).RequireAuthorization(Capabilities.ViewInvoices);
        return app;
    }
}
