using System.Linq.Expressions;
using System.Reflection;
using WorkTrackr.Data;
using WorkTrackr.Data.Auditing;
using WorkTrackr.Data.Notifications;
using WorkTrackr.Web.Features.Administration;
using WorkTrackr.Web.Features.Catalog;
using WorkTrackr.Web.Features.Contacts;
using WorkTrackr.Web.Features.Crm;
using WorkTrackr.Web.Features.Invoicing;
using WorkTrackr.Web.Features.Notifications;
using WorkTrackr.Web.Features.Services;
using WorkTrackr.Web.Features.Team;
using WorkTrackr.Web.Features.Tickets;
using WorkTrackr.Web.Features.Tickets.Templates;

namespace WorkTrackr.Tests.Integration.Tenancy;

/// <summary>One call of a feature service, as a page makes it, for a tenancy case: which method it is, and how to make it.</summary>
public sealed record ServiceCall(MethodInfo Method, string Role, Func<IServiceProvider, Guid, Task> Invoke)
{
    /// <summary>Whether a read finds organisation A's own row (false where the fixture's row is not in a readable state).</summary>
    public bool FindsOwnRow { get; init; } = true;

    /// <summary>
    /// Puts the row (on a context of its organisation) into the state the call acts on, and back afterwards (false): a PDF
    /// that is ready to download, a job that failed and can be retried. Without it such a call would refuse every row.
    /// </summary>
    public Func<WorkTrackrDbContext, Guid, bool, Task>? Arrange { get; init; }

    /// <summary>How the call answers for another organisation's row: by default, not found.</summary>
    public Func<object?, bool> Refuses { get; init; } = outcome => outcome is Result result ? result.Status == ResultStatus.NotFound : outcome is null;

    public override string ToString() => $"{Method.DeclaringType!.Name}.{Method.Name}";

    /// <summary>What the call returned: a <see cref="Result"/>, a value (null when not found), or nothing for a void task.</summary>
    public async Task<object?> RunAsync(IServiceProvider services, Guid id)
    {
        var task = Invoke(services, id);
        await task;
        var result = task.GetType().GetProperty(nameof(Task<object>.Result));
        return result is null || result.PropertyType.Name == "VoidTaskResult" ? null : result.GetValue(task);
    }
}

/// <summary>A list a page shows, and how to read the row ids out of it.</summary>
public sealed record ListCall(MethodInfo Method, string Role, Func<IServiceProvider, Task<IEnumerable<Guid>>> Invoke)
{
    public override string ToString() => $"{Method.DeclaringType!.Name}.{Method.Name}";
}

/// <summary>
/// For each organisation-owned type, the feature-service calls the pages make to list, read, change and delete its rows.
/// A type no page lists or changes says so, with the reason, or names the type whose calls reach it (an invoice's lines
/// are read and written with the invoice). The tenancy tests make every call as organisation A on organisation B's rows.
/// </summary>
public sealed record TenancyCase(Type Owned)
{
    public IReadOnlyList<ListCall> Lists { get; init; } = [];
    public IReadOnlyList<ServiceCall> Reads { get; init; } = [];
    public IReadOnlyList<ServiceCall> Changes { get; init; } = [];
    public IReadOnlyList<ServiceCall> Deletes { get; init; } = [];

    /// <summary>The owning type whose calls reach these rows (their ids are never passed alone).</summary>
    public Type? Through { get; init; }

    /// <summary>Why no page reaches these rows at all.</summary>
    public string? Unreached { get; init; }

    public override string ToString() => Owned.Name;

