using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Storage;
using WorkTrackr.Data;
using WorkTrackr.Web.Infrastructure.Authorization;

namespace WorkTrackr.Web.Infrastructure.Jobs;

public static class JobsServiceCollectionExtensions
{
    public const string DashboardPath = "/admin/hangfire";

    /// <summary>
    /// The background workers, and Hangfire to run them. The durable state is in our own rows (invoice documents, emails,
    /// reminders), written in the transaction that causes the work; Hangfire wakes a worker after the commit (a
    /// fire-and-forget job) and runs every sweep on a schedule as the safety net (recurring jobs).
    /// <list type="bullet">
    /// <item>PostgreSQL: Hangfire.PostgreSql in its own <c>hangfire</c> schema, so every node shares one queue and one
    /// schedule, and each recurring run happens once across nodes.</item>
    /// <item>SQLite (the single-node embedded default): Hangfire.InMemory. Nothing of value lives in it, and it never
    /// touches the app's database file (README, "Background jobs").</item>
    /// </list>
    /// <c>Jobs:Enabled=false</c> leaves the Hangfire server out of this process, as service tests and page-only nodes do.
    /// The engine knows no job itself: each is a <see cref="RecordedJob"/> that its feature (or platform part, as email)
    /// adds with <see cref="AddRecordedJob{TJob}"/>, under its <see cref="JobDefinition"/>; <see cref="JobCatalog"/> lists them.
    /// </summary>
    public static IServiceCollection AddWorkTrackrJobs(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        services.AddScoped<JobDatabase>();
        services.AddScoped<JobRunner>();

        var options = configuration.GetSection(JobOptions.Section).Get<JobOptions>() ?? new JobOptions();
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton<JobCatalog>();
        var (provider, connectionString) = DataServiceCollectionExtensions.ResolveDatabase(configuration, contentRootPath);
        var shared = provider == DatabaseProvider.Postgres;

        // Storage and activator are given to Hangfire through DI, not its static JobStorage.Current and
        // JobActivator.Current, so two hosts in one process (as in the tests) never run each other's jobs. Its filters
        // (GlobalJobFilters) and its logging (LogProvider) stay process-wide: the filters are the same for every host,
        // and HostLogProvider survives the host that set it.
        if (shared)
        {
            services.AddSingleton(_ => new HangfireDataSource(connectionString));
            services.AddSingleton<IJobStorageSchema, PostgresJobStorageSchema>();
            services.AddSingleton(sp => JobStorageFactory.Postgres(sp.GetRequiredService<HangfireDataSource>(), options));
        }
        else
        {
            services.AddSingleton<IJobStorageSchema, InMemoryJobStorageSchema>();
            services.AddSingleton(_ => JobStorageFactory.InMemory());
        }
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, hangfire) => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>())));

        if (!options.Enabled)
        {
            // A page-only node on PostgreSQL still wakes the workers of the other nodes; in memory nobody would run it.
            if (shared) services.AddSingleton<IJobTrigger, HangfireJobTrigger>();
            else services.AddSingleton<IJobTrigger, NoJobTrigger>();
            return services;
        }
        services.AddSingleton<IJobTrigger, HangfireJobTrigger>();
        services.AddHostedService<RecurringJobRegistration>();
        services.AddHangfireServer((_, server) =>
        {
            server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            server.SchedulePollingInterval = options.PollingInterval;
            server.WorkerCount = options.WorkerCount;
            // On shutdown running sweeps are cancelled and given this long to stop; their rows keep their leases.
            server.ShutdownTimeout = TimeSpan.FromSeconds(30);
        });
        return services;
    }

    /// <summary>
    /// Adds <typeparamref name="TJob"/> as <paramref name="job"/>, which <see cref="JobRunner"/> resolves by its name in
    /// each run's own scope, and which the schedule and the jobs page list.
    /// </summary>
    public static IServiceCollection AddRecordedJob<TJob>(this IServiceCollection services, JobDefinition job) where TJob : RecordedJob =>
        services.AddSingleton(job).AddKeyedScoped<RecordedJob, TJob>(job.Name);

    /// <summary>The Hangfire dashboard, for the Platform admin only, behind the app's own policy.</summary>
    public static IEndpointConventionBuilder MapWorkTrackrJobsDashboard(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHangfireDashboardWithAuthorizationPolicy(Capabilities.ManagePlatform, DashboardPath,
            new DashboardOptions { AppPath = "/admin/jobs", DashboardTitle = "WorkTrackr jobs (Hangfire)", DisplayStorageConnectionString = false });
}

