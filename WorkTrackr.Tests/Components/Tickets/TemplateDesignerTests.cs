using AngleSharp.Dom;
using Bunit;
using MudBlazor;
using WorkTrackr.Tests.Integration;
using WorkTrackr.Web.Features.Tickets.Templates;

namespace WorkTrackr.Tests.Components.Tickets;

/// <summary>
/// The template designer's field list and its live preview, on the real template service. MudBlazor's popover and dialog
/// providers are rendered beside the page, as the layout has them: the type picker's options and the confirmations show there.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TemplateDesignerTests(SqliteApp app) : AppComponentTest(app)
{
    private ApplicationUser admin = default!;
    private IRenderedComponent<MudPopoverProvider> popovers = default!;
    private IRenderedComponent<MudDialogProvider> dialogs = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        admin = await SignInAsync(Roles.Admin);
        popovers = Popovers;
        dialogs = Context.Render<MudDialogProvider>();
    }

    [Fact]
    public async Task A_new_field_shows_in_the_preview_with_its_label_type_options_required_mark_and_help()
    {
        var cut = Context.Render<TemplateDesignerPage>();
        Assert.Contains("Add a field to see it here.", Preview(cut).Text());

        await cut.Button("Add field").ClickAsync();
        await Field(cut, 0).ByLabel("Label").TypeAsync("Site access");

        Assert.Equal(["Site access"], PreviewLabels(cut));
        Assert.Empty(Preview(cut).ByLabel("Site access").Options()); // a text box until it is given a type

        await Field(cut, 0).ByLabel("Type").ChooseAsync("Select (options)", popovers);
        await Field(cut, 0).ByLabel("Options, one per line").TypeAsync("Front door\n\n  Side gate \nKey safe");
        await Field(cut, 0).ByLabel("Required").ToggleAsync();
        await Field(cut, 0).ByLabel("Help text (optional)").TypeAsync("Where the technician gets in");

        Assert.Equal(["Site access *"], PreviewLabels(cut));
        Assert.Equal(["Front door", "Side gate", "Key safe"], await Preview(cut).ByLabel("Site access").OptionsAsync(Popovers));
        Assert.Contains("Where the technician gets in", Preview(cut).Text());
    }

    [Fact]
    public async Task Moving_a_field_down_reorders_the_list_and_the_preview()
    {
        var cut = Context.Render<TemplateDesignerPage>();
        foreach (var label in new[] { "Serial number", "Visit date", "Notes" })
        {
            await cut.Button("Add field").ClickAsync();
            await Field(cut, cut.AllByTestId("designer-field").Count - 1).ByLabel("Label").TypeAsync(label);
        }

        await cut.Button("Move Serial number down").ClickAsync();

        Assert.Equal(["Visit date", "Serial number", "Notes"], ListLabels(cut));
        Assert.Equal(["Visit date", "Serial number", "Notes"], PreviewLabels(cut));
        Assert.True(cut.Button("Move Visit date up").HasAttribute("disabled"));
        Assert.True(cut.Button("Move Notes down").HasAttribute("disabled"));
        Assert.False(cut.Button("Move Serial number up").HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_removed_saved_field_leaves_the_preview_and_comes_back_in_its_place_when_restored()
    {
        var id = await SaveTemplateAsync("Boiler service", ("Serial number", CustomFieldType.Text), ("Visit date", CustomFieldType.Date), ("Notes", CustomFieldType.MultiLine));
        var cut = Context.Render<TemplateDesignerPage>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => Assert.Equal(3, cut.AllByTestId("designer-field").Count));

        await RemoveAsync(cut, "Visit date");

        Assert.Equal(["Serial number", "Notes"], ListLabels(cut));
        Assert.Equal(["Serial number", "Notes"], PreviewLabels(cut));
        var removed = cut.ByTestId("removed-fields");
        Assert.Contains("Removed fields (1)", removed.Text());
        Assert.Contains("Visit date (Date)", removed.Text());

        await removed.Button("Restore Visit date").ClickAsync();

        Assert.Equal(["Serial number", "Visit date", "Notes"], ListLabels(cut));
        Assert.Equal(["Serial number", "Visit date", "Notes"], PreviewLabels(cut));
        Assert.Empty(cut.AllByTestId("removed-fields"));
    }

    [Fact]
    public async Task A_removed_unsaved_field_is_gone_with_nothing_to_restore()
    {
        var cut = Context.Render<TemplateDesignerPage>();
        await cut.Button("Add field").ClickAsync();
        await Field(cut, 0).ByLabel("Label").TypeAsync("Temporary");

        await RemoveAsync(cut, "Temporary");

        Assert.Empty(cut.AllByTestId("designer-field"));
        Assert.Empty(cut.AllByTestId("removed-fields"));
        Assert.NotNull(cut.ByTestId("no-fields"));
        Assert.Contains("Add a field to see it here.", Preview(cut).Text());
    }

    [Fact]
    public async Task A_saved_field_keeps_its_type_while_a_new_one_can_choose()
    {
        var id = await SaveTemplateAsync("Inspection", ("Meter reading", CustomFieldType.Number));
        var cut = Context.Render<TemplateDesignerPage>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => Assert.Single(cut.AllByTestId("designer-field")));

        await cut.Button("Add field").ClickAsync();

        Assert.True(TypeBox(Field(cut, 0)).HasAttribute("disabled"));
        Assert.False(TypeBox(Field(cut, 1)).HasAttribute("disabled"));
    }

    [Fact]
    public async Task Saving_a_field_without_a_label_shows_the_message_beside_that_field()
    {
        var cut = Context.Render<TemplateDesignerPage>();
        await cut.ByLabel("Template name").TypeAsync("Window cleaning");
        await cut.Button("Add field").ClickAsync();
        await Field(cut, 0).ByLabel("Label").TypeAsync("Floors");
        await cut.Button("Add field").ClickAsync();

        await cut.Button("Create template").ClickAsync();

        cut.WaitForAssertion(() => Assert.Equal("Give the field a label.", Field(cut, 1).ByLabel("Label").Description()));
        Assert.Equal("", Field(cut, 0).ByLabel("Label").Description());
    }

    [Fact]
    public async Task Removing_a_field_asks_first_and_keeping_it_changes_nothing()
    {
        var cut = Context.Render<TemplateDesignerPage>();
        await cut.Button("Add field").ClickAsync();
        await Field(cut, 0).ByLabel("Label").TypeAsync("Gate code");

        var removing = cut.Button("Remove Gate code").ClickAsync();
        dialogs.WaitForAssertion(() => Assert.Contains("Remove Gate code?", dialogs.Markup));
        await dialogs.Button("Keep it").ClickAsync();
        await removing;

        Assert.Equal(["Gate code"], ListLabels(cut));
        Assert.Equal(["Gate code"], PreviewLabels(cut));
    }

    [Fact]
    public async Task A_new_blank_field_goes_without_asking()
    {
        var cut = Context.Render<TemplateDesignerPage>();
        await cut.Button("Add field").ClickAsync();

        await cut.Button("Remove this field").ClickAsync();

        Assert.Empty(cut.AllByTestId("designer-field"));
        Assert.DoesNotContain("Remove this field?", dialogs.Markup);
    }

    /// <summary>Clicks the field's remove button and confirms in the message box it opens.</summary>
    private async Task RemoveAsync(IRenderedComponent<TemplateDesignerPage> cut, string label)
    {
        var removing = cut.Button($"Remove {label}").ClickAsync();
        dialogs.WaitForAssertion(() => Assert.Contains($"Remove {label}?", dialogs.Markup));
        await dialogs.Button("Remove").ClickAsync();
        await removing;
    }

    private static IElement Preview(IRenderedComponent<TemplateDesignerPage> cut) => cut.ByTestId("template-preview");

    private static IElement Field(IRenderedComponent<TemplateDesignerPage> cut, int index) => cut.AllByTestId("designer-field")[index];

    private static IElement TypeBox(IElement field) => field.ByLabel("Type").Closest("[role='combobox']")!;

    /// <summary>The fields as the designer lists them, by the label typed into each.</summary>
    private static string[] ListLabels(IRenderedComponent<TemplateDesignerPage> cut) =>
        [.. cut.AllByTestId("designer-field").Select(f => f.ByLabel("Label").ValueOf() ?? "")];

    /// <summary>The fields as a dispatcher would see them on a new ticket, by their labels in order.</summary>
    private static string[] PreviewLabels(IRenderedComponent<TemplateDesignerPage> cut) =>
        [.. Preview(cut).QuerySelectorAll("label").Select(l => l.Text())];

    private async Task<Guid> SaveTemplateAsync(string name, params (string Label, CustomFieldType Type)[] fields)
    {
        var input = new TemplateInput { Name = name, Fields = [.. fields.Select(f => new FieldInput { Label = f.Label, Type = f.Type })] };
        var saved = await Factory.RunAsAsync(admin, (TicketTemplateService s) => s.SaveAsync(null, input, null));
        Assert.True(saved.Succeeded, saved.Message);
        return saved.Value;
    }
}
