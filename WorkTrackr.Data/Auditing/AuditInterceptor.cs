using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Identity;
using WorkTrackr.Data.Invoicing;
using WorkTrackr.Data.Notifications;
using WorkTrackr.Data.Organisations;
using WorkTrackr.Data.Services;

namespace WorkTrackr.Data.Auditing;

/// <summary>
/// The one mechanism that writes the audit log: before every save, one <see cref="AuditEntry"/> per created, changed
/// or deleted row of an organisation's data (its records, its settings row, its people), added to the same save and so
/// written in the same transaction; a save that fails or rolls back leaves none. An entry holds who (the context's
/// tenant), when, what (entity type and id), the action, and the old and new values of the fields that changed.
/// Passwords, secrets, tokens and stamps never appear, nor do bookkeeping fields (timestamps, concurrency versions).
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : BeforeSaveInterceptor
{
    /// <summary>Organisation-owned rows that are the app's own bookkeeping rather than anyone's data.</summary>
    private static readonly HashSet<Type> Bookkeeping =
        [typeof(AuditEntry), typeof(NumberSequence), typeof(Notification), typeof(RenewalReminder), typeof(InvoiceDocument)];

    /// <summary>Fields whose values are secret, or change on every save and say nothing.</summary>
    private static readonly string[] HiddenParts = ["Password", "Secret", "Token", "Stamp", "Hash"];
    private static readonly HashSet<string> HiddenFields = ["CreatedAt", "UpdatedAt", "Version", "AccessFailedCount", "OrganisationId"];

    /// <summary>Enums by name, as people read them.</summary>
    private static readonly JsonSerializerOptions Json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    protected override void Apply(DbContext? context)
    {
        if (context is not WorkTrackrDbContext db) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var entries = new List<AuditEntry>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || entry.Metadata.IsOwned()) continue;
            if (OrganisationOf(entry) is not { } organisationId) continue;
            var (oldValues, newValues) = Values(entry);
            if (entry.State == EntityState.Modified && newValues.Count == 0) continue;
            entries.Add(new AuditEntry
            {
                OrganisationId = organisationId,
                UserId = db.CurrentUserId,
                At = now,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue)),
                Action = entry.State switch { EntityState.Added => AuditAction.Created, EntityState.Deleted => AuditAction.Deleted, _ => AuditAction.Updated },
                OldValues = oldValues.Count > 0 ? JsonSerializer.Serialize(oldValues, Json) : null,
                NewValues = newValues.Count > 0 ? JsonSerializer.Serialize(newValues, Json) : null,
            });
        }
        db.AuditEntries.AddRange(entries);
    }

    /// <summary>Whose data the row is: an organisation's record, its own settings row, or one of its people.</summary>
    private static Guid? OrganisationOf(EntityEntry entry) => entry.Entity switch
    {
        _ when Bookkeeping.Contains(entry.Metadata.ClrType) => null,
        IOrganisationOwned owned => owned.OrganisationId,
        Organisation organisation => organisation.Id,
        ApplicationUser user => user.OrganisationId,
        _ => null,
    };

    public static bool IsHidden(string field) =>
        HiddenFields.Contains(field) || HiddenParts.Any(part => field.Contains(part, StringComparison.OrdinalIgnoreCase));

    private static (Dictionary<string, object?> Old, Dictionary<string, object?> New) Values(EntityEntry entry)
    {
        var (old, @new) = (new Dictionary<string, object?>(), new Dictionary<string, object?>());
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            // The key is the entry's EntityId already.
            if (IsHidden(name) || property.Metadata.IsShadowProperty() || property.Metadata.IsPrimaryKey()) continue;
            switch (entry.State)
            {
                // A new or deleted record: what it held, leaving out the empty fields.
                case EntityState.Added when property.CurrentValue is not null:
                    @new[name] = property.CurrentValue;
                    break;
                case EntityState.Deleted when property.OriginalValue is not null:
                    old[name] = property.OriginalValue;
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    old[name] = property.OriginalValue;
                    @new[name] = property.CurrentValue;
                    break;
            }
        }
        return (old, @new);
    }
}
