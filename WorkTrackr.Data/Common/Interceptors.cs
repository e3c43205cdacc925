using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WorkTrackr.Data.Common;

/// <summary>Runs <see cref="Apply"/> on the tracked changes before every save, synchronous or not.</summary>
public abstract class BeforeSaveInterceptor : SaveChangesInterceptor
{
    protected abstract void Apply(DbContext? context);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Apply(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Apply(eventData.Context);
        return ValueTask.FromResult(result);
    }
}

/// <summary>Keeps <see cref="IHasTimestamps"/> in UTC and renews <see cref="IConcurrencyVersioned.Version"/> on each save.</summary>
public sealed class AuditableInterceptor(TimeProvider clock) : BeforeSaveInterceptor
{
    protected override void Apply(DbContext? context)
    {
        if (context is null) return;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            if (entry.Entity is IHasTimestamps stamped)
            {
                if (entry.State == EntityState.Added && stamped.CreatedAt == default) stamped.CreatedAt = now;
                if (entry.State == EntityState.Modified) entry.Property(nameof(IHasTimestamps.CreatedAt)).IsModified = false;
                stamped.UpdatedAt = now;
            }
            if (entry.Entity is IConcurrencyVersioned versioned)
            {
                versioned.Version = Guid.NewGuid();
            }
        }
    }
}

/// <summary>
/// Stamps the current organisation on new organisation-owned rows and refuses any write to a row of another
/// organisation, or any organisation-owned write at all when no organisation is current.
/// </summary>
public sealed class TenancyInterceptor : BeforeSaveInterceptor
{
    protected override void Apply(DbContext? context)
    {
        if (context is not WorkTrackrDbContext db) return;
        var current = db.CurrentOrganisationId;
        foreach (var entry in db.ChangeTracker.Entries<IOrganisationOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            if (current is null)
                throw new TenancyViolationException($"No organisation is current; cannot write {entry.Metadata.ClrType.Name}.");

            var property = entry.Property(e => e.OrganisationId);
            switch (entry.State)
            {
                case EntityState.Added:
                    if (entry.Entity.OrganisationId == Guid.Empty) entry.Entity.OrganisationId = current.Value;
                    else Guard(entry, entry.Entity.OrganisationId, current.Value);
                    break;
                case EntityState.Modified:
                case EntityState.Deleted:
                    Guard(entry, property.OriginalValue, current.Value);
                    Guard(entry, property.CurrentValue, current.Value);
                    break;
            }
        }
    }

    private static void Guard(EntityEntry<IOrganisationOwned> entry, Guid rowOrganisation, Guid current)
    {
        if (rowOrganisation != current)
        {
            throw new TenancyViolationException(
                $"Refused to {entry.State.ToString().ToLowerInvariant()} a {entry.Metadata.ClrType.Name} of another organisation.");
        }
    }
}
