using System.Net;
using WorkTrackr.Data.Auditing;
using WorkTrackr.Web.Features.Administration;
using WorkTrackr.Web.Features.Contacts;

namespace WorkTrackr.Tests.Integration.Auditing;

/// <summary>The audit log as Admins and Managers read it: filtered and paged in the database, newest first, and as CSV.</summary>
[Trait("Category", "Integration")]
public sealed class AuditLogViewerTests(SqliteTenantApp app) : IClassFixture<SqliteTenantApp>
{
    private async Task<Guid> ContactAsync(ApplicationUser by, string name)
    {
        var created = await app.Factory.RunAsAsync(by, (ContactService s) => s.CreateAsync(new ContactInput { Name = name }));
        Assert.True(created.Succeeded, created.Message);
        return created.Value;
    }

    [Fact]
    public async Task A_manager_filters_by_person_type_and_record_and_pages_newest_first()
    {
        var (dispatcher, manager) = (app.A.Users[Roles.Dispatcher], app.A.Users[Roles.Manager]);
        var first = await ContactAsync(dispatcher, "Viewer Velvet One");
        var second = await ContactAsync(dispatcher, "Viewer Velvet Two");
        await ContactAsync(manager, "Viewer Velvet Three");

        var byDispatcher = (await app.Factory.RunAsAsync(manager, (AuditLog s) => s.SearchAsync(new AuditQuery { UserId = dispatcher.Id, EntityType = "Contact", PageSize = 1 }))).Value!;
        var record = (await app.Factory.RunAsAsync(manager, (AuditLog s) => s.SearchAsync(new AuditQuery { EntityId = first.ToString() }))).Value!;
        var page2 = (await app.Factory.RunAsAsync(manager, (AuditLog s) => s.SearchAsync(new AuditQuery { UserId = dispatcher.Id, EntityType = "Contact", PageSize = 1, Page = 1 }))).Value!;

        Assert.True(byDispatcher.Total >= 2);
        Assert.Equal(second.ToString(), Assert.Single(byDispatcher.Items).EntityId); // newest first
        Assert.Equal(first.ToString(), Assert.Single(page2.Items).EntityId);
        var entry = Assert.Single(record.Items);
        Assert.Equal((AuditAction.Created, dispatcher.DisplayName), (entry.Action, entry.Who));
        Assert.Contains(entry.Changes, c => c.Field == "Name" && c.New == "Viewer Velvet One");
        // Another organisation's log is not this one's.
        var other = (await app.Factory.RunAsAsync(app.B.Users[Roles.Manager], (AuditLog s) => s.SearchAsync(new AuditQuery { EntityId = first.ToString() }))).Value!;
        Assert.Equal(0, other.Total);
        Assert.Empty((await app.Factory.RunAsAsync(app.B.Users[Roles.Manager], (AuditLog s) => s.HistoryAsync("Contact", first))).Value!);
        Assert.Single((await app.Factory.RunAsAsync(manager, (AuditLog s) => s.HistoryAsync("Contact", first))).Value!);
    }

    [Fact]
    public async Task Dispatchers_and_technicians_may_not_read_the_log()
    {
        foreach (var role in new[] { Roles.Dispatcher, Roles.Technician })
        {
            var refused = await app.Factory.RunAsAsync(app.A.Users[role], (AuditLog s) => s.SearchAsync(new AuditQuery()));
            Assert.Equal(ResultStatus.Forbidden, refused.Status);
        }
        using var client = await app.Factory.SignedInClientAsync(app.A.Users[Roles.Dispatcher]);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/audit/export.csv")).StatusCode);
    }

    [Fact]
    public async Task The_csv_export_follows_the_filters()
    {
        var id = await ContactAsync(app.A.Users[Roles.Dispatcher], "Viewer Csv Cactus");
        using var client = await app.Factory.SignedInClientAsync(app.A.Users[Roles.Admin]);

        var response = await client.GetAsync($"/admin/audit/export.csv?record={id}");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = csv.TrimEnd().Split('\n');
        Assert.Equal("When,Who,Record type,Record,Action,Changes", lines[0].TrimEnd('\r'));
        Assert.Single(lines.Skip(1));
        Assert.Contains("Viewer Csv Cactus", lines[1], StringComparison.Ordinal);
        Assert.Contains(",Created,", lines[1], StringComparison.Ordinal);
    }
}
