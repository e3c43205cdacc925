using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Common;
using WorkTrackr.Web.Infrastructure;

namespace WorkTrackr.Web.Features.Common;

/// <summary>
/// List, read, change and remove organisation-owned records, one context per operation. Rows are always loaded
/// through the tenant query filter before they are changed, so a record of another organisation is simply not found;
/// the context's tenancy interceptor refuses anything that slips past. Feature services build on this.
/// </summary>
public sealed class OrganisationRecords(IDbContextFactory<WorkTrackrDbContext> dbFactory)
{
    public async Task<IReadOnlyList<T>> ListAsync<T>(Func<IQueryable<T>, IQueryable<T>>? shape = null, CancellationToken cancellationToken = default)
        where T : class, IOrganisationOwned
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Set<T>().AsNoTracking();
        return await (shape is null ? query : shape(query)).ToListAsync(cancellationToken);
    }

    public async Task<T?> FindAsync<T>(Guid id, CancellationToken cancellationToken = default) where T : class, IOrganisationOwned
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<T>().AsNoTracking().SingleOrDefaultAsync(e => EF.Property<Guid>(e, "Id") == id, cancellationToken);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the record and saves it. With <paramref name="expectedVersion"/> (the version
    /// the user opened), a record someone else saved in the meantime is not overwritten: the result is a conflict.
    /// Without it, the change applies to whatever is current.
    /// </summary>
    public async Task<Result> UpdateAsync<T>(Guid id, Guid? expectedVersion, Action<T> change, CancellationToken cancellationToken = default)
        where T : class, IOrganisationOwned
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await db.Set<T>().SingleOrDefaultAsync(e => EF.Property<Guid>(e, "Id") == id, cancellationToken);
        if (entity is null) return Result.NotFound();
        // The version loaded is the one the UPDATE checks, so a save in between is caught there too.
        if (entity is IConcurrencyVersioned versioned && expectedVersion is { } expected && versioned.Version != expected)
            return Result.Conflict();
        change(entity);
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>Deactivates records that history points at; deletes the others.</summary>
    public async Task<Result> RemoveAsync<T>(Guid id, CancellationToken cancellationToken = default) where T : class, IOrganisationOwned
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await db.Set<T>().SingleOrDefaultAsync(e => EF.Property<Guid>(e, "Id") == id, cancellationToken);
        if (entity is null) return Result.NotFound();
        if (entity is ISoftDeletable soft) soft.IsActive = false;
        else db.Remove(entity);
        return await db.SaveOrConflictAsync(cancellationToken);
    }

}