/// <summary>The <c>Jobs</c> settings.</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>Run a Hangfire server in this process.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often Hangfire looks for due recurring runs (and, on PostgreSQL, for queued jobs it was not told about).</summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Jobs this process runs at once. Sweeps are short, and PDFs have their own limit (<c>Pdf:MaxConcurrency</c>).
    /// On PostgreSQL each idle worker holds a LISTEN connection, so this is also that many connections per node.</summary>
    public int WorkerCount { get; set; } = 4;

    /// <summary>
    /// How often a sweep runs on its schedule, besides being woken when work is queued, where it differs from the job's
    /// own default (<see cref="JobDefinition.Every"/>). <see cref="JobCatalog"/> refuses a name that is not a job.
    /// </summary>
    public Dictionary<string, TimeSpan> Sweeps { get; set; } = [];

    public void Validate()
    {
        foreach (var (job, every) in Sweeps) _ = Cron(every, job);
        if (PollingInterval <= TimeSpan.Zero) throw new InvalidOperationException("Jobs:PollingInterval must be positive.");
        if (WorkerCount < 1) throw new InvalidOperationException("Jobs:WorkerCount must be at least 1.");
    }

    /// <summary>
    /// A Hangfire cron (with seconds) that fires every <paramref name="every"/>, on the clock: a whole number of seconds
    /// dividing a minute, minutes dividing an hour, or hours dividing a day.
    /// </summary>
    public static string Cron(TimeSpan every, string job = "")
    {
        if (Step(every.TotalSeconds, 60) is { } seconds) return $"{seconds} * * * * *";
        if (Step(every.TotalMinutes, 60) is { } minutes) return $"0 {minutes} * * * *";
        if (Step(every.TotalHours, 24) is { } hours) return $"0 0 {hours} * * *";
        if (every == TimeSpan.FromDays(1)) return "0 0 0 * * *";
        throw Invalid(job, every);
    }

    /// <summary>The cron step for <paramref name="units"/> of a field that counts up to <paramref name="whole"/>, if it divides it.</summary>
    private static string? Step(double units, int whole) =>
        units >= 1 && units < whole && units == Math.Floor(units) && whole % (int)units == 0 ? units == 1 ? "*" : $"*/{(int)units}" : null;

    private static InvalidOperationException Invalid(string job, TimeSpan every) =>
        new($"Jobs:Sweeps:{job} is {every}; use whole seconds dividing a minute, minutes dividing an hour, or hours dividing a day.");
}

/// <summary>
/// Puts each sweep's schedule into Hangfire's storage at start-up (and removes schedules of jobs that no longer exist).
/// On PostgreSQL the schedule is shared: every node writes the same definitions, and Hangfire's recurring scheduler,
/// under its distributed lock, starts each run once.
/// </summary>
public sealed partial class RecurringJobRegistration(IRecurringJobManager recurring, JobStorage storage, JobCatalog jobs, ILogger<RecurringJobRegistration> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        const int attempts = 5;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            try
            {
                Register();
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Nodes starting together contend for the same locks (docs/STACK.md, Hangfire.PostgreSql). The schedule is the same from every node,
                // so one that cannot write it still starts: another node's copy, or the previous run's, is in the storage.
                if (attempt == attempts)
                {
                    LogGaveUp(logger, exception, attempts);
                    return;
                }
                LogRetrying(logger, exception, attempt);
                await Task.Delay(TimeSpan.FromSeconds(Random.Shared.Next(1, 4) * attempt), cancellationToken);
            }
        }
    }

    private void Register()
    {
        foreach (var job in jobs.Names)
        {
            recurring.AddOrUpdate<JobRunner>(job, runner => runner.RunAsync(job, false, null, CancellationToken.None), JobOptions.Cron(jobs.Every[job], job),
                // After downtime, one catch-up run rather than one per missed occurrence.
                new RecurringJobOptions { MisfireHandling = MisfireHandlingMode.Relaxed });
        }
        using var connection = storage.GetConnection();
        foreach (var stale in connection.GetRecurringJobs().Select(j => j.Id).Where(id => !jobs.Contains(id)))
            recurring.RemoveIfExists(stale);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not register the job schedule after {Attempts} attempts; starting without")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registering the job schedule failed (attempt {Attempt}); trying again")]
    private static partial void LogRetrying(ILogger logger, Exception exception, int attempt);
}