    public static readonly IReadOnlyList<TenancyCase> All =
    [
        new(typeof(Contact))
        {
            Lists = [List<ContactService, Result<ContactResults>>(s => s.SearchAsync(new ContactQuery(), default), r => r.Value!.Items.Select(i => i.Id)),
                     List<ContactLookup, IReadOnlyList<ContactOption>>(s => s.SearchAsync(null, default), r => r.Select(o => o.Id))],
            Reads = [Call<ContactService>((s, id) => s.GetAsync(id, default)), Call<ContactService>((s, id) => s.HistoryAsync(id, null, default)),
                     Call<ContactLookup>((s, id) => s.FindAsync(id, default)), Call<InvoiceDrafts>((s, id) => s.DueServicesAsync(id, default))],
            Changes = [Call<ContactService>((s, id) => s.UpdateAsync(id, new ContactInput { Name = "tampered" }, Guid.Empty, default)),
                       Call<ContactService>((s, id) => s.SetActiveAsync(id, false, default)),
                       Call<InvoiceDrafts>((s, id) => s.CreateFromServicesAsync(id, new[] { Guid.Empty }, default))],
            Deletes = [Call<ContactService>((s, id) => s.DeleteAsync(id, default))],
        },
        new(typeof(Product))
        {
            Lists = [List<ProductService, Result<ProductResults>>(s => s.SearchAsync(new ProductQuery(), default), r => r.Value!.Items.Select(i => i.Id))],
            Reads = [Call<ProductService>((s, id) => s.GetAsync(id, default))],
            Changes = [Call<ProductService>((s, id) => s.UpdateAsync(id, new ProductInput { Name = "tampered", Unit = "each" }, Guid.Empty, default)),
                       Call<ProductService>((s, id) => s.SetActiveAsync(id, false, default))],
            Deletes = [Call<ProductService>((s, id) => s.DeleteAsync(id, default))],
        },
        new(typeof(CrmEvent))
        {
            Lists = [List<CrmEventService, Result<IReadOnlyList<CrmEventItem>>>(s => s.RangeAsync(DateTime.UtcNow.AddDays(-30), DateTime.UtcNow.AddDays(30), false, null, default),
                r => r.Value!.Select(e => e.Id))],
            Reads = [Call<CrmEventService>((s, id) => s.GetAsync(id, default))],
            Changes = [Call<CrmEventService>((s, id) => s.UpdateAsync(id, new CrmEventInput { Title = "tampered" }, Guid.Empty, default)),
                       Call<CrmEventService>((s, id) => s.MoveAsync(id, DateTime.UtcNow, DateTime.UtcNow.AddHours(1), Guid.Empty, default)),
                       Call<CrmEventService>((s, id) => s.MarkDoneAsync(id, Guid.Empty, default))],
        },
        new(typeof(CustomerService))
        {
            Lists = [List<ServiceSubscriptions, Result<ServiceResults>>(s => s.SearchAsync(new ServiceQuery(), default), r => r.Value!.Items.Select(i => i.Id))],
            Reads = [Call<ServiceSubscriptions>((s, id) => s.GetAsync(id, default))],
            Changes = [Call<ServiceSubscriptions>((s, id) => s.UpdateAsync(id, new ServiceInput { Notes = "tampered" }, Guid.Empty, default)),
                       Call<ServiceSubscriptions>((s, id) => s.RenewAsync(id, Guid.Empty, default)),
                       Call<ServiceSubscriptions>((s, id) => s.SetActiveAsync(id, false, default))],
        },
        new(typeof(Ticket))
        {
            Lists = [List<TicketSearch, Result<TicketResults>>(s => s.SearchAsync(new TicketQuery(), default), r => r.Value!.Items.Select(i => i.Id))],
            Reads = [Call<TicketService>((s, id) => s.GetAsync(id, default))],
            Changes = [Call<TicketService>((s, id) => s.UpdateAsync(id, new TicketInput { Title = "tampered" }, Guid.Empty, default)),
                       Call<TicketService>((s, id) => s.AssignAsync(id, null, Guid.Empty, default)),
                       Call<TicketService>((s, id) => s.RescheduleAsync(id, null, null, Guid.Empty, default)),
                       Call<TicketService>((s, id) => s.ScheduleAsync(id, null, null, null, Guid.Empty, default)),
                       Call<TicketService>((s, id) => s.ChangeStatusAsync(id, TicketStatus.Closed, Guid.Empty, default)),
                       Call<TicketService>((s, id) => s.AddCommentAsync(id, "tampered", default)),
                       Call<InvoiceDrafts>((s, id) => s.CreateFromTicketAsync(id, default))],
        },
        new(typeof(TicketTemplate))
        {
            Lists = [List<TicketTemplateService, Result<IReadOnlyList<TemplateSummary>>>(s => s.ListAsync(default), r => r.Value!.Select(t => t.Id))],
            Reads = [Call<TicketTemplateService>((s, id) => s.GetAsync(id, default))],
            Changes = [Call<TicketTemplateService>((s, id) => s.SaveAsync(id, new TemplateInput { Name = "tampered" }, Guid.Empty, default)),
                       Call<TicketTemplateService>((s, id) => s.SetActiveAsync(id, false, default))],
        },
        new(typeof(Invoice))
        {
            Lists = [List<InvoiceQueries, Result<InvoiceResults>>(s => s.SearchAsync(new InvoiceQuery(), default), r => r.Value!.Items.Select(i => i.Id))],
            Reads = [Call<InvoiceQueries>((s, id) => s.GetAsync(id, default)), Call<InvoiceDocumentService>((s, id) => s.DownloadAsync(id, default)) with { Arrange = PdfReady }],
            Changes = [Call<InvoiceDrafts>((s, id) => s.SaveDraftAsync(id, new InvoiceInput(), Guid.Empty, default)),
                       Call<InvoiceDrafts>((s, id) => s.CopyAsync(id, default)),
                       Call<InvoiceIssuing>((s, id) => s.IssueAsync(id, Guid.Empty, default)),
                       Call<InvoicePayments>((s, id) => s.MarkPaidAsync(id, DateOnly.FromDateTime(DateTime.UtcNow), Guid.Empty, default)),
                       Call<InvoicePayments>((s, id) => s.VoidAsync(id, "tampered", Guid.Empty, default)),
                       Call<InvoiceDocumentService>((s, id) => s.RegenerateAsync(id, default))],
            Deletes = [Call<InvoiceDrafts>((s, id) => s.DeleteDraftAsync(id, default))],
        },
        new(typeof(InvoiceLine)) { Through = typeof(Invoice) },
        new(typeof(InvoiceDocument))
        {
            Through = typeof(Invoice),
            Lists = [List<JobsService, Result<JobsOverview>>(s => s.OverviewAsync(default), r => r.Value!.Items.Select(i => i.Id))],
            // A retry is of the failed work in view: another organisation's is never in view, so nothing is retried.
            Changes = [Call<JobsService>((s, id) => s.RetryAsync(WorkKind.InvoicePdf, id, default)) with
            {
                Arrange = PdfFailed,
                Refuses = outcome => outcome is Result<int> { Succeeded: true, Value: 0 },
            }],
        },
        new(typeof(RenewalReminder)) { Unreached = "Reminders are written by the renewal sweep, a job that names its organisation; no page lists or changes them." },
        new(typeof(Notification))
        {
            Lists = [List<NotificationInbox, InboxSummary>(s => s.LatestAsync(default), r => r.Latest.Select(n => n.Id), Roles.Technician)],
            // Marking read answers with the rows it marked: none of another organisation's.
            Changes = [Call<NotificationInbox>((s, id) => s.MarkReadAsync(id, default), Roles.Technician) with { Refuses = outcome => outcome is null or 0 }],
        },
        new(typeof(TicketActivity)) { Through = typeof(Ticket) },
        new(typeof(SlaTarget)) { Unreached = "The SLA settings page reads and saves the organisation's own targets as a whole, by priority, never by id." },
        new(typeof(AuditEntry)) { Unreached = "Entries are never read or changed by their own id: the viewer and a record's History read them through the tenant filter (AuditLogViewerTests: another organisation's log is empty)." },
        new(typeof(TeamInvitation))
        {
            Lists = [List<TeamAdministration, Result<List<InvitationRow>>>(s => s.InvitationsAsync(default), r => r.Value!.Select(i => i.Id))],
            Changes = [Call<TeamAdministration>((s, id) => s.ResendAsync(id, default)), Call<TeamAdministration>((s, id) => s.RevokeAsync(id, default))],
        },
        new(typeof(OrganisationLogo)) { Unreached = "The logo is the organisation's own, read and replaced as a whole by the settings page and the invoice pages, never by id." },
        new(typeof(NumberSequence)) { Unreached = "Sequences are internal to numbering tickets and invoices; no page lists or changes them." },
    ];

