namespace WorkTrackr.Data.Common;

/// <summary>The organisation whose data a <see cref="WorkTrackrDbContext"/> may see and write; null sees none.</summary>
public interface ITenantContext
{
    Guid? OrganisationId { get; }

    /// <summary>The person acting, for the audit log; none for jobs, seeding and the platform's own work.</summary>
    Guid? UserId => null;

    /// <summary>Where the person acts from (the client's address), for the audit log; none outside a request.</summary>
    string? IpAddress => null;
}

/// <summary>A tenant fixed at construction: for background jobs, seeding and tests, which name their organisation.</summary>
public sealed class FixedTenant(Guid? organisationId, Guid? userId = null) : ITenantContext
{
    public static readonly FixedTenant None = new(null);
    public Guid? OrganisationId { get; } = organisationId;
    public Guid? UserId { get; } = userId;
}

public sealed class TenancyViolationException(string message) : InvalidOperationException(message);
