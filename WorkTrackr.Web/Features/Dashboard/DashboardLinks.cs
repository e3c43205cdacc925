using Microsoft.AspNetCore.Components;
using Radzen;
using WorkTrackr.Data.Tickets;
using WorkTrackr.Web.Features.Invoicing;
using WorkTrackr.Web.Features.Services;
using WorkTrackr.Web.Features.Tickets;

namespace WorkTrackr.Web.Features.Dashboard;

/// <summary>One chart point of the manager dashboard; <see cref="Key"/> is what a click on it filters on.</summary>
public sealed record ChartSlice(string Label, int Value, string Key);

/// <summary>
/// Where a click on a point of the manager dashboard's charts leads: the list of the records behind it, in the range
/// on show. Each answers null for a point that leads nowhere.
/// </summary>
public static class DashboardLinks
{
    /// <summary>"InProgress" as "In Progress", for a chart's axis.</summary>
    public static string Words(string name) => System.Text.RegularExpressions.Regex.Replace(name, "(?<=[a-z])(?=[A-Z])", " ");

    /// <summary>A person's open tickets.</summary>
    public static string OpenTicketsOf(Guid person) => new TicketQuery { View = TicketView.AllOpen, AssigneeId = person }.ToUri();

    public static string? Status(SeriesClickEventArgs args, DashboardRange range) =>
        args.Data is ChartSlice slice && Enum.TryParse<TicketStatus>(slice.Key, out var status)
            ? (CreatedIn(range, TicketView.All) with { Statuses = [status] }).ToUri() : null;

    public static string? Priority(SeriesClickEventArgs args, DashboardRange range) =>
        args.Data is ChartSlice slice && Enum.TryParse<TicketPriority>(slice.Key, out var priority)
            ? (CreatedIn(range, TicketView.AllOpen) with { Priorities = [priority] }).ToUri() : null;

    public static string? Week(SeriesClickEventArgs args) =>
        args.Data is WeekFlow week ? new TicketQuery { View = TicketView.All, CreatedFrom = week.WeekStart, CreatedTo = week.WeekStart.AddDays(6) }.ToUri() : null;

    public static string? Person(SeriesClickEventArgs args) => args.Data is PersonWorkload person ? OpenTicketsOf(person.UserId) : null;

    /// <summary>
    /// The CRM calendar's month holding the range's last day (or today, if that is later), narrowed to the person; the
    /// whole team's for unassigned events.
    /// </summary>
    public static string? Activities(SeriesClickEventArgs args, DashboardRange range, DateOnly today, NavigationManager navigation)
    {
        if (args.Data is not ChartSlice slice) return null;
        Guid? person = Guid.TryParse(slice.Key, out var id) ? id : null;
        var day = range.To < today ? range.To : today;
        return navigation.GetUriWithQueryParameters("crm", new Dictionary<string, object?>
        {
            ["person"] = person, ["team"] = person is null ? true : null, ["date"] = DashboardRange.Iso(day),
        });
    }

    /// <summary>The month's invoices within the range: all of them, or those paid for a click on "Paid".</summary>
    public static string? Month(SeriesClickEventArgs args, DashboardRange range)
    {
        if (args.Data is not MonthRevenue month) return null;
        var from = month.Month < range.From ? range.From : month.Month;
        var end = month.Month.AddMonths(1).AddDays(-1);
        var to = end > range.To ? range.To : end;
        var status = args.Title == "Paid" ? InvoiceStatusFilter.Paid : InvoiceStatusFilter.All;
        return new InvoiceQuery { Status = status, From = from, To = to }.ToUri();
    }

    public static string? Age(SeriesClickEventArgs args, DateOnly asOf)
    {
        if (args.Data is not AgedAmount band) return null;
        var (from, to) = Receivables.IssuedBetween(band.Band, asOf);
        return new InvoiceQuery { Status = InvoiceStatusFilter.Outstanding, From = from, To = to }.ToUri();
    }

    public static string? Renewals(SeriesClickEventArgs args) => args.Data is RenewalBand band ? new ServiceQuery { Window = band.Window }.ToUri() : null;

    public static string? Product(SeriesClickEventArgs args) => args.Data is ProductMargin product ? $"products/{product.ProductId}" : null;

    /// <summary>Tickets created in the range, in a view.</summary>
    private static TicketQuery CreatedIn(DashboardRange range, TicketView view) => new() { View = view, CreatedFrom = range.From, CreatedTo = range.To };
}
