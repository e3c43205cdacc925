using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using WorkTrackr.Data;
using WorkTrackr.Data.Auditing;
using WorkTrackr.Web.Features.Catalog;
using WorkTrackr.Web.Features.Contacts;
using WorkTrackr.Web.Features.Tickets;

namespace WorkTrackr.Tests.Integration.Auditing;

/// <summary>
/// The audit log, written by the data layer's one interceptor as the services save: who, when, what, the action, and
/// the old and new values of what changed, in the save's own transaction, with no secret in it.
/// </summary>
[Trait("Category", "Integration")]
public abstract class AuditLogTests<TApp>(TApp app) where TApp : TenantApp
{
    private ApplicationUser Dispatcher => app.A.Users[Roles.Dispatcher];

    private async Task<List<AuditEntry>> EntriesAsync(string entityType, Guid id)
    {
        await using var db = app.Factory.CreateDbContext(app.A.Id);
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == entityType && a.EntityId == id.ToString()).OrderBy(a => a.At).ThenBy(a => a.Action).ToListAsync();
    }

    private static Dictionary<string, JsonElement> Values(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;

    [Fact]
    public async Task A_contact_created_changed_and_deleted_leaves_one_entry_each_with_who_and_the_values_that_changed()
    {
        var created = await app.Factory.RunAsAsync(Dispatcher, (ContactService s) => s.CreateAsync(new ContactInput { Name = "Audit Alpaca Farm", Email = "hello@alpaca.test" }));
        Assert.True(created.Succeeded, created.Message);
        var id = created.Value;
        var opened = (await app.Factory.RunAsAsync(Dispatcher, (ContactService s) => s.GetAsync(id))).Value!;
        var changed = opened.Contact;
        changed.Phone = "555 0199";
        Assert.True((await app.Factory.RunAsAsync(Dispatcher, (ContactService s) => s.UpdateAsync(id, changed, opened.Version))).Succeeded);
        Assert.True((await app.Factory.RunAsAsync(Dispatcher, (ContactService s) => s.DeleteAsync(id))).Succeeded);

        var entries = await EntriesAsync("Contact", id);

        Assert.Equal([AuditAction.Created, AuditAction.Updated, AuditAction.Deleted], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal((Dispatcher.Id, app.A.Id), (e.UserId!.Value, e.OrganisationId)));
        Assert.Equal("Audit Alpaca Farm", Values(entries[0].NewValues)["Name"].GetString());
        Assert.Null(entries[0].OldValues);
        // The change holds only what changed: the phone, from nothing to the new number.
        Assert.Equal(["Phone"], Values(entries[1].NewValues).Keys);
        Assert.Equal(JsonValueKind.Null, Values(entries[1].OldValues)["Phone"].ValueKind);
        Assert.Equal("555 0199", Values(entries[1].NewValues)["Phone"].GetString());
        Assert.Equal("Audit Alpaca Farm", Values(entries[2].OldValues)["Name"].GetString());
        Assert.Null(entries[2].NewValues);
    }

    [Fact]
    public async Task Tickets_and_products_are_audited_by_the_same_mechanism()
    {
        var ticket = await app.Factory.RunAsAsync(Dispatcher, (TicketService s) => s.CreateAsync(new TicketInput { Title = "Audit the boiler", Priority = TicketPriority.High }));
        Assert.True(ticket.Succeeded, ticket.Message);
        var admin = app.A.Users[Roles.Admin];
        var product = await app.Factory.RunAsAsync(admin, (ProductService s) => s.CreateAsync(new ProductInput { Name = "Audit Valve", Price = 12.5m }));
        Assert.True(product.Succeeded, product.Message);

        var ticketEntry = Assert.Single(await EntriesAsync("Ticket", ticket.Value!.Id));
        var productEntry = Assert.Single(await EntriesAsync("Product", product.Value));

        Assert.Equal(("Audit the boiler", Dispatcher.Id), (Values(ticketEntry.NewValues)["Title"].GetString(), ticketEntry.UserId!.Value));
        Assert.Equal((12.5m, admin.Id), (Values(productEntry.NewValues)["Price"].GetDecimal(), productEntry.UserId!.Value));
    }

    /// <summary>The organisation-owned types that are the app's bookkeeping, and so are not audited.</summary>
    private static readonly string[] Bookkeeping = ["AuditEntry", "NumberSequence", "Notification", "RenewalReminder", "InvoiceDocument"];

    public static TheoryData<string> AuditedTypeNames => new(TenancyCase.All.Select(c => c.Owned.Name).Except(Bookkeeping));

    [Theory]
    [MemberData(nameof(AuditedTypeNames))]
    public async Task A_change_to_any_record_of_the_organisation_is_audited_with_the_old_and_new_value(string typeName)
    {
        var type = TenancyCase.All.Single(c => c.Owned.Name == typeName).Owned;
        var id = app.A.RowIds[type];
        string field;
        object? was;
        // The app's own context, with its interceptors (the fixture's context for arranging data has no audit).
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        await using (var db = scope.ServiceProvider.GetRequiredService<Web.Infrastructure.Jobs.JobDatabase>().For(app.A.Id))
        {
            var row = await db.FindAsync(type, id) ?? throw new InvalidOperationException($"No {typeName} {id}.");
            (field, was) = Touch(db.Entry(row));
            await db.SaveChangesAsync();
        }

        var entry = (await EntriesAsync(typeName, id)).Last();

        Assert.Equal(AuditAction.Updated, entry.Action);
        Assert.Equal(was?.ToString(), Values(entry.OldValues)[field].ToString());
        Assert.NotEqual(Values(entry.OldValues)[field].ToString(), Values(entry.NewValues)[field].ToString());
    }

    /// <summary>Changes one plain field of the row (text where there is one, else a number) and says which, and what it held.</summary>
    private static (string Field, object? Was) Touch(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry)
    {
        var properties = entry.Properties.Where(p => !p.Metadata.IsKey() && !p.Metadata.IsForeignKey() && !p.Metadata.IsConcurrencyToken && !AuditInterceptor.IsHidden(p.Metadata.Name)).ToList();
        var text = properties.FirstOrDefault(p => p.Metadata.ClrType == typeof(string) && p.CurrentValue is not null && p.Metadata.Name is "Name" or "Title" or "Description" or "Notes" or "Text" or "Email");
        if (text is not null)
        {
            var was = text.CurrentValue;
            text.CurrentValue = "audited";
            return (text.Metadata.Name, was);
        }
        var number = properties.First(p => p.Metadata.ClrType == typeof(int));
        var before = (int)number.CurrentValue!;
        number.CurrentValue = before + 1;
        return (number.Metadata.Name, before);
    }

    [Fact]
    public async Task A_save_that_fails_writes_no_entry()
    {
        await using var scope = await app.Factory.SignedInScopeAsync(Dispatcher);
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<WorkTrackrDbContext>>().CreateDbContextAsync())
        {
            db.Contacts.Add(new Contact { Name = "Never Saved Nursery" });
            // A ticket for a contact that does not exist: the database refuses the whole save.
            db.Tickets.Add(new Ticket { Number = $"T-{Random.Shared.Next(900_000, 999_999)}", Title = "Orphan", ContactId = Guid.NewGuid() });
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using var check = app.Factory.CreateDbContext(app.A.Id);
        Assert.False(await check.Contacts.AnyAsync(c => c.Name == "Never Saved Nursery"));
        Assert.False(await check.AuditEntries.AnyAsync(a => a.NewValues!.Contains("Never Saved Nursery")));
    }

    [Fact]
    public async Task A_password_change_is_audited_without_the_password_its_hash_or_the_stamps()
    {
        var person = app.A.Users[Roles.Manager];
        await using (var scope = await app.Factory.SignedInScopeAsync(person))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByIdAsync(person.Id.ToString()))!;
            user.DisplayName = "Alpha Manager Renamed";
            Assert.True((await users.UpdateAsync(user)).Succeeded);
            Assert.True((await users.ChangePasswordAsync(user, TestOrganisations.Password, "N3w!Passw0rd-audit")).Succeeded);
            Assert.True((await users.ChangePasswordAsync(user, "N3w!Passw0rd-audit", TestOrganisations.Password)).Succeeded);
        }

        var entries = await EntriesAsync(nameof(ApplicationUser), person.Id);

        Assert.Contains(entries, e => Values(e.NewValues).TryGetValue("DisplayName", out var name) && name.GetString() == "Alpha Manager Renamed");
        await using var db = app.Factory.CreateDbContext(app.A.Id);
        var hash = await db.Users.Where(u => u.Id == person.Id).Select(u => u.PasswordHash).SingleAsync();
        var all = string.Join('\n', await db.AuditEntries.AsNoTracking().Select(a => (a.OldValues ?? "") + (a.NewValues ?? "")).ToListAsync());
        Assert.DoesNotContain("N3w!Passw0rd-audit", all, StringComparison.Ordinal);
        Assert.DoesNotContain(hash!, all, StringComparison.Ordinal);
        Assert.DoesNotContain("PasswordHash", all, StringComparison.Ordinal);
        Assert.DoesNotContain("SecurityStamp", all, StringComparison.Ordinal);
    }
}

public sealed class SqliteAuditLogTests(SqliteTenantApp app) : AuditLogTests<SqliteTenantApp>(app), IClassFixture<SqliteTenantApp>;

public sealed class PostgresAuditLogTests(PostgresTenantApp app) : AuditLogTests<PostgresTenantApp>(app), IClassFixture<PostgresTenantApp>;
