using WorkTrackr.Data.Identity;

namespace WorkTrackr.Web.Infrastructure.Authorization;

/// <summary>
/// One authorization policy per capability, and the roles that hold it. Pages use the names with
/// <c>[Authorize(Policy = …)]</c>; services check <see cref="Tenancy.CurrentUser.Can"/> against the same map.
/// </summary>
public static class Capabilities
{
    public const string ViewDashboard = nameof(ViewDashboard);
    /// <summary>The organisation-wide dashboard of workload, SLA, revenue and renewals (others get their own day).</summary>
    public const string ViewManagerDashboard = nameof(ViewManagerDashboard);
    public const string ViewTickets = nameof(ViewTickets);
    /// <summary>Every ticket of the organisation, not only one's own assignments.</summary>
    public const string ViewAllTickets = nameof(ViewAllTickets);
    /// <summary>Create tickets, edit them, assign and schedule them (technicians only change status and comment).</summary>
    public const string ManageTickets = nameof(ManageTickets);
    public const string ViewCalendar = nameof(ViewCalendar);
    public const string ViewContacts = nameof(ViewContacts);
    /// <summary>Create, edit, deactivate and delete contacts.</summary>
    public const string ManageContacts = nameof(ManageContacts);
    public const string ViewCatalog = nameof(ViewCatalog);
    /// <summary>Create, edit, deactivate and delete products.</summary>
    public const string ManageCatalog = nameof(ManageCatalog);
    public const string ViewCustomerServices = nameof(ViewCustomerServices);
    /// <summary>Add, change, renew and end customer services.</summary>
    public const string ManageCustomerServices = nameof(ManageCustomerServices);
    public const string ViewInvoices = nameof(ViewInvoices);
    /// <summary>Draft, issue, mark paid and void invoices.</summary>
    public const string ManageInvoices = nameof(ManageInvoices);
    public const string ManageOrganisation = nameof(ManageOrganisation);
    /// <summary>The organisation's audit log: who changed what, and the History of a record.</summary>
    public const string ViewAudit = nameof(ViewAudit);
    /// <summary>The jobs page: an Admin sees their organisation's queued work, the Platform admin everyone's.</summary>
    public const string ViewJobs = nameof(ViewJobs);
    public const string ViewResellers = nameof(ViewResellers);
    public const string ManagePlatform = nameof(ManagePlatform);

    private static readonly string[] Staff = [Roles.Admin, Roles.Manager, Roles.Dispatcher, Roles.Technician];
    private static readonly string[] Office = [Roles.Admin, Roles.Manager, Roles.Dispatcher];

    public static readonly IReadOnlyDictionary<string, string[]> RolesByCapability = new Dictionary<string, string[]>
    {
        [ViewDashboard] = Staff,
        [ViewManagerDashboard] = [Roles.Admin, Roles.Manager],
        [ViewTickets] = Staff,
        [ViewAllTickets] = Office,
        [ManageTickets] = Office,
        [ViewCalendar] = Staff,
        [ViewContacts] = Office,
        [ManageContacts] = Office,
        [ViewCatalog] = Office,
        [ManageCatalog] = Office,
        [ViewCustomerServices] = Office,
        [ManageCustomerServices] = Office,
        [ViewInvoices] = [Roles.Admin, Roles.Manager],
        [ManageInvoices] = [Roles.Admin, Roles.Manager],
        [ManageOrganisation] = [Roles.Admin],
        [ViewAudit] = [Roles.Admin, Roles.Manager],
        [ViewJobs] = [Roles.Admin, Roles.PlatformAdmin],
        [ViewResellers] = [Roles.PlatformAdmin, Roles.Reseller],
        [ManagePlatform] = [Roles.PlatformAdmin],
    };

    public static IServiceCollection AddWorkTrackrAuthorization(this IServiceCollection services)
    {
        var builder = services.AddAuthorizationBuilder();
        foreach (var (capability, roles) in RolesByCapability)
        {
            builder.AddPolicy(capability, policy => policy.RequireAuthenticatedUser().RequireRole(roles));
        }
        return services;
    }
}
