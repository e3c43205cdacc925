namespace WorkTrackr.Tests.Infrastructure;

/// <summary>
/// One private PostgreSQL server for the whole test run, started on first use and stopped when the test process
/// exits, so class fixtures of any test class can ask for a fresh database.
/// </summary>
public static class SharedPostgres
{
    private static readonly Lazy<Task<PostgresServer>> Server = new(StartAsync);

    public static Task<PostgresServer> GetAsync() => Server.Value;

    public static async Task<TestDatabase> CreateDatabaseAsync() => await TestDatabase.PostgresAsync(await GetAsync());

    private static async Task<PostgresServer> StartAsync()
    {
        var server = await PostgresServer.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }
}
