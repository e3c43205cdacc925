using System.Reflection;
using WorkTrackr.Data;

namespace WorkTrackr.Tests.Integration.Tenancy;

/// <summary>
/// A user of organisation A cannot list, read by id, change or delete organisation B's rows through the feature
/// services the pages use (<see cref="TenancyCase.All"/>), for every organisation-owned entity type; and the context
/// refuses such writes even when code bypasses the services.
/// </summary>
[Trait("Category", "Integration")]
public abstract class TenancyTests<TApp>(TApp app) where TApp : TenantApp
{
    public static TheoryData<string> OwnedTypeNames => new(TenancyCase.All.Select(c => c.Owned.Name));

    private static TenancyCase CaseOf(string name) => TenancyCase.All.Single(c => c.Owned.Name == name);

    private static Type TypeNamed(string name) => CaseOf(name).Owned;

    [Fact]
    public void Every_organisation_owned_entity_type_is_a_tenancy_case()
    {
        using var db = app.Factory.CreateDbContext(null);
        var modelTypes = db.Model.GetEntityTypes().Select(e => e.ClrType)
            .Where(t => typeof(IOrganisationOwned).IsAssignableFrom(t)).OrderBy(t => t.Name).ToList();
        Assert.Equal(modelTypes, TenancyCase.All.Select(c => c.Owned).OrderBy(t => t.Name));
        foreach (var @case in TenancyCase.All)
        {
            var calls = @case.Lists.Count + @case.Reads.Count + @case.Changes.Count + @case.Deletes.Count;
            Assert.True(calls > 0 || @case.Through is not null || @case.Unreached is not null, $"{@case} names no call, no owner and no reason.");
            if (@case.Through is { } owner) Assert.NotEmpty(TenancyCase.All.Single(c => c.Owned == owner).Reads);
        }
    }

    [Fact]
    public void Every_feature_service_method_that_takes_a_row_id_is_a_tenancy_case()
    {
        // A public method of a feature service that takes an id (a Guid or Guid?, in any place, or a list of them) reaches rows by id.
        var takingIds = typeof(WorkTrackr.Web.Features.Contacts.ContactService).Assembly.GetTypes()
            .Where(t => t.IsPublic && t.IsClass && !t.IsAbstract && t.Namespace?.StartsWith("WorkTrackr.Web.Features", StringComparison.Ordinal) == true)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => typeof(Task).IsAssignableFrom(m.ReturnType) && m.GetParameters().Any(p => IsId(p.ParameterType)))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}").ToHashSet();
        var cases = TenancyCase.All.SelectMany(c => c.Reads.Concat(c.Changes).Concat(c.Deletes)).Select(c => c.ToString()).ToHashSet();

        var uncovered = takingIds.Except(cases).Except(TenancyCase.NotRowCalls.Keys).Order().ToList();
        Assert.True(uncovered.Count == 0, $"Neither a tenancy case nor in NotRowCalls: {string.Join(", ", uncovered)}");
        Assert.Empty(TenancyCase.NotRowCalls.Keys.Except(takingIds).Order()); // no stale exemptions
    }

    [Theory]
    [MemberData(nameof(OwnedTypeNames))]
    public async Task Lists_show_the_users_own_rows_and_none_of_another_organisation(string typeName)
    {
        var type = TypeNamed(typeName);
        foreach (var list in CaseOf(typeName).Lists)
        {
            await using var scope = await app.Factory.SignedInScopeAsync(app.A.Users[list.Role]);
            var ids = (await list.Invoke(scope.ServiceProvider)).ToList();
            Assert.True(ids.Contains(app.A.RowIds[type]), $"{list} does not show A's own {typeName}.");
            Assert.False(ids.Contains(app.B.RowIds[type]), $"{list} shows B's {typeName}.");
        }
    }

    [Theory]
    [MemberData(nameof(OwnedTypeNames))]
    public async Task Reads_find_the_users_own_row_and_not_another_organisations(string typeName)
    {
        var type = TypeNamed(typeName);
        foreach (var read in CaseOf(typeName).Reads)
        {
            await using var scope = await app.Factory.SignedInScopeAsync(app.A.Users[read.Role]);
            await ArrangeAsync(read, app.A, type, true);
            await ArrangeAsync(read, app.B, type, true);
            try
            {
                if (read.FindsOwnRow)
                {
                    var own = await read.RunAsync(scope.ServiceProvider, app.A.RowIds[type]);
                    Assert.True(own is Result result ? result.Succeeded : own is not null, $"{read} does not find A's own {typeName}.");
                }
                var other = await read.RunAsync(scope.ServiceProvider, app.B.RowIds[type]);
                Assert.True(read.Refuses(other), $"{read} finds B's {typeName}.");
            }
            finally
            {
                await ArrangeAsync(read, app.A, type, false);
                await ArrangeAsync(read, app.B, type, false);
            }
        }
    }

    /// <summary>
    /// Changes and deletes are made on B's row only: on A's own rows most would change the fixture the other cases read
    /// (each feature's own tests prove they work).
    /// </summary>
    [Theory]
    [MemberData(nameof(OwnedTypeNames))]
    public async Task Changes_and_deletes_do_not_reach_another_organisations_row(string typeName)
    {
        var type = TypeNamed(typeName);
        var @case = CaseOf(typeName);
        foreach (var call in @case.Changes.Concat(@case.Deletes))
        {
            await ArrangeAsync(call, app.B, type, true);
            try
            {
                var before = await SnapshotOfBAsync(type);
                await using var scope = await app.Factory.SignedInScopeAsync(app.A.Users[call.Role]);
                var outcome = await call.RunAsync(scope.ServiceProvider, app.B.RowIds[type]);
                Assert.True(call.Refuses(outcome), $"{call} on B's {typeName}: {(outcome as Result)?.Status} {(outcome as Result)?.Message}");
                Assert.Equal(before, await SnapshotOfBAsync(type));
            }
            finally
            {
                await ArrangeAsync(call, app.B, type, false);
            }
        }
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

    private async Task ArrangeAsync(ServiceCall call, TestOrganisation organisation, Type type, bool on)
    {
        if (call.Arrange is null) return;
        await using var db = app.Factory.CreateDbContext(organisation.Id);
        await call.Arrange(db, organisation.RowIds[type], on);
    }

    /// <summary>B's row as JSON, read behind the app's back with B as the tenant; null when it is gone.</summary>
    private async Task<string?> SnapshotOfBAsync(Type type)
    {
        await using var db = app.Factory.CreateDbContext(app.B.Id);
        var row = await LoadIgnoringTenancyAsync(db, type, app.B.RowIds[type], required: false);
        return row is null ? null : System.Text.Json.JsonSerializer.Serialize(db.Entry(row).Properties.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue?.ToString()));
    }

    private static bool IsId(Type type) =>
        type == typeof(Guid) || type == typeof(Guid?)
        || (type.IsGenericType && type.GetGenericArguments() is [var item] && typeof(IEnumerable<>).MakeGenericType(item).IsAssignableFrom(type) && IsId(item));

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
        var text = properties.FirstOrDefault(p => p.PropertyType == typeof(string) && p.Name is "Name" or "Title" or "Description" or "EntityType" or "Notes" or "Text" or "Email");
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
