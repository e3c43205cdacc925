using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;

namespace WorkTrackr.Web.Features.Contacts;

public sealed record ContactOption(Guid Id, string Name);

/// <summary>Finds contacts by name for pickers, a few at a time, so a picker stays fast with tens of thousands.</summary>
public sealed class ContactLookup(IDbContextFactory<WorkTrackrDbContext> dbFactory)
{
    public const int PageSize = 20;

    public async Task<IReadOnlyList<ContactOption>> SearchAsync(string? text, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var contacts = db.Contacts.AsNoTracking().Where(c => c.IsActive);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var lower = text.Trim().ToLowerInvariant();
            contacts = contacts.Where(c => c.Name.ToLower().Contains(lower));
        }
        return await contacts.OrderBy(c => c.Name).Take(PageSize).Select(c => new ContactOption(c.Id, c.Name)).ToListAsync(cancellationToken);
    }

    public async Task<ContactOption?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Contacts.AsNoTracking().Where(c => c.Id == id).Select(c => new ContactOption(c.Id, c.Name)).SingleOrDefaultAsync(cancellationToken);
    }
}
