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
        return app;
    }
}