    /// <summary>
    /// Methods of feature services that take an id but are not the pages' way to a row of an organisation-owned
    /// type, each with the reason. A new method that takes an id must be a tenancy case or be listed here.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> NotRowCalls = new Dictionary<string, string>
    {
        ["TeamDirectory.FindAssignableAsync"] = "Users are not organisation-owned rows; it checks the user's organisation itself (team tests).",
        ["TeamAdministration.ChangeRoleAsync"] = "Users are not organisation-owned rows; it finds the person among the organisation's members itself (team administration tests).",
        ["TeamAdministration.DeactivateAsync"] = "Users are not organisation-owned rows; it finds the person among the organisation's members itself (team administration tests).",
        ["TeamAdministration.ReactivateAsync"] = "Users are not organisation-owned rows; it finds the person among the organisation's members itself (team administration tests).",
        ["TeamDirectory.IsPossibleOwnerAsync"] = "Users are not organisation-owned rows; it checks the user's organisation itself (contact owner tests).",
        ["DispatchCalendar.OverlapsAsync"] = "Takes a user, not a row; reads only tickets through the tenant filter.",
        ["CrmEventService.RangeAsync"] = "The CRM calendar's range (a list case); the id is an assignee to filter by, and events are read through the tenant filter (CRM event tests).",
        ["TicketSearch.ScheduledAsync"] = "The dispatch calendar's range; the id is a technician to filter by, and tickets are read through the tenant filter (dispatch calendar tests).",
        ["InvoiceDrafts.NewInputAsync"] = "Reads no row: it carries the contact id into a blank draft, and saving the draft checks the contact through the tenant filter (invoice tests).",
        ["RenewalReminderSweep.SweepAsync"] = "A job's sweep, not a page's call; the id is the organisation an Admin's run now confines it to (renewal reminder tests).",
        ["ResellerPortal.DashboardAsync"] = "Resellers are platform records; a reseller's own id replaces any other (reseller tests).",
        ["ResellerPortal.LedgerAsync"] = "Resellers are platform records; a reseller's own id replaces any other (reseller tests).",
        ["ResellerPortal.StatementAsync"] = "Resellers are platform records; a reseller's own id replaces any other (reseller tests).",
        ["CommissionLedger.LinesAsync"] = "Resellers are platform records, read across organisations on purpose, on the asking operation's context (reseller tests).",
        ["CommissionLedger.CloseMonthsAsync"] = "Resellers are platform records, on the asking operation's context (reseller tests).",
        ["CommissionLedger.MarkPaidAsync"] = "Resellers are platform records, on the asking operation's context (reseller tests).",
        ["PlatformOrganisations.GetAsync"] = "Organisations are platform records, for the Platform admin (platform tests).",
        ["PlatformOrganisations.UpdateAsync"] = "Organisations are platform records, for the Platform admin (platform tests).",
        ["PlatformOrganisations.SetStatusAsync"] = "Organisations are platform records, for the Platform admin (platform tests).",
        ["PlatformResellers.UpdateAsync"] = "Resellers are platform records, for the Platform admin (platform tests).",
        ["PlatformResellers.LinkAsync"] = "Links organisations to resellers, for the Platform admin (platform tests).",
        ["PlatformResellers.UnlinkAsync"] = "Links organisations to resellers, for the Platform admin (platform tests).",
        ["PlatformResellers.MarkCommissionPaidAsync"] = "Resellers are platform records, for the Platform admin (platform tests).",
        ["ResellerInvitations.InviteAsync"] = "Resellers are platform records, for the Platform admin (platform tests).",
        ["AuditLog.HistoryAsync"] = "The id is the audited record's, not an entry's; entries are read through the tenant filter (audit viewer tests).",
        ["PlatformCommissionPayouts.MarkPaidAsync"] = "Resellers are platform records; it is PlatformResellers', for the reseller pages (platform tests).",
    };

