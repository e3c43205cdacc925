using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkTrackr.Data;
using WorkTrackr.Data.Auditing;
using WorkTrackr.Data.Catalog;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Contacts;
using WorkTrackr.Data.Crm;
using WorkTrackr.Data.Identity;
using WorkTrackr.Data.Invoicing;
using WorkTrackr.Data.Notifications;
using WorkTrackr.Data.Services;
using WorkTrackr.Data.Tickets;
using WorkTrackr.Tests.TestData;
using WorkTrackr.Web.Features.Common;
using WorkTrackr.Web.Infrastructure;

namespace WorkTrackr.Tests.Integration.Tenancy;

/// <summary>
/// A user of organisation A cannot list, read by id, change or delete organisation B's rows through the services
/// the pages use, for every organisation-owned entity type; and the context refuses such writes even when code
/// bypasses the services.
/// </summary>
[Trait("Category", "Integration")]
public abstract class TenancyTests<TApp>(TApp app) where TApp : TenantApp
{
    public static readonly Type[] OwnedTypes =
    [
        typeof(Contact), typeof(CrmEvent), typeof(Product), typeof(CustomerService), typeof(Ticket),
        typeof(TicketTemplate), typeof(Invoice), typeof(InvoiceLine), typeof(InvoiceDocument), typeof(RenewalReminder), typeof(Notification), typeof(AuditEntry),
        typeof(TicketActivity), typeof(SlaTarget), typeof(NumberSequence),
    ];

    public static TheoryData<string> OwnedTypeNames => new(OwnedTypes.Select(t => t.Name));

    private static Type TypeNamed(string name) => OwnedTypes.Single(t => t.Name == name);

    [Fact]
    public void Every_organisation_owned_entity_type_is_covered()
    {
        using var db = app.Factory.CreateDbContext(null);
        var modelTypes = db.Model.GetEntityTypes().Select(e => e.ClrType)
            .Where(t => typeof(IOrganisationOwned).IsAssignableFrom(t)).OrderBy(t => t.Name).ToList();
        Assert.Equal(modelTypes, OwnedTypes.OrderBy(t => t.Name));
    }

    [Theory]
    [MemberData(nameof(OwnedTypeNames))]
    public async Task User_cannot_list_other_organisations_rows(string typeName)
    {
        var rows = await CallAsync<System.Collections.IEnumerable>(nameof(OrganisationRecords.ListAsync), typeName, null, CancellationToken.None);
        var organisations = rows.Cast<IOrganisationOwned>().Select(r => r.OrganisationId).Distinct().ToList();
        Assert.Equal([app.A.Id], organisations);
    }

