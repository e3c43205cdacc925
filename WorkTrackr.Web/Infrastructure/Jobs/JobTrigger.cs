using Hangfire;

namespace WorkTrackr.Web.Infrastructure.Jobs;

/// <summary>
/// A job: the name it is scheduled (<c>Jobs:Sweeps:&lt;name&gt;</c>), woken and recorded under, what the jobs page calls
/// it, and how often it sweeps unless the settings say otherwise. Each job's feature (or platform part, as email) declares
/// its own and adds it with <see cref="JobsServiceCollectionExtensions.AddRecordedJob{TJob}"/>; the engine knows none.
/// </summary>
public sealed record JobDefinition(string Name, string Description, TimeSpan Every);

/// <summary>The jobs this app has, in the order they were added, with each one's sweep interval after the settings.</summary>
public sealed class JobCatalog
{
    private readonly Dictionary<string, JobDefinition> byName;

    public JobCatalog(IEnumerable<JobDefinition> jobs, JobOptions options)
    {
        All = jobs.ToList();
        byName = All.ToDictionary(j => j.Name);
        if (options.Sweeps.Keys.FirstOrDefault(job => !byName.ContainsKey(job)) is { } unknown)
            throw new InvalidOperationException($"Jobs:Sweeps:{unknown} is not a job; the jobs are {string.Join(", ", Names)}.");
        Every = All.ToDictionary(j => j.Name, j => options.Sweeps.GetValueOrDefault(j.Name, j.Every));
        foreach (var (job, every) in Every) _ = JobOptions.Cron(every, job);
    }

    public IReadOnlyList<JobDefinition> All { get; }

    public IEnumerable<string> Names => All.Select(j => j.Name);

    /// <summary>How often each job sweeps on its schedule: its own default, or <c>Jobs:Sweeps:&lt;name&gt;</c>.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Every { get; }

    public bool Contains(string job) => byName.ContainsKey(job);

    public string Describe(string job) => byName.TryGetValue(job, out var definition) ? definition.Description : job;
}

/// <summary>Wakes a job now rather than at its next sweep (after an action that queued work for it).</summary>
public interface IJobTrigger
{
    /// <summary>
    /// Wakes the job; <paramref name="manual"/> (a person's "run now") records the run even if it finds nothing, and
    /// <paramref name="organisationId"/> confines a per-organisation job to that organisation. Call it after the
    /// transaction that queued the work has committed: the woken job reads the rows, and a rolled-back row is not there.
    /// </summary>
    Task RunNowAsync(string job, bool manual = false, Guid? organisationId = null);
}

public static class JobTriggerExtensions
{
    /// <inheritdoc cref="IJobTrigger.RunNowAsync"/>
    public static Task RunNowAsync(this IJobTrigger trigger, JobDefinition job, bool manual = false, Guid? organisationId = null) =>
        trigger.RunNowAsync(job.Name, manual, organisationId);
}

/// <summary>Enqueues a Hangfire fire-and-forget job; any node with a Hangfire server on the same storage runs it.</summary>
public sealed partial class HangfireJobTrigger(IBackgroundJobClient client, ILogger<HangfireJobTrigger> logger) : IJobTrigger
{
    public async Task RunNowAsync(string job, bool manual = false, Guid? organisationId = null)
    {
        try
        {
            // Hangfire's client is synchronous (a database round trip on PostgreSQL): keep it off the circuit's thread.
            await Task.Run(() => client.Enqueue<JobRunner>(runner => runner.RunAsync(job, manual, organisationId, CancellationToken.None)));
        }
        catch (Exception exception)
        {
            // The work is in its row; the recurring sweep does it. Waking early is only a courtesy, so a storage hiccup
            // must not fail the user's action, which has already been saved.
            LogWakeFailed(logger, exception, job);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not wake job {Job}")]
    private static partial void LogWakeFailed(ILogger logger, Exception exception, string job);
}

/// <summary>
/// Where nobody could run a woken job (Jobs:Enabled=false on the in-memory storage, as in service tests), queued work
/// waits in its rows rather than piling up as Hangfire jobs in this process's memory.
/// </summary>
public sealed class NoJobTrigger : IJobTrigger
{
    public Task RunNowAsync(string job, bool manual = false, Guid? organisationId = null) => Task.CompletedTask;
}

/// <summary>
/// Hangfire's entry point for every job: it resolves the sweep by name, in the job's own DI scope. No Hangfire retries
/// (the default is ten): a sweep records its own failures and the rows retry on their own back-off. A job that fails
/// all the same (its run could not even be recorded, as when the database is down) is logged and deleted, not kept as
/// a failed job for ever; the next sweep does its work.
/// </summary>
[AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
public sealed class JobRunner(IServiceProvider services)
{
    [JobDisplayName("{0}")]
    public Task RunAsync(string job, bool manual, Guid? organisationId, CancellationToken cancellationToken) =>
        services.GetRequiredKeyedService<RecordedJob>(job).ExecuteAsync(manual, organisationId, cancellationToken);
}
