using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;

namespace WorkTrackr.Web.Infrastructure.Changes;

public sealed class DataChangeOptions
{
    public const string Section = "DataChanges";

    /// <summary>How often each node reads the change counters of the organisations it has open views for.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>
/// Tells open views when their organisation's records change, on whichever node the change was saved. Each node polls
/// <c>DataChangeStamps</c> (raised by <c>ChangeStampInterceptor</c> after every save) for the organisations it has
/// subscribers for: one small indexed query per interval however many circuits are open, and nothing outside the
/// database, so any number of nodes sharing one database see each other's changes within an interval.
/// </summary>
public sealed partial class DataChangeFeed(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<DataChangeOptions> options,
    ILogger<DataChangeFeed> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Subscription, byte>> subscribers = new();
    private readonly ConcurrentDictionary<Guid, long> seen = new();

    /// <summary>Calls <paramref name="changed"/> after each change to the organisation's records until disposed.</summary>
    public IDisposable Subscribe(Guid organisationId, Func<Task> changed)
    {
        var subscription = new Subscription(this, organisationId, changed);
        subscribers.GetOrAdd(organisationId, _ => new()).TryAdd(subscription, 0);
        return subscription;
    }

    /// <summary>
    /// As <see cref="Subscribe"/>, and takes the organisation's baseline now if this node has none yet, rather than at
    /// the next tick: a change saved after this returns is reported, however soon. A view that reads what it shows after
    /// awaiting this misses nothing (with <see cref="Subscribe"/> alone, a change saved before the next tick becomes part
    /// of the baseline and is never reported). Disposes the subscription if reading the baseline fails.
    /// </summary>
    public async Task<IDisposable> SubscribeAsync(Guid organisationId, Func<Task> changed, CancellationToken cancellationToken = default)
    {
        var subscription = Subscribe(organisationId, changed);
        if (seen.ContainsKey(organisationId)) return subscription;
        try
        {
            var versions = await ReadVersionsAsync([organisationId], cancellationToken);
            // A poll may have taken a baseline meanwhile; either reading is after the subscription, so either will do.
            seen.TryAdd(organisationId, versions.GetValueOrDefault(organisationId));
            return subscription;
        }
        catch
        {
            subscription.Dispose();
            throw;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PollAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A dropped connection or a busy database: views keep what they show, and the next tick tries again.
                LogPollFailed(logger, ex);
            }
        }
    }

    internal async Task PollAsync(CancellationToken cancellationToken)
    {
        // An organisation nobody watches any more loses its baseline, so a view opened later starts from a fresh one.
        foreach (var (organisationId, subs) in subscribers)
        {
            // A view that subscribed meanwhile found this baseline and kept it: put it back (a change since is then
            // reported, at worst once too often, rather than absorbed into a fresh baseline).
            if (subs.IsEmpty && seen.TryRemove(organisationId, out var removed) && !subs.IsEmpty) seen.TryAdd(organisationId, removed);
        }
        var watched = subscribers.Where(s => !s.Value.IsEmpty).Select(s => s.Key).ToList();
        if (watched.Count == 0) return;
        var versions = await ReadVersionsAsync(watched, cancellationToken);
        foreach (var organisationId in watched)
        {
            var version = versions.GetValueOrDefault(organisationId);
            // The first reading for an organisation is its baseline: its views have just loaded what is there.
            if (!seen.TryGetValue(organisationId, out var previous))
            {
                seen[organisationId] = version;
                continue;
            }
            if (version == previous) continue;
            seen[organisationId] = version;
            if (subscribers.TryGetValue(organisationId, out var subs))
                await Task.WhenAll(subs.Keys.Select(s => s.NotifyAsync(logger)));
        }
    }

    private async Task<Dictionary<Guid, long>> ReadVersionsAsync(List<Guid> organisations, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<WorkTrackrDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.DataChangeStamps.AsNoTracking().Where(s => organisations.Contains(s.OrganisationId))
            .ToDictionaryAsync(s => s.OrganisationId, s => s.Version, cancellationToken);
    }

    private void Remove(Subscription subscription)
    {
        if (subscribers.TryGetValue(subscription.OrganisationId, out var subs)) subs.TryRemove(subscription, out _);
    }

    private sealed class Subscription(DataChangeFeed feed, Guid organisationId, Func<Task> changed) : IDisposable
    {
        public Guid OrganisationId => organisationId;

        public async Task NotifyAsync(ILogger log)
        {
            try
            {
                await changed();
            }
            catch (Exception ex)
            {
                // One view failing to refresh must not stop the others hearing of the change.
                LogViewFailed(log, ex);
            }
        }

        public void Dispose() => feed.Remove(this);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading data change stamps failed")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A view failed to handle a data change")]
    private static partial void LogViewFailed(ILogger logger, Exception exception);
}
