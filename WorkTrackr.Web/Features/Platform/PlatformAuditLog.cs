using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data.Auditing;
using WorkTrackr.Web.Features.Administration;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Operations;

namespace WorkTrackr.Web.Features.Platform;

/// <param name="Record">What the entry is about, by name where it has one (an organisation, a reseller), else its id.</param>
/// <param name="Organisation">The organisation it concerns, if any.</param>
public sealed record PlatformAuditRow(AuditRow Entry, string Record, string? Organisation);

public sealed record PlatformAuditResults(IReadOnlyList<PlatformAuditRow> Items, int Total);

/// <summary>The Platform admin's audit log (<see cref="PlatformAuditEntry"/>): newest first, by kind of record, paged in the database.</summary>
public sealed class PlatformAuditLog(RecordOperations operations)
{
    public const int PageSize = 50;

    public static readonly IReadOnlyList<(string Type, string Label)> EntityTypes =
    [
        ("Organisation", "Organisations"), ("OrganisationPlanChange", "Plan changes"), ("PlanPrice", "Plan prices"), ("Reseller", "Resellers"),
        ("ResellerRate", "Commission rates"), ("ResellerLink", "Links to resellers"), ("CommissionEntry", "Commission payouts"),
        ("ApplicationUser", "Platform and reseller people"),
    ];

    public Task<Result<PlatformAuditResults>> SearchAsync(string? entityType, int page, CancellationToken cancellationToken = default) =>
        operations.ReadAsync(Capabilities.ManagePlatform, async (db, cancellationToken) =>
        {
            var entries = db.PlatformAuditEntries.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(entityType)) entries = entries.Where(e => e.EntityType == entityType);
            var total = await entries.CountAsync(cancellationToken);
            var rows = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
                .Skip(Math.Max(0, page) * PageSize).Take(PageSize).ToListAsync(cancellationToken);

            var userIds = rows.Select(r => r.UserId).OfType<Guid>().Distinct().ToList();
            var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
            var organisationIds = rows.Select(r => r.OrganisationId).OfType<Guid>().Distinct().ToList();
            var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
            var resellerIds = rows.Where(r => r.EntityType == "Reseller").Select(r => Guid.TryParse(r.EntityId, out var id) ? id : Guid.Empty).ToList();
            var resellers = await db.Resellers.AsNoTracking().Where(r => resellerIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id.ToString(), r => r.Name, cancellationToken);

            return new PlatformAuditResults(rows.Select(e =>
            {
                var who = e.UserId is { } id ? people.GetValueOrDefault(id, "A person since removed") : "WorkTrackr (a registration or a job)";
                var row = new AuditRow(e.Id, e.At, e.UserId, who, e.EntityType, e.EntityId, e.Action, AuditLog.ChangesOf(e.OldValues, e.NewValues));
                var organisation = e.OrganisationId is { } o ? organisations.GetValueOrDefault(o, "(deleted organisation)") : null;
                var record = e.EntityType == "Organisation" ? organisation ?? e.EntityId : resellers.GetValueOrDefault(e.EntityId, e.EntityId);
                return new PlatformAuditRow(row, record, e.EntityType == "Organisation" ? null : organisation);
            }).ToList(), total);
        }, cancellationToken);
}
