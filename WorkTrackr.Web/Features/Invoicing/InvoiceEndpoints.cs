using WorkTrackr.Web.Infrastructure.Authorization;

namespace WorkTrackr.Web.Features.Invoicing;

public static class InvoiceEndpoints
{
    /// <summary>GET /invoices/{id}/pdf: the stored PDF of an issued invoice, as a download named after its number.</summary>
    public static void MapInvoiceEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/invoices/{id:guid}/pdf", async (Guid id, InvoiceDocumentService documents, CancellationToken cancellationToken) =>
            await documents.DownloadAsync(id, cancellationToken) is { Succeeded: true } document
                ? Results.File(document.Value.Content, "application/pdf", document.Value.FileName)
                : Results.NotFound())
            .RequireAuthorization(Capabilities.ViewInvoices);
}