    [Theory]
    [MemberData(nameof(OwnedTypeNames))]
    public async Task User_cannot_read_other_organisations_row_by_id(string typeName)
    {
        var type = TypeNamed(typeName);
        Assert.NotNull(await CallAsync<object?>(nameof(OrganisationRecords.FindAsync), typeName, app.A.RowIds[type], CancellationToken.None));
        Assert.Null(await CallAsync<object?>(nameof(OrganisationRecords.FindAsync), typeName, app.B.RowIds[type], CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(OwnedTypeNames))]
    public async Task User_cannot_change_other_organisations_row(string typeName)
    {
        var type = TypeNamed(typeName);
        var before = await SnapshotOfBAsync(type);
        var change = typeof(TenancyTests<TApp>).GetMethod(nameof(Touch), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type)
            .CreateDelegate(typeof(Action<>).MakeGenericType(type));

        var result = await CallAsync<Result>(nameof(OrganisationRecords.UpdateAsync), typeName, app.B.RowIds[type], null, change, CancellationToken.None);

        Assert.Equal(ResultStatus.NotFound, result.Status);
        Assert.Equal(before, await SnapshotOfBAsync(type));
    }

    [Theory]
    [MemberData(nameof(OwnedTypeNames))]
    public async Task User_cannot_delete_other_organisations_row(string typeName)
    {
        var type = TypeNamed(typeName);
        var before = await SnapshotOfBAsync(type);

        var result = await CallAsync<Result>(nameof(OrganisationRecords.RemoveAsync), typeName, app.B.RowIds[type], CancellationToken.None);

        Assert.Equal(ResultStatus.NotFound, result.Status);
        Assert.Equal(before, await SnapshotOfBAsync(type));
    }

    [Theory]
    [MemberData(nameof(OwnedTypeNames))]
    public async Task Context_refuses_to_change_or_delete_a_row_of_another_organisation(string typeName)
    {
        var type = TypeNamed(typeName);
        foreach (var state in new[] { EntityState.Modified, EntityState.Deleted })
        {
            await using var db = app.Factory.CreateDbContext(app.A.Id);
            var row = await LoadIgnoringTenancyAsync(db, type, app.B.RowIds[type]);
            db.Entry(row).State = state;
            await Assert.ThrowsAsync<TenancyViolationException>(() => db.SaveChangesAsync());
        }
        Assert.NotNull(await SnapshotOfBAsync(type));
    }

    [Theory]
    [MemberData(nameof(OwnedTypeNames))]
    public async Task Rows_attached_without_loading_cannot_be_written_across_organisations(string typeName)
    {
        // A faithful copy of B's row (even its version) that claims to be A's: the query filter never sees it,
        // so only the WHERE clause of the UPDATE or DELETE can stop it.
        var type = TypeNamed(typeName);
        var before = await SnapshotOfBAsync(type);
        foreach (var state in new[] { EntityState.Modified, EntityState.Deleted })
        {
            object stub;
            await using (var reader = app.Factory.CreateDbContext(app.B.Id))
            {
                stub = await LoadIgnoringTenancyAsync(reader, type, app.B.RowIds[type]);
            }
            ((IOrganisationOwned)stub).OrganisationId = app.A.Id;
            Touch((dynamic)stub);
            await using var db = app.Factory.CreateDbContext(app.A.Id);
            db.Entry(stub).State = state;
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        }
        Assert.Equal(before, await SnapshotOfBAsync(type));
    }

    [Fact]
    public async Task Context_refuses_to_insert_into_another_organisation_or_without_one()
    {
        await using (var db = app.Factory.CreateDbContext(app.A.Id))
        {
            db.Contacts.Add(new Contact { Name = "Planted", OrganisationId = app.B.Id });
            await Assert.ThrowsAsync<TenancyViolationException>(() => db.SaveChangesAsync());
        }
        await using (var db = app.Factory.CreateDbContext(null))
        {
            db.Contacts.Add(new Contact { Name = "Orphan" });
            await Assert.ThrowsAsync<TenancyViolationException>(() => db.SaveChangesAsync());
        }
        await using (var db = app.Factory.CreateDbContext(app.A.Id))
        {
            var contact = new Contact { Name = "Stamped" };
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
            Assert.Equal(app.A.Id, contact.OrganisationId);
        }
    }

    [Fact]
    public async Task Context_refuses_to_move_a_row_to_another_organisation()
    {
        await using var db = app.Factory.CreateDbContext(app.A.Id);
        var contact = await db.Contacts.SingleAsync(c => c.Id == app.A.RowIds[typeof(Contact)]);
        contact.OrganisationId = app.B.Id;
        await Assert.ThrowsAsync<TenancyViolationException>(() => db.SaveChangesAsync());
    }

    private async Task<T> CallAsync<T>(string method, string typeName, params object?[] arguments)
    {
        await using var scope = await app.Factory.SignedInScopeAsync(app.A.Users[Roles.Admin]);
        var records = scope.ServiceProvider.GetRequiredService<OrganisationRecords>();
        var generic = typeof(OrganisationRecords).GetMethod(method)!.MakeGenericMethod(TypeNamed(typeName));
        var task = (Task)generic.Invoke(records, arguments)!;
        await task;
        return (T)task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task)!;
    }

    /// <summary>B's row as JSON, read behind the app's back with B as the tenant; null when it is gone.</summary>
    private async Task<string?> SnapshotOfBAsync(Type type)
    {
        await using var db = app.Factory.CreateDbContext(app.B.Id);
        var row = await LoadIgnoringTenancyAsync(db, type, app.B.RowIds[type], required: false);
        return row is null ? null : System.Text.Json.JsonSerializer.Serialize(db.Entry(row).Properties.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue?.ToString()));
    }

    private static async Task<object> LoadIgnoringTenancyAsync(WorkTrackrDbContext db, Type type, Guid id, bool required = true)
    {
        var method = typeof(TenancyTests<TApp>).GetMethod(nameof(LoadAsync), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type);
        var row = await (Task<object?>)method.Invoke(null, [db, id])!;
        return required ? row ?? throw new InvalidOperationException($"{type.Name} {id} is missing") : row!;
    }

    private static async Task<object?> LoadAsync<T>(WorkTrackrDbContext db, Guid id) where T : class =>
        await db.Set<T>().IgnoreQueryFilters([WorkTrackrDbContext.TenantFilter]).SingleOrDefaultAsync(e => EF.Property<Guid>(e, "Id") == id);

    private static void Touch<T>(T entity)
    {
        // Any change at all would be a leak; this one is visible in the snapshot.
        var properties = typeof(T).GetProperties().Where(p => p.CanWrite).ToList();
        var text = properties.FirstOrDefault(p => p.PropertyType == typeof(string) && p.Name is "Name" or "Title" or "Description" or "EntityType" or "Notes" or "Text");
        if (text is not null)
        {
            text.SetValue(entity, "tampered"); // short enough for every column, so only tenancy can refuse it
            return;
        }
        var number = properties.First(p => p.PropertyType == typeof(int));
        number.SetValue(entity, (int)number.GetValue(entity)! + 1);
    }
}

public sealed class SqliteTenancyTests(SqliteTenantApp app) : TenancyTests<SqliteTenantApp>(app), IClassFixture<SqliteTenantApp>;

[Trait("Provider", "Postgres")]
public sealed class PostgresTenancyTests(PostgresTenantApp app) : TenancyTests<PostgresTenantApp>(app), IClassFixture<PostgresTenantApp>;
