using WorkTrackr.Web.Features.Invoicing;
using WorkTrackr.Web.Features.Services;
using WorkTrackr.Web.Features.Tickets;

namespace WorkTrackr.Tests.Unit;

/// <summary>Links to the lists come from their query types, and say what the lists read back.</summary>
[Trait("Category", "Unit")]
public sealed class ListLinksTests
{
    [Fact]
    public void A_ticket_link_opens_the_list_on_the_same_request()
    {
        var query = new TicketQuery { View = TicketView.All, Priorities = [TicketPriority.High], CreatedFrom = new DateOnly(2026, 11, 1), CreatedTo = new DateOnly(2026, 11, 30) };
        var link = query.ToUri();
        Assert.Equal("tickets?view=All&priority=High&createdFrom=2026-11-01&createdTo=2026-11-30", link);
        Assert.Equal(query.ToQueryString(), TicketQuery.Parse(link[TicketQuery.ListPath.Length..]).ToQueryString());
        Assert.Equal("tickets", new TicketQuery().ToUri());
    }

    [Fact]
    public void An_invoice_link_carries_the_status_and_dates_the_list_opens_with()
    {
        Assert.Equal("invoices?status=Outstanding&from=2026-10-01&to=2026-10-31",
            new InvoiceQuery { Status = InvoiceStatusFilter.Outstanding, From = new DateOnly(2026, 10, 1), To = new DateOnly(2026, 10, 31) }.ToUri());
        Assert.Equal("invoices?to=2026-10-31", new InvoiceQuery { To = new DateOnly(2026, 10, 31) }.ToUri());
    }

    [Fact]
    public void A_services_link_carries_the_renewal_window() =>
        Assert.Equal("services?window=Within30", new ServiceQuery { Window = RenewalWindow.Within30 }.ToUri());
}
