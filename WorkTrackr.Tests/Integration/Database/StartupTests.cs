using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using WorkTrackr.Data;
using WorkTrackr.Web.Infrastructure.Database;

namespace WorkTrackr.Tests.Integration.Database;

[Trait("Category", "Integration")]
public sealed class StartupTests
{
    [Fact]
    public async Task A_sweep_setting_for_a_job_that_does_not_exist_stops_the_start_even_with_jobs_off()
    {
        using var database = TestDatabase.Sqlite();
        await using var factory = new WorkTrackrFactory(database) { Settings = { ["Jobs:Sweeps:email"] = "00:00:30" } };

        var error = Record.Exception(() => factory.Services); // the host's start may wrap what Program threw
        Assert.NotNull(error);
        Assert.Contains("Jobs:Sweeps:email is not a job", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task First_start_on_an_empty_database_seeds_the_demo_organisation_once(DatabaseProvider provider)
    {
        using var database = provider == DatabaseProvider.Postgres ? await SharedPostgres.CreateDatabaseAsync() : TestDatabase.Sqlite();
        await using (var factory = new WorkTrackrFactory(database, seedDemoData: true) { Settings = { ["App:PublicBaseUrl"] = "https://worktrackr.example.com" } })
        {
            // The settings keep the keys appsettings.json and the README name (Seed:DemoData, App:PublicBaseUrl), read through their options.
            Assert.True(factory.Services.GetRequiredService<IOptions<SeedOptions>>().Value.DemoData);
            Assert.Equal("https://worktrackr.example.com", factory.Services.GetRequiredService<IOptions<AppOptions>>().Value.PublicBaseUrl);
            Assert.Contains(DemoDataSeeder.Logins[0].Email, await factory.CreateClient().GetStringAsync("/Account/Login"));

            await using var db = factory.CreateDbContext(null);
            var demo = await db.Organisations.SingleAsync(o => o.Name == DemoDataSeeder.DemoOrganisationName);
            await using var data = factory.CreateDbContext(demo.Id);

            Assert.Equal(50, await data.Contacts.CountAsync());
            Assert.Equal(20, await data.Products.CountAsync());
            Assert.Equal(80, await data.CustomerServices.CountAsync());
            Assert.Equal(300, await data.Tickets.CountAsync());
            Assert.Equal(100, await data.CrmEvents.CountAsync());
            Assert.Equal(48, await data.Invoices.CountAsync()); // five months of billing, one every three days
            Assert.Equal(Enum.GetValues<TicketStatus>().Order(), (await data.Tickets.Select(t => t.Status).Distinct().ToListAsync()).Order());
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            Assert.True(await data.CustomerServices.CountAsync(s => s.RenewalDate >= today && s.RenewalDate <= today.AddDays(30)) >= 5);
            Assert.Equal(2, await db.Resellers.CountAsync());
            Assert.True(await db.ResellerLinks.CountAsync(l => l.UnlinkedOn == null) >= 4);
            foreach (var login in DemoDataSeeder.Logins)
                Assert.True(await db.Users.AnyAsync(u => u.Email == login.Email), login.Email);
        }

        // A second start finds an organisation and adds nothing.
        await using (var again = new WorkTrackrFactory(database, seedDemoData: true))
        {
            await using var db = again.CreateDbContext(null);
            Assert.Equal(1, await db.Organisations.CountAsync(o => o.Name == DemoDataSeeder.DemoOrganisationName));
        }
    }

    [Fact]
    public async Task The_migrate_switch_migrates_and_exits()
    {
        using var database = TestDatabase.Sqlite();
        var app = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [app, DatabaseStartup.MigrateSwitch])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(app)!,
        };
        start.Environment["ConnectionStrings__WorkTrackr"] = database.ConnectionString;
        start.Environment["Seed__DemoData"] = "true";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("The app kept running after --migrate.");
        }
        Assert.True(process.ExitCode == 0, await output + await errors);

        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM \"__EFMigrationsHistory\"), (SELECT COUNT(*) FROM \"AspNetRoles\"), (SELECT COUNT(*) FROM \"Organisations\")";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        // Every migration applied, roles present, and no demo data: the switch only migrates.
        var migrations = typeof(WorkTrackrDbContext).Assembly.GetTypes()
            .Count(t => t.GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute), false).Length > 0);
        Assert.Equal((migrations, 6L, 0L), (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)));
    }
}
