using System.Diagnostics;
using System.Text;
using Npgsql;
using WorkTrackr.Tests.Infrastructure;
using WorkTrackr.Web.Infrastructure.Jobs;

namespace WorkTrackr.Tests.Integration.Jobs;

/// <summary>
/// Two real app processes (WorkTrackr.Web.dll, as deployed) on one PostgreSQL database, each with its Hangfire server:
/// every recurring run is started once, not once per process.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TwoNodeSchedulingTests
{
    private static readonly TimeSpan Running = TimeSpan.FromSeconds(14);

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

        // Each job Hangfire created from a schedule carries its recurring job's id and the occurrence's time.
        var runs = new List<(string Job, string Time, long Count)>();
        await using (var command = new NpgsqlCommand("""
            SELECT r.value, t.value, count(*)
            FROM hangfire.jobparameter r
            JOIN hangfire.jobparameter t ON t.jobid = r.jobid AND t.name = 'Time'
            WHERE r.name = 'RecurringJobId'
            GROUP BY r.value, t.value
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) runs.Add((reader.GetString(0).Trim('"'), reader.GetString(1), reader.GetInt64(2)));
        }
        var emailRuns = runs.Where(r => r.Job == JobNames.Emails).ToList();
        Assert.True(emailRuns.Count >= 4, $"the 2-second email sweep ran {emailRuns.Count} times in {Running.TotalSeconds:0} s");
        Assert.All(runs, r => Assert.True(r.Count == 1, $"{r.Job} at {r.Time} was started {r.Count} times"));
        Assert.Equal(0, await ScalarAsync<long>(connection, "SELECT count(*) FROM hangfire.job WHERE statename = 'Failed'"));
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
            start.Environment["Database__Provider"] = "Postgres";
            start.Environment["ConnectionStrings__WorkTrackr"] = connectionString;
            start.Environment["Seed__DemoData"] = "false";
            start.Environment["Jobs__Enabled"] = "true";
            start.Environment["Jobs__PollingInterval"] = "00:00:01";
            foreach (var job in JobNames.All) start.Environment[$"Jobs__Sweeps__{job}"] = "00:00:02";
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
