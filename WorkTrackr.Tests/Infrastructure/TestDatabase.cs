using WorkTrackr.Data;

namespace WorkTrackr.Tests.Infrastructure;

/// <summary>A fresh, empty database of one provider for one test class or test.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string? folder;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? folder)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.folder = folder;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public static TestDatabase Sqlite()
    {
        var folder = Directory.CreateTempSubdirectory("worktrackr-test-").FullName;
        // Pooling off, so the file is released when the test ends and the folder can be deleted.
        return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "test.db")};Pooling=False", folder);
    }

    public static async Task<TestDatabase> PostgresAsync(PostgresServer server) =>
        new(DatabaseProvider.Postgres, await server.CreateDatabaseAsync("wt"), null);

    public void Dispose()
    {
        if (folder is null) return;
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { /* a file still open by a finishing host; the OS temp cleaner takes it */ }
    }
}
