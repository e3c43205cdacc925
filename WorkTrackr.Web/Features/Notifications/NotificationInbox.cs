using Microsoft.EntityFrameworkCore;
using WorkTrackr.Web.Infrastructure.Operations;
using WorkTrackr.Web.Infrastructure.Tenancy;

namespace WorkTrackr.Web.Features.Notifications;

public sealed record NotificationItem(Guid Id, string Title, string? Body, string? Link, DateTime CreatedAt, bool IsRead);

public sealed record InboxSummary(int Unread, IReadOnlyList<NotificationItem> Latest);

/// <summary>
/// The signed-in person's own notifications: the bell's count and list, and marking them read. Everyone has an inbox,
/// so no capability guards it; every query is confined to the caller's own id.
/// </summary>
public sealed class NotificationInbox(RecordOperations operations, CurrentUser currentUser, TimeProvider clock)
{
    public const int ListLength = 20;

    public Task<int> UnreadCountAsync(CancellationToken cancellationToken = default) =>
        currentUser.UserId is not { } userId ? Task.FromResult(0)
        : operations.WithoutCapabilityAsync((db, cancellationToken) =>
            db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken), cancellationToken);

    /// <summary>Unread first, then the latest read ones.</summary>
    public Task<InboxSummary> LatestAsync(CancellationToken cancellationToken = default) =>
        currentUser.UserId is not { } userId ? Task.FromResult(new InboxSummary(0, []))
        : operations.WithoutCapabilityAsync(async (db, cancellationToken) =>
        {
            var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
            var items = await mine.OrderBy(n => n.ReadAt == null ? 0 : 1).ThenByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(ListLength)
                .Select(n => new NotificationItem(n.Id, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt != null)).ToListAsync(cancellationToken);
            return new InboxSummary(await mine.CountAsync(n => n.ReadAt == null, cancellationToken), items);
        }, cancellationToken);

    public Task MarkReadAsync(Guid id, CancellationToken cancellationToken = default) =>
        currentUser.UserId is not { } userId ? Task.CompletedTask
        : operations.WithoutCapabilityAsync((db, cancellationToken) => db.Notifications.Where(n => n.Id == id && n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAt, clock.GetUtcNow().UtcDateTime), cancellationToken), cancellationToken);

    public Task MarkAllReadAsync(CancellationToken cancellationToken = default) =>
        currentUser.UserId is not { } userId ? Task.CompletedTask
        : operations.WithoutCapabilityAsync((db, cancellationToken) => db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAt, clock.GetUtcNow().UtcDateTime), cancellationToken), cancellationToken);
}
