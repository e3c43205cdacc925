using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Common;

namespace WorkTrackr.Web.Infrastructure.Jobs;

/// <summary>
/// Contexts for background jobs, which have no signed-in user: one fixed to a named organisation for the work itself,
/// and the one place jobs look across organisations, to find what is due (docs/ARCHITECTURE.md, tenancy and jobs).
/// </summary>
public sealed class JobDatabase(DbContextOptions<WorkTrackrDbContext> options)
{
    /// <summary>
    /// A context that sees and writes one organisation's rows, as that organisation's users would; the audit log names
    /// <paramref name="actingUserId"/> as who saved (none for a job).
    /// </summary>
    public WorkTrackrDbContext For(Guid organisationId, Guid? actingUserId = null) => new(options, new FixedTenant(organisationId, actingUserId));

    /// <summary>
    /// Rows of every organisation. Sweeps find due work here and then do it through <see cref="For"/>; the one write
    /// through it is the Platform admin's "retry" on the jobs page (JobsService). Bulk updates bypass the tenancy
    /// interceptor, so nothing else may update through this.
    /// </summary>
    public IQueryable<T> AcrossOrganisations<T>(WorkTrackrDbContext sweep) where T : class =>
        sweep.Set<T>().IgnoreQueryFilters([WorkTrackrDbContext.TenantFilter]).AsNoTracking();

    /// <summary>A context with no organisation, for <see cref="AcrossOrganisations{T}"/> and platform-level rows.</summary>
    public WorkTrackrDbContext Platform() => new(options, FixedTenant.None);
}
