using Microsoft.EntityFrameworkCore;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Operations;
using WorkTrackr.Web.Infrastructure.Tenancy;

namespace WorkTrackr.Web.Features.Onboarding;

/// <summary>One step of setting up a new organisation, and whether it is done.</summary>
public sealed record GettingStartedStep(string Key, string Title, string Hint, string Href, bool Done);

/// <summary>
/// The short list a new organisation's Admin sees on the dashboard: invite the team, set the organisation's details,
/// add contacts, add products, make a ticket template. Each step is read from the data (it ticks itself off when done);
/// the list is gone once every step is done, or once an Admin dismisses it.
/// </summary>
public sealed class GettingStarted(RecordOperations operations, CurrentUser currentUser)
{
    /// <summary>The steps, or null when the list is not shown (all done, dismissed, or the caller is not an Admin).</summary>
    public async Task<IReadOnlyList<GettingStartedStep>?> StepsAsync(CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ManageOrganisation)) return null;
        var steps = await operations.ReadAsync(Capabilities.ManageOrganisation, async (db, cancellationToken) =>
        {
            // One round trip: the dashboard asks on every load (the tenant filter confines each subquery).
            var state = await db.Organisations.AsNoTracking().Where(o => o.Id == db.CurrentOrganisationId).Select(o => new
            {
                o.GettingStartedDismissed,
                Invited = db.TeamInvitations.Any() || db.Users.Count(u => u.OrganisationId == o.Id) > 1,
                HasDetails = o.Address != null || o.TaxNumber != null || o.LegalName != null || db.OrganisationLogos.Any(),
                HasContacts = db.Contacts.Any(),
                HasProducts = db.Products.Any(),
                HasTemplates = db.TicketTemplates.Any(),
            }).SingleAsync(cancellationToken);
            if (state.GettingStartedDismissed) return null;
            return (IReadOnlyList<GettingStartedStep>)
            [
                new("team", "Invite your team", "Give dispatchers and technicians their own sign-in.", "admin/team", state.Invited),
                new("organisation", "Set your organisation's details", "Address, tax number and logo for your invoices.", "admin/organisation", state.HasDetails),
                new("contacts", "Import your contacts", "From a spreadsheet, or add them one by one.", "import/contacts", state.HasContacts),
                new("products", "Import your products and services", "What you sell and support, with prices.", "import/products", state.HasProducts),
                new("templates", "Make a ticket template", "The kinds of job you do, and the fields each asks for.", "admin/templates/new", state.HasTemplates),
            ];
        }, cancellationToken);
        return steps.Value is { } list && list.Any(s => !s.Done) ? list : null;
    }

    /// <summary>Hides the list for the whole organisation.</summary>
    public Task<Result> DismissAsync(CancellationToken cancellationToken = default) =>
        operations.ChangeAsync(new Change<Data.Organisations.Organisation>(Capabilities.ManageOrganisation, currentUser.OrganisationId ?? Guid.Empty)
        {
            What = "Your organisation",
            // Organisations are not tenant-filtered: the caller's own is the one row this may load.
            Query = db => db.Organisations.Where(o => o.Id == db.CurrentOrganisationId),
            Apply = Steps.Do<Data.Organisations.Organisation>(op => op.Row.GettingStartedDismissed = true),
        }, cancellationToken);
}
