using MudBlazor;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Tenancy;

namespace WorkTrackr.Web.Components.Layout;

/// <param name="Icon">A MudBlazor icon (its SVG path), e.g. <c>Icons.Material.Outlined.Dashboard</c>.</param>
public sealed record NavigationItem(string Text, string Icon, string Path, string Capability);

/// <summary>The side navigation: each entry shows only to users whose roles hold the capability its page requires.</summary>
public static class Navigation
{
    public static readonly IReadOnlyList<NavigationItem> Items =
    [
        new("Dashboard", Icons.Material.Outlined.Dashboard, "", Capabilities.ViewDashboard),
        new("Tickets", Icons.Material.Outlined.ConfirmationNumber, "tickets", Capabilities.ViewTickets),
        new("Calendar", Icons.Material.Outlined.CalendarMonth, "calendar", Capabilities.ViewCalendar),
        new("Contacts", Icons.Material.Outlined.Contacts, "contacts", Capabilities.ViewContacts),
        new("CRM calendar", Icons.Material.Outlined.EventNote, "crm", Capabilities.ViewContacts),
        new("Products", Icons.Material.Outlined.Inventory2, "products", Capabilities.ViewCatalog),
        new("Services", Icons.Material.Outlined.SupportAgent, "services", Capabilities.ViewCustomerServices),
        new("Invoices", Icons.Material.Outlined.ReceiptLong, "invoices", Capabilities.ViewInvoices),
        new("Audit log", Icons.Material.Outlined.History, "admin/audit", Capabilities.ViewAudit),
        new("Resellers", Icons.Material.Outlined.Handshake, "resellers", Capabilities.ViewResellers),
        new("Admin", Icons.Material.Outlined.AdminPanelSettings, "admin", Capabilities.ManageOrganisation),
        new("Admin", Icons.Material.Outlined.AdminPanelSettings, "platform", Capabilities.ManagePlatform),
    ];

    public static IEnumerable<NavigationItem> ItemsFor(CurrentUser user) => Items.Where(i => user.Can(i.Capability));
}
