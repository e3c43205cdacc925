namespace WorkTrackr.Tests.Integration.Tenancy;

/// <summary>The app on a fresh database holding two organisations, A and B, each with a row of every owned type.</summary>
public abstract class TenantApp : IAsyncLifetime
{
    private TestDatabase? database;

    public WorkTrackrFactory Factory { get; private set; } = default!;
    public TestOrganisation A { get; private set; } = default!;
    public TestOrganisation B { get; private set; } = default!;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    /// <summary>Settings for the app, before it starts.</summary>
    protected virtual void Configure(WorkTrackrFactory factory) { }

    public async Task InitializeAsync()
    {
        database = await CreateDatabaseAsync();
        Factory = new WorkTrackrFactory(database);
        Configure(Factory);
        A = await TestOrganisations.CreateAsync(Factory, "Alpha Repairs");
        B = await TestOrganisations.CreateAsync(Factory, "Bravo Maintenance");
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        database?.Dispose();
    }
}

public sealed class SqliteTenantApp : TenantApp
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresTenantApp : TenantApp
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => SharedPostgres.CreateDatabaseAsync();
}
