using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Web.Infrastructure.Tenancy;

namespace WorkTrackr.Web.Features.Notifications;

public sealed record NotificationItem(Guid Id, string Title, string? Body, string? Link, DateTime CreatedAt, bool IsRead);

public sealed record InboxSummary(int Unread, IReadOnlyList<NotificationItem> Latest);

/// <summary>The signed-in person's own notifications: the bell's count and list, and marking them read.</summary>
public sealed class NotificationInbox(IDbContextFactory<WorkTrackrDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public const int ListLength = 20;

    public async Task<int> UnreadCountAsync(CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } userId) return 0;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);
    }

    /// <summary>Unread first, then the latest read ones.</summary>
    public async Task<InboxSummary> LatestAsync(CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } userId) return new InboxSummary(0, []);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        var items = await mine.OrderBy(n => n.ReadAt == null ? 0 : 1).ThenByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(ListLength)
            .Select(n => new NotificationItem(n.Id, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt != null)).ToListAsync(cancellationToken);
        return new InboxSummary(await mine.CountAsync(n => n.ReadAt == null, cancellationToken), items);
    }

    public async Task MarkReadAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } userId) return;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Notifications.Where(n => n.Id == id && n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAt, now), cancellationToken);
    }

    public async Task MarkAllReadAsync(CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } userId) return;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAt, now), cancellationToken);
    }
}
