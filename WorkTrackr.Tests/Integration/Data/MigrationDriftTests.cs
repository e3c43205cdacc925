using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using WorkTrackr.Data;

namespace WorkTrackr.Tests.Integration.Data;

/// <summary>
/// There is no model snapshot (migrations are written by hand, docs/STACK.md), so these tests are what notice a model
/// change without a migration: the schema <c>MigrateAsync</c> builds must equal the one <c>EnsureCreatedAsync</c>
/// builds from the current model, as the database's own catalogue reports them.
/// </summary>
[Trait("Category", "Integration")]
public sealed class MigrationDriftTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("worktrackr-drift-").FullName;

    [Fact]
    public async Task Sqlite_migrations_match_the_model()
    {
        var (migrated, model) = await SqliteSchemasAsync();

        MigrationDrift.AssertPlausible(model);
        var diff = SchemaSnapshot.Compare(migrated, model);
        Assert.True(diff.IsEmpty, diff.ToString());
    }

    [Fact]
    public async Task Schema_comparison_reports_a_missing_index_and_an_extra_column()
    {
        var (migrated, model) = await SqliteSchemasAsync(
            "DROP INDEX \"IX_Tickets_TemplateId\"; ALTER TABLE \"Tickets\" ADD COLUMN \"Foo\" TEXT NOT NULL DEFAULT '';");

        var diff = SchemaSnapshot.Compare(migrated, model);

        Assert.Equal(["index Tickets.IX_Tickets_TemplateId (TemplateId)"], diff.MissingFromMigrations);
        Assert.Equal(["column Tickets.Foo (TEXT, not null, default '')"], diff.OnlyInMigrations);
        var message = diff.ToString();
        Assert.Contains("missing from migrations: index Tickets.IX_Tickets_TemplateId (TemplateId)", message);
        Assert.Contains("only in migrations:      column Tickets.Foo (TEXT, not null, default '')", message);
    }

    [Fact]
    public async Task Sqlite_down_migrations_drop_every_table()
    {
        await using var context = MigrationDrift.CreateContext(DatabaseProvider.Sqlite, SqliteConnectionString("down"));
        await context.Database.MigrateAsync();

        await context.GetService<IMigrator>().MigrateAsync(Migration.InitialDatabase);

        Assert.Empty((await SchemaSnapshot.ReadAsync(context)).Lines);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <param name="alterMigrated">SQL run on the migrated database before it is read, to simulate drift.</param>
    private async Task<(SchemaSnapshot Migrated, SchemaSnapshot Model)> SqliteSchemasAsync(string? alterMigrated = null)
    {
        await using var migratedContext = MigrationDrift.CreateContext(DatabaseProvider.Sqlite, SqliteConnectionString("migrated"));
        await migratedContext.Database.MigrateAsync();
        if (alterMigrated is not null) await migratedContext.Database.ExecuteSqlRawAsync(alterMigrated);

        await using var modelContext = MigrationDrift.CreateContext(DatabaseProvider.Sqlite, SqliteConnectionString("model"));
        Assert.True(await modelContext.Database.EnsureCreatedAsync());

        return (await SchemaSnapshot.ReadAsync(migratedContext), await SchemaSnapshot.ReadAsync(modelContext));
    }

    private string SqliteConnectionString(string name) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(folder, $"{name}.db"),
        Pooling = false,
    }.ToString();
}

[Trait("Category", "Integration")]
public sealed class PostgresMigrationDriftTests
{
    [Fact]
    public async Task Postgres_migrations_match_the_model()
    {
        await using var migratedContext = MigrationDrift.CreateContext(
            DatabaseProvider.Postgres, await (await SharedPostgres.GetAsync()).CreateDatabaseAsync("drift_migrated"));
        await migratedContext.Database.MigrateAsync();
        await using var modelContext = MigrationDrift.CreateContext(
            DatabaseProvider.Postgres, await (await SharedPostgres.GetAsync()).CreateDatabaseAsync("drift_model"));
        Assert.True(await modelContext.Database.EnsureCreatedAsync());

        var migrated = await SchemaSnapshot.ReadAsync(migratedContext);
        var model = await SchemaSnapshot.ReadAsync(modelContext);

        MigrationDrift.AssertPlausible(model);
        var diff = SchemaSnapshot.Compare(migrated, model);
        Assert.True(diff.IsEmpty, diff.ToString());
    }

    [Fact]
    public async Task Postgres_down_migrations_drop_every_table()
    {
        await using var context = MigrationDrift.CreateContext(
            DatabaseProvider.Postgres, await (await SharedPostgres.GetAsync()).CreateDatabaseAsync("drift_down"));
        await context.Database.MigrateAsync();

        await context.GetService<IMigrator>().MigrateAsync(Migration.InitialDatabase);

        Assert.Empty((await SchemaSnapshot.ReadAsync(context)).Lines);
    }
}

internal static class MigrationDrift
{
    public static WorkTrackrDbContext CreateContext(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<WorkTrackrDbContext>();
        DataServiceCollectionExtensions.Configure(options, provider, connectionString);
        return new WorkTrackrDbContext(options.Options, FixedTenant.None);
    }

    /// <summary>Two empty readings would compare equal; make sure the reader saw the kinds of thing it compares.</summary>
    public static void AssertPlausible(SchemaSnapshot snapshot)
    {
        Assert.Contains("table Tickets", snapshot.Lines);
        Assert.Contains(snapshot.Lines, l => l.StartsWith("column Tickets.Number (", StringComparison.Ordinal));
        Assert.Contains(snapshot.Lines, l => l.StartsWith("unique index Tickets.IX_Tickets_OrganisationId_Number (OrganisationId, Number)", StringComparison.Ordinal));
        Assert.Contains(snapshot.Lines, l => l.StartsWith("foreign key InvoiceLines (InvoiceId) -> Invoices (Id) on delete CASCADE", StringComparison.Ordinal));
        Assert.Contains(snapshot.Lines, l => l.StartsWith("check CustomerServices.CK_CustomerServices_Quantity ", StringComparison.Ordinal));
        Assert.Contains(snapshot.Lines, l => l.StartsWith("primary key AspNetUserTokens (UserId, LoginProvider, Name)", StringComparison.Ordinal));
    }
}
