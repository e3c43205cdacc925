using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Auditing;
using WorkTrackr.Web.Features.Team;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Operations;
using WorkTrackr.Web.Infrastructure.Tenancy;
using WorkTrackr.Web.Infrastructure.TimeZones;

namespace WorkTrackr.Web.Features.Administration;

/// <summary>What the audit log viewer asks for: any of a person, an entity type, a record, and days (in the viewer's zone).</summary>
public sealed record AuditQuery
{
    public Guid? UserId { get; init; }
    public string? EntityType { get; init; }
    public string? EntityId { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; } = 50;
}

/// <summary>One field of an entry: what it held before and after (null where the record was created or deleted).</summary>
public sealed record AuditChange(string Field, string? Old, string? New);

public sealed record AuditRow(Guid Id, DateTime At, Guid? UserId, string Who, string EntityType, string EntityId, AuditAction Action, IReadOnlyList<AuditChange> Changes);

public sealed record AuditPage(IReadOnlyList<AuditRow> Items, int Total);

/// <summary>
/// Reads the audit log (<see cref="AuditInterceptor"/> writes it) for Admins and Managers: filtered and paged in the
/// database, newest first, and exported as CSV with the same filters.
/// </summary>
public sealed class AuditLog(RecordOperations operations, CurrentUser currentUser, TeamDirectory team)
{
    public const int MaxPageSize = 200;

    /// <summary>The kinds of record the log holds, as the filter offers them: the entity type and its name for people.</summary>
    public static readonly IReadOnlyList<(string Type, string Label)> EntityTypes =
    [
        ("Ticket", "Tickets"), ("TicketActivity", "Ticket activity"), ("Contact", "Contacts"), ("CrmEvent", "CRM events"),
        ("Product", "Products"), ("CustomerService", "Customer services"), ("Invoice", "Invoices"), ("InvoiceLine", "Invoice lines"),
        ("TicketTemplate", "Ticket templates"), ("SlaTarget", "SLA targets"), ("Organisation", "Organisation settings"), ("OrganisationLogo", "Logo"),
        ("ApplicationUser", "People"), ("TeamInvitation", "Invitations"),
    ];

    public Task<Result<AuditPage>> SearchAsync(AuditQuery query, CancellationToken cancellationToken = default) =>
        operations.ReadAsync(Capabilities.ViewAudit, async (db, cancellationToken) =>
        {
            var filtered = Filter(db, query);
            var total = await filtered.CountAsync(cancellationToken);
            var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
            var entries = await filtered.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
                .Skip(Math.Max(0, query.Page) * size).Take(size).ToListAsync(cancellationToken);
            return new AuditPage(await RowsAsync(entries, cancellationToken), total);
        }, cancellationToken);

    /// <summary>One record's entries, oldest first: the History tab of its page.</summary>
    public Task<Result<IReadOnlyList<AuditRow>>> HistoryAsync(string entityType, Guid id, CancellationToken cancellationToken = default) =>
        operations.ReadAsync<IReadOnlyList<AuditRow>>(Capabilities.ViewAudit, async (db, cancellationToken) =>
        {
            var key = id.ToString();
            var entries = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == entityType && a.EntityId == key)
                .OrderBy(a => a.At).ThenBy(a => a.Id).Take(MaxPageSize).ToListAsync(cancellationToken);
            return await RowsAsync(entries, cancellationToken);
        }, cancellationToken);

    /// <summary>Every entry the filters select, newest first, as CSV (streamed): one line per entry, its changes in one field.</summary>
    public async Task<Result> ExportCsvAsync(AuditQuery query, TextWriter writer, CancellationToken cancellationToken = default) =>
        await operations.ReadAsync(Capabilities.ViewAudit, async (db, cancellationToken) =>
        {
            var names = await team.NamesAsync(cancellationToken);
            var zone = currentUser.TimeZoneId;
            await CsvExport.WriteAsync(writer, ["When", "Who", "Record type", "Record", "Action", "Changes"],
                Filter(db, query).OrderByDescending(a => a.At).ThenByDescending(a => a.Id).AsAsyncEnumerable(),
                entry =>
                {
                    var row = Row(entry, names);
                    return [DateFormats.Local(row.At, zone, DateFormats.ShortDateTime), row.Who, row.EntityType, row.EntityId, row.Action.ToString(),
                        string.Join("; ", row.Changes.Select(c => $"{c.Field}: {c.Old ?? "—"} → {c.New ?? "—"}"))];
                }, cancellationToken);
            return true;
        }, cancellationToken);

    private IQueryable<AuditEntry> Filter(WorkTrackrDbContext db, AuditQuery query)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (query.UserId is { } userId) entries = entries.Where(a => a.UserId == userId);
        if (!string.IsNullOrWhiteSpace(query.EntityType)) entries = entries.Where(a => a.EntityType == query.EntityType);
        if (!string.IsNullOrWhiteSpace(query.EntityId)) entries = entries.Where(a => a.EntityId == query.EntityId.Trim());
        // Whole days in the viewer's zone, as UTC bounds.
        if (query.From is { } from)
        {
            var start = TimeZones.StartOfDayUtc(from, currentUser.TimeZoneId);
            entries = entries.Where(a => a.At >= start);
        }
        if (query.To is { } to)
        {
            var end = TimeZones.StartOfDayUtc(to.AddDays(1), currentUser.TimeZoneId);
            entries = entries.Where(a => a.At < end);
        }
        return entries;
    }

    private async Task<IReadOnlyList<AuditRow>> RowsAsync(List<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var names = await team.NamesAsync(cancellationToken);
        return [.. entries.Select(e => Row(e, names))];
    }

    private static AuditRow Row(AuditEntry entry, IReadOnlyDictionary<Guid, string> names)
    {
        var changes = ChangesOf(entry.OldValues, entry.NewValues);
        var who = entry.UserId is { } id ? names.GetValueOrDefault(id, "Someone outside the team (the platform, or a person since removed)") : "WorkTrackr (automatic)";
        return new AuditRow(entry.Id, entry.At, entry.UserId, who, entry.EntityType, entry.EntityId, entry.Action, changes);
    }

    /// <summary>An entry's fields, from its old and new values as stored (JSON objects).</summary>
    public static IReadOnlyList<AuditChange> ChangesOf(string? oldValues, string? newValues)
    {
        var (old, @new) = (Parse(oldValues), Parse(newValues));
        return old.Keys.Union(@new.Keys).Select(field => new AuditChange(field, old.GetValueOrDefault(field), @new.GetValueOrDefault(field))).ToList();
    }

    private static Dictionary<string, string?> Parse(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!
            .ToDictionary(p => p.Key, p => p.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => p.Value.GetString(),
                _ => p.Value.GetRawText(),
            });
}