    /// <summary>The invoice's PDF made (its id is the invoice's), or queued again as the fixture has it.</summary>
    private static Task<int> PdfReady(WorkTrackrDbContext db, Guid invoiceId, bool ready) =>
        db.InvoiceDocuments.Where(d => d.InvoiceId == invoiceId).ExecuteUpdateAsync(d => d
            .SetProperty(x => x.State, ready ? WorkState.Done : WorkState.Pending)
            .SetProperty(x => x.Content, ready ? new byte[] { 37, 80, 68, 70 } : null));

    /// <summary>The PDF job failed for good (the row's id), or is queued again as the fixture has it.</summary>
    private static Task<int> PdfFailed(WorkTrackrDbContext db, Guid documentId, bool failed) =>
        db.InvoiceDocuments.Where(d => d.Id == documentId).ExecuteUpdateAsync(d => d
            .SetProperty(x => x.State, failed ? WorkState.Failed : WorkState.Pending));

    private static ServiceCall Call<TService>(Expression<Func<TService, Guid, Task>> call, string role = Roles.Admin) where TService : notnull
    {
        var invoke = call.Compile();
        return new(MethodOf(call.Body), role, (services, id) => invoke(services.GetRequiredService<TService>(), id));
    }

    private static ListCall List<TService, TResult>(Expression<Func<TService, Task<TResult>>> call, Func<TResult, IEnumerable<Guid>> ids, string role = Roles.Admin)
        where TService : notnull
    {
        var invoke = call.Compile();
        return new(MethodOf(call.Body), role, async services => ids(await invoke(services.GetRequiredService<TService>())));
    }

    private static MethodInfo MethodOf(Expression body) => body switch
    {
        UnaryExpression { NodeType: ExpressionType.Convert } convert => MethodOf(convert.Operand),
        MethodCallExpression call => call.Method,
        _ => throw new ArgumentException($"A tenancy case is one service call, not {body}."),
    };
}
