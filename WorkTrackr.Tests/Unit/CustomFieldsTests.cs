using WorkTrackr.Web.Features.Tickets;

namespace WorkTrackr.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class CustomFieldsTests
{
    private static readonly CustomFieldDefinition[] Fields =
    [
        new() { Key = "asset", Label = "Asset tag", Type = CustomFieldType.Text, Required = true },
        new() { Key = "hours", Label = "Hours", Type = CustomFieldType.Number },
        new() { Key = "visit", Label = "Visit date", Type = CustomFieldType.Date },
        new() { Key = "site", Label = "Site", Type = CustomFieldType.Select, Options = ["Office", "Warehouse"] },
        new() { Key = "agree", Label = "Customer agreed", Type = CustomFieldType.Checkbox, Required = true },
        new() { Key = "old", Label = "Old field", Type = CustomFieldType.Text, Required = true, Removed = true },
    ];

    [Fact]
    public void Each_bad_value_is_reported_beside_its_own_field()
    {
        var errors = CustomFields.Validate(Fields, new Dictionary<string, string?>
        {
            ["asset"] = "  ", ["hours"] = "three", ["visit"] = "31/12/2026", ["site"] = "Garage", ["agree"] = "false",
        });

        Assert.Equal("Asset tag is required.", Assert.Single(errors[CustomFields.ErrorKey("asset")]));
        Assert.Equal("Hours must be a number.", Assert.Single(errors[CustomFields.ErrorKey("hours")]));
        Assert.Equal("Visit date must be a date.", Assert.Single(errors[CustomFields.ErrorKey("visit")]));
        Assert.Equal("Choose one of the options for Site.", Assert.Single(errors[CustomFields.ErrorKey("site")]));
        Assert.Equal("Customer agreed must be ticked.", Assert.Single(errors[CustomFields.ErrorKey("agree")]));
        Assert.False(errors.ContainsKey(CustomFields.ErrorKey("old"))); // removed fields are no longer asked for
    }

    [Fact]
    public void Good_values_pass()
    {
        var errors = CustomFields.Validate(Fields, new Dictionary<string, string?>
        {
            ["asset"] = "NW-1234", ["hours"] = "2.5", ["visit"] = "2026-12-31", ["site"] = "Office", ["agree"] = "true",
        });

        Assert.Empty(errors);
    }
}
