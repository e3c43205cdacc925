namespace WorkTrackr.Data.Common;

/// <summary>Rows with a UUID key and creation/update instants (UTC) kept by <see cref="AuditableInterceptor"/>.</summary>
public abstract class Entity : IHasTimestamps
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public interface IHasTimestamps
{
    DateTime CreatedAt { get; set; }
    DateTime UpdatedAt { get; set; }
}

/// <summary>
/// Rows that belong to one organisation. The context filters every query on them to the current organisation
/// and <see cref="TenancyInterceptor"/> stamps and guards <see cref="OrganisationId"/> on save.
/// </summary>
public interface IOrganisationOwned
{
    Guid OrganisationId { get; set; }
}

/// <summary>
/// Records that two people may edit at once. <see cref="Version"/> is a concurrency token renewed on every save,
/// so a stale save fails with <c>DbUpdateConcurrencyException</c> on every provider.
/// </summary>
public interface IConcurrencyVersioned
{
    Guid Version { get; set; }
}

/// <summary>Records that history points at are deactivated, never deleted.</summary>
public interface ISoftDeletable
{
    bool IsActive { get; set; }
}
