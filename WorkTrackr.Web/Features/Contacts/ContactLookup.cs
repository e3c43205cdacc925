using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Contacts;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Operations;
using WorkTrackr.Web.Infrastructure.Tenancy;

namespace WorkTrackr.Web.Features.Contacts;

public sealed record ContactOption(Guid Id, string Name);

/// <summary>
/// Finds contacts by name for pickers, a few at a time, so a picker stays fast with tens of thousands. Every page with a
/// contact picker or filter uses it, a technician's ticket list too. Someone who may see contacts searches the
/// organisation's directory; anyone else (a technician) only the contacts of the tickets assigned to them, so the
/// picker is no way into the directory.
/// </summary>
public sealed class ContactLookup(RecordOperations operations, CurrentUser currentUser)
{
    public const int PageSize = 20;

    public Task<IReadOnlyList<ContactOption>> SearchAsync(string? text, CancellationToken cancellationToken = default) =>
        operations.WithoutCapabilityAsync<IReadOnlyList<ContactOption>>(async (db, cancellationToken) =>
        {
            var contacts = Visible(db).Where(c => c.IsActive);
            if (!string.IsNullOrWhiteSpace(text))
            {
                var lower = text.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // EF Core turns ToLower() into SQL lower(); these rules are about .NET string code (see dotnet/efcore#21758).
                contacts = contacts.Where(c => c.Name.ToLower().Contains(lower));
#pragma warning restore CA1304, CA1311, CA1862
            }
            return await contacts.OrderBy(c => c.Name).Take(PageSize).Select(c => new ContactOption(c.Id, c.Name)).ToListAsync(cancellationToken);
        }, cancellationToken);

    public Task<ContactOption?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        operations.WithoutCapabilityAsync((db, cancellationToken) =>
            Visible(db).Where(c => c.Id == id).Select(c => new ContactOption(c.Id, c.Name)).SingleOrDefaultAsync(cancellationToken), cancellationToken);

    private IQueryable<Contact> Visible(WorkTrackrDbContext db)
    {
        var contacts = db.Contacts.AsNoTracking();
        if (currentUser.Can(Capabilities.ViewContacts)) return contacts;
        var userId = currentUser.UserId;
        return contacts.Where(c => db.Tickets.Any(t => t.ContactId == c.Id && t.AssignedUserId == userId));
    }
}
