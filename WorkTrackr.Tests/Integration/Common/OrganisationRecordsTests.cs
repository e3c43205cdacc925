using Microsoft.Extensions.DependencyInjection;
using WorkTrackr.Data.Contacts;
using WorkTrackr.Data.Identity;
using WorkTrackr.Data.Tickets;
using WorkTrackr.Tests.Integration.Tenancy;
using WorkTrackr.Tests.TestData;
using WorkTrackr.Web.Features.Common;
using WorkTrackr.Web.Infrastructure;

namespace WorkTrackr.Tests.Integration.Common;

[Trait("Category", "Integration")]
public sealed class OrganisationRecordsTests(SqliteTenantApp app) : IClassFixture<SqliteTenantApp>
{
    private async Task<T> AsAdminAsync<T>(Func<OrganisationRecords, Task<T>> action)
    {
        await using var scope = await app.Factory.SignedInScopeAsync(app.A.Users[Roles.Admin]);
        return await action(scope.ServiceProvider.GetRequiredService<OrganisationRecords>());
    }

    [Fact]
    public async Task The_second_of_two_edits_from_the_same_version_is_a_conflict_and_changes_nothing()
    {
        var id = app.A.RowIds[typeof(Ticket)];
        var opened = (await AsAdminAsync(r => r.FindAsync<Ticket>(id)))!;

        var first = await AsAdminAsync(r => r.UpdateAsync<Ticket>(id, opened.Version, t => t.Title = "First editor"));
        var second = await AsAdminAsync(r => r.UpdateAsync<Ticket>(id, opened.Version, t => t.Title = "Second editor"));

        Assert.Equal(ResultStatus.Ok, first.Status);
        Assert.Equal(ResultStatus.Conflict, second.Status);
        Assert.Equal("First editor", (await AsAdminAsync(r => r.FindAsync<Ticket>(id)))!.Title);
    }

    [Fact]
    public async Task Saving_keeps_creation_time_and_moves_update_time_and_version()
    {
        var id = app.A.RowIds[typeof(Contact)];
        var before = (await AsAdminAsync(r => r.FindAsync<Contact>(id)))!;

        await AsAdminAsync(r => r.UpdateAsync<Contact>(id, before.Version, c => c.Phone = "555-0100"));
        var after = (await AsAdminAsync(r => r.FindAsync<Contact>(id)))!;

        Assert.Equal(before.CreatedAt, after.CreatedAt);
        Assert.True(after.UpdatedAt > before.UpdatedAt);
        Assert.NotEqual(before.Version, after.Version);
        Assert.Equal(DateTimeKind.Utc, after.UpdatedAt.Kind);
    }

    [Fact]
    public async Task Removing_a_record_that_history_points_at_deactivates_it()
    {
        var contact = new Contact { Name = "To retire" };
        await using (var db = app.Factory.CreateDbContext(app.A.Id))
        {
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
        }
        var id = contact.Id;

        var result = await AsAdminAsync(r => r.RemoveAsync<Contact>(id));

        Assert.True(result.Succeeded);
        var retired = await AsAdminAsync(r => r.FindAsync<Contact>(id));
        Assert.NotNull(retired);
        Assert.False(retired.IsActive);
    }
}
