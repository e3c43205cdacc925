using WorkTrackr.Web.Features.Tickets;
using WorkTrackr.Web.Infrastructure.Changes;

namespace WorkTrackr.Tests.Integration.Dashboard;

/// <summary>
/// Open views hear of their organisation's changes through the database alone: two app nodes on one PostgreSQL
/// database, a ticket saved on one, the other node's subscriber told at its next poll, and nobody else's. The tests
/// drive the polls themselves (the nodes' own would come once an hour), so nothing depends on timing.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DataChangeFeedTests
{
    private static WorkTrackrFactory Node(TestDatabase database)
    {
        var node = new WorkTrackrFactory(database);
        node.Settings["DataChanges:PollInterval"] = "01:00:00";
        _ = node.Services; // start it, migrations included, before the next node
        return node;
    }

    [Fact]
    public async Task A_ticket_saved_on_one_node_reaches_the_other_nodes_subscribers_and_only_its_organisations()
    {
        using var database = await SharedPostgres.CreateDatabaseAsync();
        await using var nodeA = Node(database);
        await using var nodeB = Node(database);
        var alpha = await TestOrganisations.CreateAsync(nodeA, "Alpha Feeds");
        var bravo = await TestOrganisations.CreateAsync(nodeA, "Bravo Feeds");

        var feed = nodeB.Services.GetRequiredService<DataChangeFeed>();
        var alphaChanged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bravoChanges = 0;
        using var alphaSubscription = feed.Subscribe(alpha.Id, () => { alphaChanged.TrySetResult(); return Task.CompletedTask; });
        using var bravoSubscription = feed.Subscribe(bravo.Id, () => { Interlocked.Increment(ref bravoChanges); return Task.CompletedTask; });
        await feed.PollAsync(CancellationToken.None); // the first reading is each organisation's baseline

        var created = await nodeA.RunAsAsync(alpha.Users[Roles.Dispatcher], (TicketService s) =>
            s.CreateAsync(new TicketInput { Title = "Printer on fire", Priority = TicketPriority.Urgent }));
        Assert.True(created.Succeeded, created.Message);
        Assert.False(alphaChanged.Task.IsCompleted); // not before node B looks

        await feed.PollAsync(CancellationToken.None);
        Assert.True(alphaChanged.Task.IsCompleted);
        Assert.Equal(0, bravoChanges);
    }

    [Fact]
    public async Task Saves_that_change_no_business_record_raise_nothing_a_disposed_subscription_hears_nothing_and_a_later_one_starts_afresh()
    {
        using var database = TestDatabase.Sqlite();
        await using var node = Node(database);
        var alpha = await TestOrganisations.CreateAsync(node, "Alpha Quiet");
        var feed = node.Services.GetRequiredService<DataChangeFeed>();
        var changes = 0;
        var subscription = feed.Subscribe(alpha.Id, () => { Interlocked.Increment(ref changes); return Task.CompletedTask; });
        await feed.PollAsync(CancellationToken.None);

        await using (var db = node.CreateDbContext(alpha.Id))
        {
            db.Notifications.Add(new WorkTrackr.Data.Notifications.Notification { UserId = alpha.Users[Roles.Manager].Id, Title = "Not a business record", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        await feed.PollAsync(CancellationToken.None);
        Assert.Equal(0, changes);

        await node.AddAsync(alpha.Id, Build.Ticket("Counts"));
        await feed.PollAsync(CancellationToken.None);
        Assert.Equal(1, changes);

        subscription.Dispose();
        await node.AddAsync(alpha.Id, Build.Ticket("Unheard"));
        await feed.PollAsync(CancellationToken.None);
        Assert.Equal(1, changes);

        // A view opened later loads what is there now, so the change made while nobody watched is not replayed to it.
        var later = 0;
        using var returning = feed.Subscribe(alpha.Id, () => { Interlocked.Increment(ref later); return Task.CompletedTask; });
        await feed.PollAsync(CancellationToken.None);
        Assert.Equal(0, later);
    }
}
