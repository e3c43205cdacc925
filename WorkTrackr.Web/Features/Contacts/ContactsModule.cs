using Microsoft.AspNetCore.Mvc;
using WorkTrackr.Data.Contacts;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;

namespace WorkTrackr.Web.Features.Contacts;

/// <summary>Contacts: the list and its CSV export, a contact's page and editor.</summary>
public static class ContactsModule
{
    public const string ExportPath = "/contacts/export.csv";

    public static IServiceCollection AddContacts(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<ContactLookup>();
        services.AddScoped<ContactService>();
        return services;
    }

    public static IEndpointRouteBuilder MapContacts(this IEndpointRouteBuilder app)
    {
        // Exactly what the list shows: its filter in the query string, without paging.
        app.MapGet(ExportPath, (HttpContext context, ContactService contacts, TimeProvider clock,
            [FromQuery] string? q, [FromQuery] ContactStatusFilter? status, [FromQuery] ContactKind? kind) =>
            CsvExport.DownloadAsync(context, "contacts", clock, writer => contacts.ExportCsvAsync(
                new ContactQuery { Text = q, Status = status ?? ContactStatusFilter.Active, Kind = kind }, writer, context.RequestAborted)))
            .RequireAuthorization(Capabilities.ViewContacts);
        return app;
    }
}
