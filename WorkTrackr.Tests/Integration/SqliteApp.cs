namespace WorkTrackr.Tests.Integration;

/// <summary>The app on its own fresh SQLite file, shared by the tests of one class.</summary>
public sealed class SqliteApp : IAsyncLifetime
{
    private readonly TestDatabase database = TestDatabase.Sqlite();

    public WorkTrackrFactory Factory { get; private set; } = default!;

    public Task InitializeAsync()
    {
        Factory = new WorkTrackrFactory(database);
        _ = Factory.Services; // start the host: migrations and roles
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        database.Dispose();
    }
}
