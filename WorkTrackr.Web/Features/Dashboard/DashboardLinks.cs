using Microsoft.AspNetCore.Components;
using WorkTrackr.Data.Tickets;
using WorkTrackr.Web.Features.Invoicing;
using WorkTrackr.Web.Features.Services;
using WorkTrackr.Web.Features.Tickets;

namespace WorkTrackr.Web.Features.Dashboard;

/// <summary>
/// Where a click on a point of the manager dashboard's charts leads: the list of the records behind it, in the range
/// on show.
/// </summary>
public static class DashboardLinks
{
    /// <summary>The revenue chart's series of paid amounts: a click on it opens the paid invoices.</summary>
    public const string PaidSeries = "Paid";

    /// <summary>"InProgress" as "In Progress", for a chart's axis.</summary>
    public static string Words(string name) => System.Text.RegularExpressions.Regex.Replace(name, "(?<=[a-z])(?=[A-Z])", " ");

    /// <summary>A person's open tickets.</summary>
    public static string OpenTicketsOf(Guid person) => new TicketQuery { View = TicketView.AllOpen, AssigneeId = person }.ToUri();

    public static string Status(TicketStatus status, DashboardRange range) => (CreatedIn(range, TicketView.All) with { Statuses = [status] }).ToUri();

    public static string Priority(TicketPriority priority, DashboardRange range) => (CreatedIn(range, TicketView.AllOpen) with { Priorities = [priority] }).ToUri();

    public static string Week(WeekFlow week) => new TicketQuery { View = TicketView.All, CreatedFrom = week.WeekStart, CreatedTo = week.WeekStart.AddDays(6) }.ToUri();

    /// <summary>
    /// The CRM calendar's month holding the range's last day (or today, if that is later), narrowed to the person; the
    /// whole team's for unassigned events.
    /// </summary>
    public static string Activities(Guid? person, DashboardRange range, DateOnly today, NavigationManager navigation)
    {
        var day = range.To < today ? range.To : today;
        return navigation.GetUriWithQueryParameters("crm", new Dictionary<string, object?>
        {
            ["person"] = person, ["team"] = person is null ? true : null, ["date"] = DashboardRange.Iso(day),
        });
    }

    /// <summary>The month's invoices within the range: all of them, or those paid for a click on "Paid".</summary>
    public static string Month(MonthRevenue month, string series, DashboardRange range)
    {
        var from = month.Month < range.From ? range.From : month.Month;
        var end = month.Month.AddMonths(1).AddDays(-1);
        var to = end > range.To ? range.To : end;
        var status = series == PaidSeries ? InvoiceStatusFilter.Paid : InvoiceStatusFilter.All;
        return new InvoiceQuery { Status = status, From = from, To = to }.ToUri();
    }

    public static string Age(AgedAmount band, DateOnly asOf)
    {
        var (from, to) = Receivables.IssuedBetween(band.Band, asOf);
        return new InvoiceQuery { Status = InvoiceStatusFilter.Outstanding, From = from, To = to }.ToUri();
    }

    public static string Renewals(RenewalBand band) => new ServiceQuery { Window = band.Window }.ToUri();

    public static string Product(ProductMargin product) => $"products/{product.ProductId}";

    /// <summary>Tickets created in the range, in a view.</summary>
    private static TicketQuery CreatedIn(DashboardRange range, TicketView view) => new() { View = view, CreatedFrom = range.From, CreatedTo = range.To };
}
