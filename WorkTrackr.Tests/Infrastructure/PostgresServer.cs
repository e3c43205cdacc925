using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace WorkTrackr.Tests.Infrastructure;

/// <summary>
/// A private PostgreSQL server for one test run: <c>initdb</c> into a fresh temporary folder, started with
/// <c>pg_ctl</c> on a free loopback port, stopped and deleted on dispose. Nothing is expected to be running
/// beforehand (docs/STACK.md, Tests). As root, the server runs as the <c>postgres</c> OS user, because
/// PostgreSQL refuses to run as root.
/// </summary>
public sealed partial class PostgresServer : IAsyncDisposable
{
    public const string BinEnvironmentVariable = "WORKTRACKR_PG_BIN";
    private const string Superuser = "postgres";
    private const string ServiceUser = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private readonly string binDirectory;
    private readonly string rootDirectory;
    private readonly bool runAsServiceUser;
    private bool disposed;

    private PostgresServer(string binDirectory, string rootDirectory, bool runAsServiceUser, int port)
    {
        this.binDirectory = binDirectory;
        this.rootDirectory = rootDirectory;
        this.runAsServiceUser = runAsServiceUser;
        Port = port;
    }

    public int Port { get; }

    private const string FolderPrefix = "worktrackr-pg-";

    private string DataDirectory => Path.Combine(rootDirectory, "data");

    /// <summary>
    /// A test host may exit before its exit handler has deleted the server's folder; the next run removes folders
    /// whose server is no longer running (a running one may belong to a test run going on beside this one).
    /// </summary>
    private static void RemoveFoldersOfStoppedServers()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var pidFile = Path.Combine(folder, "data", "postmaster.pid");
            try
            {
                if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) && Directory.Exists($"/proc/{pid}"))
                    continue;
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another run is creating or removing it right now.
            }
        }
    }
    private string LogFile => Path.Combine(rootDirectory, "server.log");

    public static async Task<PostgresServer> StartAsync()
    {
        var binDirectory = FindBinDirectory();
        var runAsServiceUser = Environment.UserName == "root";
        RemoveFoldersOfStoppedServers();
        var rootDirectory = Path.Combine(Path.GetTempPath(), $"{FolderPrefix}{Guid.NewGuid():N}");
        Directory.CreateDirectory(rootDirectory);
        var server = new PostgresServer(binDirectory, rootDirectory, runAsServiceUser, FreeLoopbackPort());
        try
        {
            if (runAsServiceUser)
                await RunAsync("chown", [$"{ServiceUser}:", rootDirectory], runAs: null);
            await server.InitDbAsync();
            await server.PgCtlStartAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = IPAddress.Loopback.ToString(),
        Port = Port,
        Username = Superuser,
        Database = database,
        IncludeErrorDetail = true,
    }.ConnectionString;

    /// <summary>Creates an empty database named from <paramref name="prefix"/> plus a unique suffix; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var cleanPrefix = NotIdentifierChars().Replace(prefix.ToLowerInvariant(), "_");
        if (cleanPrefix.Length > 30) cleanPrefix = cleanPrefix[..30];
        var name = $"{cleanPrefix}_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed) return;
        disposed = true;
        // Pooled connections would otherwise outlive the server and fail later, in some other test.
        NpgsqlConnection.ClearAllPools();
        try
        {
            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
                await RunPgAsync("pg_ctl", ["stop", "-D", DataDirectory, "-m", "immediate", "-w"]);
        }
        finally
        {
            try
            {
                Directory.Delete(rootDirectory, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
            }
        }
    }

    private async Task InitDbAsync()
    {
        await RunPgAsync("initdb",
            ["-D", DataDirectory, "-U", Superuser, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"]);
        // Appended to postgresql.conf rather than passed through pg_ctl -o, so no quoting crosses runuser.
        var settings = new StringBuilder()
            .AppendLine()
            .AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"port = {Port}")
            .AppendLine("listen_addresses = '127.0.0.1'")
            .AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"unix_socket_directories = '{rootDirectory}'")
            .AppendLine("fsync = off")
            .AppendLine("synchronous_commit = off")
            .AppendLine("full_page_writes = off")
            .AppendLine("max_connections = 200");
        await File.AppendAllTextAsync(Path.Combine(DataDirectory, "postgresql.conf"), settings.ToString());
    }

    private async Task PgCtlStartAsync()
    {
        try
        {
            await RunPgAsync("pg_ctl", ["start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "60"]);
        }
        catch (InvalidOperationException e)
        {
            var log = File.Exists(LogFile) ? await File.ReadAllTextAsync(LogFile) : "(no server log)";
            throw new InvalidOperationException($"{e.Message}\nServer log:\n{log}", e);
        }
    }

    private Task<string> RunPgAsync(string program, IReadOnlyList<string> arguments) =>
        RunAsync(Path.Combine(binDirectory, program), arguments, runAsServiceUser ? ServiceUser : null);

    private static async Task<string> RunAsync(string fileName, IReadOnlyList<string> arguments, string? runAs)
    {
        var start = new ProcessStartInfo
        {
            FileName = runAs is null ? fileName : "runuser",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (runAs is not null)
        {
            foreach (var argument in new[] { "-u", runAs, "--", fileName }) start.ArgumentList.Add(argument);
        }
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var commandLine = string.Join(' ', start.ArgumentList.Prepend(start.FileName));

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start: {commandLine}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"Timed out after {CommandTimeout}: {commandLine}");
        }
        var output = await stdout + await stderr;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"Exit code {process.ExitCode} from: {commandLine}\n{output}");
        return output;
    }

    private static string FindBinDirectory()
    {
        var configured = Environment.GetEnvironmentVariable(BinEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return HasServerTools(configured)
                ? configured
                : throw new InvalidOperationException(
                    $"{BinEnvironmentVariable}={configured} does not contain initdb and pg_ctl.");
        }

        const string installRoot = "/usr/lib/postgresql";
        var found = Directory.Exists(installRoot)
            ? Directory.GetDirectories(installRoot)
                .Select(versionDirectory => (
                    Version: int.TryParse(Path.GetFileName(versionDirectory), out var v) ? v : -1,
                    Bin: Path.Combine(versionDirectory, "bin")))
                .Where(candidate => HasServerTools(candidate.Bin))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => candidate.Bin)
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin. " +
            "Run the tests with the test command in README.md, which installs PostgreSQL " +
            $"(apt-get install -y postgresql), or set {BinEnvironmentVariable} to a folder holding initdb and pg_ctl.");
    }

    private static bool HasServerTools(string directory) =>
        File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl"));

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("[^a-z0-9_]")]
    private static partial Regex NotIdentifierChars();
}
