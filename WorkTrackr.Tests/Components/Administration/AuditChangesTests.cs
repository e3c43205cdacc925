using Bunit;
using WorkTrackr.Data.Auditing;
using WorkTrackr.Web.Features.Administration;

namespace WorkTrackr.Tests.Components.Administration;

/// <summary>An audit entry's fields as the log and a record's History show them.</summary>
[Trait("Category", "Unit")]
public sealed class AuditChangesTests : ComponentTest
{
    private static AuditRow Row(AuditAction action, params AuditChange[] changes) =>
        new(Guid.NewGuid(), new DateTime(2026, 12, 4, 9, 0, 0, DateTimeKind.Utc), null, "Dana Dispatcher", "Contact", Guid.NewGuid().ToString(), action, changes);

    [Fact]
    public void A_change_shows_each_field_from_its_old_value_to_its_new_one_and_an_empty_value_says_so()
    {
        var cut = Context.Render<AuditChanges>(p => p.Add(c => c.Row, Row(AuditAction.Updated, new AuditChange("Phone", null, "555 0199"), new AuditChange("Name", "Old Co", "New Co"))));

        var items = cut.FindAll("li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["Phone: (empty) → 555 0199", "Name: Old Co → New Co"], items);
    }

    [Fact]
    public void A_created_record_shows_what_it_held_and_a_long_value_is_cut_short()
    {
        var cut = Context.Render<AuditChanges>(p => p.Add(c => c.Row, Row(AuditAction.Created, new AuditChange("Notes", null, new string('x', 300)))));

        var text = cut.Find("li").TextContent;
        Assert.DoesNotContain("→", text, StringComparison.Ordinal);
        Assert.Contains(new string('x', 120) + "…", text, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 121), text, StringComparison.Ordinal);
    }
}
