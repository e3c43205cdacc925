using System.Text.Json;
using Microsoft.AspNetCore.Identity;
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
    private static readonly string[] HiddenParts = ["Password", "Secret", "Token", "Stamp", "Hash", "Normalized"];
    private static readonly HashSet<string> HiddenFields = ["CreatedAt", "UpdatedAt", "Version", "AccessFailedCount", "OrganisationId"];

    /// <summary>Enums by name, as people read them.</summary>
    private static readonly JsonSerializerOptions Json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    protected override void Apply(DbContext? context)
    {
        if (context is not WorkTrackrDbContext db) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var changes = new List<Change>();
        var platform = new List<PlatformAuditEntry>();
        // A save with no organisation current is the platform's own (the Platform admin, a registration, a job's sweep).
        var platformSave = db.CurrentOrganisationId is null;
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || entry.Metadata.IsOwned()) continue;
            var organisationId = OrganisationOf(entry);
            var platformChange = platformSave ? PlatformSubject(entry) : null;
            if (organisationId is null && platformChange is null) continue;
            var (oldValues, newValues) = Values(entry);
            if (entry.State == EntityState.Modified && newValues.Count == 0) continue;
            var entityId = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));
            var action = entry.State switch { EntityState.Added => AuditAction.Created, EntityState.Deleted => AuditAction.Deleted, _ => AuditAction.Updated };
            if (organisationId is { } owner) changes.Add(new Change(owner, entry.Metadata.ClrType.Name, entityId, action, oldValues, newValues));
            if (platformChange is { } subject)
            {
                platform.Add(new PlatformAuditEntry
                {
                    UserId = db.CurrentUserId, At = now, EntityType = entry.Metadata.ClrType.Name, EntityId = entityId, OrganisationId = subject.Organisation,
                    Action = action, OldValues = Serialize(oldValues), NewValues = Serialize(newValues), IpAddress = db.CurrentIpAddress,
                });
            }
        }
        db.PlatformAuditEntries.AddRange(platform);
        AddRoleChanges(db, changes);
        db.AuditEntries.AddRange(changes.Select(c => new AuditEntry
        {
            OrganisationId = c.OrganisationId,
            UserId = db.CurrentUserId,
            At = now,
            EntityType = c.EntityType,
            EntityId = c.EntityId,
            Action = c.Action,
            OldValues = Serialize(c.Old),
            NewValues = Serialize(c.New),
            IpAddress = db.CurrentIpAddress,
        }));
    }

    private sealed record Change(Guid OrganisationId, string EntityType, string EntityId, AuditAction Action,
        Dictionary<string, object?> Old, Dictionary<string, object?> New);

    /// <summary>
    /// A person's role is a row of Identity's user-roles table; it is written as the person's own <c>Role</c> field, so a
    /// change of role reads "Role: Dispatcher → Manager" in their history, and a new person's entry carries their role.
    /// </summary>
    private static void AddRoleChanges(WorkTrackrDbContext db, List<Change> changes)
    {
        var rows = db.ChangeTracker.Entries<IdentityUserRole<Guid>>().Where(e => e.State is EntityState.Added or EntityState.Deleted).ToList();
        foreach (var person in rows.GroupBy(e => e.Entity.UserId))
        {
            // The person and the roles are tracked already in a team change; Find asks the database only if not.
            if (db.Users.Find(person.Key) is not { OrganisationId: { } organisationId }) continue;
            string? RoleNames(EntityState state) => person.Where(e => e.State == state).Select(e => db.Roles.Find(e.Entity.RoleId)?.Name)
                .OfType<string>().Order(StringComparer.Ordinal).DefaultIfEmpty().Aggregate((a, b) => $"{a}, {b}");
            var (removed, added) = (RoleNames(EntityState.Deleted), RoleNames(EntityState.Added));
            var id = person.Key.ToString();
            var change = changes.FirstOrDefault(c => c.EntityType == nameof(ApplicationUser) && c.EntityId == id);
            if (change is null)
            {
                change = new Change(organisationId, nameof(ApplicationUser), id, AuditAction.Updated, [], []);
                changes.Add(change);
            }
            if (removed is not null && change.Action != AuditAction.Created) change.Old[RoleField] = removed;
            if (added is not null && change.Action != AuditAction.Deleted) change.New[RoleField] = added;
        }
    }

    private const string RoleField = "Role";

    private readonly record struct PlatformRecord(Guid? Organisation);

    private static string? Serialize(Dictionary<string, object?> values) => values.Count > 0 ? JsonSerializer.Serialize(values, Json) : null;

    /// <summary>A platform record, and the organisation it is about (null for none): what the Platform admin's log holds.</summary>
    private static PlatformRecord? PlatformSubject(EntityEntry entry) => entry.Entity switch
    {
        Organisation organisation => new PlatformRecord(organisation.Id),
        OrganisationPlanChange change => new PlatformRecord(change.OrganisationId),
        Resellers.ResellerLink link => new PlatformRecord(link.OrganisationId),
        // Commission is computed and kept by the monthly job; what a person does to it is paying it.
        Resellers.CommissionEntry commission when entry.State == EntityState.Modified => new PlatformRecord(commission.OrganisationId),
        PlanPrice or Resellers.Reseller or Resellers.ResellerRate => new PlatformRecord(null),
        ApplicationUser { OrganisationId: null } => new PlatformRecord(null),
        _ => null,
    };

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

    /// <summary>A file (a logo) is written as its size, not its bytes.</summary>
    private static object? Readable(object? value) => value is byte[] bytes ? $"{bytes.Length:N0} bytes" : value;

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
                    @new[name] = Readable(property.CurrentValue);
                    break;
                case EntityState.Deleted when property.OriginalValue is not null:
                    old[name] = Readable(property.OriginalValue);
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue)
                    && !(property.OriginalValue is byte[] was && property.CurrentValue is byte[] now && was.AsSpan().SequenceEqual(now)):
                    old[name] = Readable(property.OriginalValue);
                    @new[name] = Readable(property.CurrentValue);
                    break;
            }
        }
        return (old, @new);
    }
}
