using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Invoicing;
using WorkTrackr.Web.Infrastructure.TimeZones;

namespace WorkTrackr.Web.Features.Invoicing;

/// <summary>What the invoice operations (drafts, issuing, payments, documents) share.</summary>
internal static class Invoices
{
    public const string What = "The invoice";

    public static Invoice NewDraft(DateOnly today) => new() { IssueDate = today, DueDate = today };

    /// <summary>Today where the organisation is: the day invoices are dated and paid by.</summary>
    public static async Task<DateOnly> TodayAsync(WorkTrackrDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var zone = await db.Organisations.Where(o => o.Id == db.CurrentOrganisationId).Select(o => o.TimeZoneId).SingleAsync(cancellationToken);
        return TimeZones.Today(clock, zone);
    }

    public static IReadOnlyDictionary<string, string[]> NotADraft(Invoice invoice) => new Dictionary<string, string[]>
    {
        [""] = [$"{invoice.Number} is {invoice.Status.ToString().ToLowerInvariant()} and can no longer be edited. To correct it, void it and issue a copy."],
    };
}
