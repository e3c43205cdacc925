using System.Diagnostics;
using System.Text;
using Npgsql;

namespace WorkTrackr.Tests.Integration.Jobs;

/// <summary>
/// Two real app processes (WorkTrackr.Web.dll, as deployed) on one PostgreSQL database, each with its Hangfire server:
/// every recurring run is started once, not once per process.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TwoNodeSchedulingTests
{
    private static readonly TimeSpan Running = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Two_processes_on_one_postgres_database_run_each_recurring_job_once_per_schedule()
    {
        var database = await SharedPostgres.CreateDatabaseAsync();
        await using var first = AppProcess.Start(database.ConnectionString);
        await first.WaitUntilHealthyAsync();
        // The second starts once the first has migrated the database (migrating under a lock is another issue's work).
        await using var second = AppProcess.Start(database.ConnectionString);
        await second.WaitUntilHealthyAsync();
        await Task.Delay(Running);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        // Both servers are alive (each removes its row when it stops).
        Assert.Equal(2, await ScalarAsync<long>(connection, "SELECT count(*) FROM hangfire.server"));
        await first.StopAsync();
        await second.StopAsync();

        // Each job Hangfire created from a schedule carries its recurring job's id. (Its "Time" parameter is the moment
        // a scheduler picked the occurrence up, not the occurrence itself, so it cannot tell a duplicate apart.)
        var created = new List<(string Job, DateTime At)>();
        await using (var command = new NpgsqlCommand("""
            SELECT r.value, j.createdat
            FROM hangfire.jobparameter r
            JOIN hangfire.job j ON j.id = r.jobid
            WHERE r.name = 'RecurringJobId'
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) created.Add((reader.GetString(0).Trim('"'), reader.GetDateTime(1)));
        }
        Assert.Equal(AppJobs.Names.Order(), created.Select(c => c.Job).Distinct().Order());
        foreach (var job in created.GroupBy(c => c.Job))
        {
            // Every 2 seconds over the span between the first and last run: at most span/2 + 1 runs, plus one for a
            // catch-up after start. Two schedulers each starting every occurrence would make about twice that.
            var span = (job.Max(c => c.At) - job.Min(c => c.At)).TotalSeconds;
            var allowed = (int)Math.Floor(span / Every.TotalSeconds) + 2;
            Assert.True(job.Count() >= 4, $"{job.Key} ran {job.Count()} times in {Running.TotalSeconds:0} s");
            Assert.True(job.Count() <= allowed, $"{job.Key} ran {job.Count()} times in {span:0.0} s; once per {Every.TotalSeconds:0} s allows {allowed}");
        }
        // A job that fails is deleted (no Hangfire retries), so "failed" shows as Deleted.
        Assert.Equal(0, await ScalarAsync<long>(connection, "SELECT count(*) FROM hangfire.job WHERE statename IN ('Failed', 'Deleted')"));
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>WorkTrackr.Web.dll from its own build output, started with <c>dotnet</c> on a free loopback port.</summary>
    private sealed class AppProcess : IAsyncDisposable
    {
        private readonly Process process;
        private readonly StringBuilder output = new();
        private readonly Uri address;

        private AppProcess(Process process, Uri address)
        {
            this.process = process;
            this.address = address;
            process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public static AppProcess Start(string connectionString)
        {
            var port = WorkTrackrFactory.FreePort();
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = WebOutput(), RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("WorkTrackr.Web.dll");
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add($"http://127.0.0.1:{port}");
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["App__PublicBaseUrl"] = $"http://127.0.0.1:{port}/";
            start.Environment["Database__Provider"] = "Postgres";
            start.Environment["ConnectionStrings__WorkTrackr"] = connectionString;
            start.Environment["Seed__DemoData"] = "false";
            start.Environment["Jobs__Enabled"] = "true";
            start.Environment["Jobs__PollingInterval"] = "00:00:01";
            foreach (var job in AppJobs.Names) start.Environment[$"Jobs__Sweeps__{job}"] = Every.ToString();
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            return new AppProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}/"));
        }

        /// <summary>The web project's own output folder, of the same configuration as this test assembly.</summary>
        private static string WebOutput()
        {
            var tests = new DirectoryInfo(AppContext.BaseDirectory); // …/WorkTrackr.Tests/bin/<Configuration>/net10.0/
            var framework = tests.Name;
            var configuration = tests.Parent!.Name;
            var root = tests.Parent.Parent!.Parent!.Parent!.FullName;
            var folder = Path.Combine(root, "WorkTrackr.Web", "bin", configuration, framework);
            return File.Exists(Path.Combine(folder, "WorkTrackr.Web.dll")) ? folder : throw new FileNotFoundException($"WorkTrackr.Web.dll is not built in {folder}");
        }

        public async Task WaitUntilHealthyAsync()
        {
            using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline)
            {
                if (process.HasExited) break;
                try
                {
                    if ((await http.GetAsync("health")).IsSuccessStatusCode) return;
                }
                catch (HttpRequestException) { }
                catch (TaskCanceledException) { }
                await Task.Delay(250);
            }
            throw new InvalidOperationException($"The app at {address} did not become healthy. Its output:\n{Output}");
        }

        private string Output { get { lock (output) return output.ToString(); } }

        /// <summary>Stops it as a service manager would (SIGTERM), so its Hangfire server shuts down cleanly.</summary>
        public async Task StopAsync()
        {
            if (process.HasExited) return;
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(40));
            try { await process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { process.Kill(entireProcessTree: true); }
        }

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            process.Dispose();
        }
    }
}
