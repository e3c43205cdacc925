using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Tenancy;

namespace WorkTrackr.Web.Components.Layout;

public sealed record NavigationItem(string Text, string Icon, string Path, string Capability);

/// <summary>The side navigation: each entry shows only to users whose roles hold the capability its page requires.</summary>
public static class Navigation
{
    public static readonly IReadOnlyList<NavigationItem> Items =
    [
        new("Dashboard", "dashboard", "", Capabilities.ViewDashboard),
        new("Tickets", "confirmation_number", "tickets", Capabilities.ViewTickets),
        new("Calendar", "calendar_month", "calendar", Capabilities.ViewCalendar),
        new("Contacts", "contacts", "contacts", Capabilities.ViewContacts),
        new("CRM calendar", "event_note", "crm", Capabilities.ViewContacts),
        new("Products", "inventory_2", "products", Capabilities.ViewCatalog),
        new("Services", "support_agent", "services", Capabilities.ViewCustomerServices),
        new("Invoices", "receipt_long", "invoices", Capabilities.ViewInvoices),
        new("Resellers", "handshake", "resellers", Capabilities.ViewResellers),
        new("Admin", "admin_panel_settings", "admin", Capabilities.ManageOrganisation),
        new("Admin", "admin_panel_settings", "platform", Capabilities.ManagePlatform),
    ];

    public static IEnumerable<NavigationItem> ItemsFor(CurrentUser user) => Items.Where(i => user.Can(i.Capability));
}
