using Microsoft.EntityFrameworkCore;
using WorkTrackr.Web.Infrastructure.Operations;

namespace WorkTrackr.Web.Features.Contacts;

public sealed record ContactOption(Guid Id, string Name);

/// <summary>
/// Finds contacts by name for pickers, a few at a time, so a picker stays fast with tens of thousands. Every page with a
/// contact picker or filter uses it, a technician's ticket list too, so no capability guards it: the tenant filter
/// confines it to the organisation's own contacts (<see cref="RecordOperations.WithoutCapabilityAsync{TOut}"/>).
/// </summary>
public sealed class ContactLookup(RecordOperations operations)
{
    public const int PageSize = 20;

    public Task<IReadOnlyList<ContactOption>> SearchAsync(string? text, CancellationToken cancellationToken = default) =>
        operations.WithoutCapabilityAsync<IReadOnlyList<ContactOption>>(async (db, cancellationToken) =>
        {
            var contacts = db.Contacts.AsNoTracking().Where(c => c.IsActive);
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
            db.Contacts.AsNoTracking().Where(c => c.Id == id).Select(c => new ContactOption(c.Id, c.Name)).SingleOrDefaultAsync(cancellationToken), cancellationToken);
}
