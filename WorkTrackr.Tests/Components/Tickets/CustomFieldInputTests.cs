using AngleSharp.Dom;
using Bunit;
using WorkTrackr.Tests.Integration;
using WorkTrackr.Web.Features.Tickets;
using WorkTrackr.Web.Features.Tickets.Templates;

namespace WorkTrackr.Tests.Components.Tickets;

/// <summary>
/// A template's custom fields on the ticket form: each type's input, the values it writes (invariant text, as tickets
/// store them) and the service's messages shown beside the field they are about.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CustomFieldInputTests(SqliteApp app) : AppComponentTest(app)
{
    private const string Template = "Site visit";
    private ApplicationUser dispatcher = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var input = new TemplateInput
        {
            Name = Template,
            Fields =
            [
                new FieldInput { Label = "Site contact", Type = CustomFieldType.Text, Required = true },
                new FieldInput { Label = "Hours estimated", Type = CustomFieldType.Number },
                new FieldInput { Label = "Visit on", Type = CustomFieldType.Date },
                new FieldInput { Label = "Access", Type = CustomFieldType.Select, OptionsText = "Front door\nKey safe" },
                new FieldInput { Label = "Parking permit", Type = CustomFieldType.Checkbox },
            ],
        };
        var saved = await Factory.RunAsAsync(Organisation.Users[Roles.Admin], (TicketTemplateService s) => s.SaveAsync(null, input, null));
        Assert.True(saved.Succeeded, saved.Message);
        dispatcher = await SignInAsync(Roles.Dispatcher);
    }

    [Fact]
    public async Task An_empty_required_field_shows_its_message_beside_that_field()
    {
        var cut = await NewTicketWithTemplateAsync();
        await cut.ByLabel("Title").TypeAsync("Boiler check");

        await cut.Button("Create ticket").ClickAsync();

        cut.WaitForAssertion(() => Assert.Equal(["Site contact is required."], Messages(FieldOf(cut, "Site contact"))));
        foreach (var other in new[] { "Hours estimated", "Visit on", "Access", "Parking permit" })
            Assert.Empty(Messages(FieldOf(cut, other)));
        Assert.Equal("http://localhost/", Navigation.Uri); // still on the form
        await using var db = Factory.CreateDbContext(Organisation.Id);
        Assert.False(await db.Tickets.AnyAsync(t => t.Title == "Boiler check"));
    }

    [Fact]
    public async Task Text_number_date_select_and_checkbox_inputs_save_their_values_on_the_ticket()
    {
        var cut = await NewTicketWithTemplateAsync();
        await cut.ByLabel("Title").TypeAsync("Boiler check");

        await cut.ByLabel("Site contact").TypeAsync("Jo Bloggs");
        await cut.ByLabel("Hours estimated").TypeAsync("2.5");
        await cut.ByLabel("Visit on").TypeDateAsync("2026-03-14");
        await cut.ByLabel("Access").ChooseAsync(Popovers, "Key safe");
        await cut.ByLabel("Parking permit").ToggleAsync();
        await cut.Button("Create ticket").ClickAsync();

        cut.WaitForAssertion(() => Assert.Matches("/tickets/[0-9a-f-]{36}$", Navigation.Uri));
        await using var db = Factory.CreateDbContext(Organisation.Id);
        var ticket = await db.Tickets.AsNoTracking().SingleAsync(t => t.Title == "Boiler check");
        Assert.Equal(new Dictionary<string, string?>
        {
            ["site_contact"] = "Jo Bloggs",
            ["hours_estimated"] = "2.5",
            ["visit_on"] = "2026-03-14",
            ["access"] = "Key safe",
            ["parking_permit"] = "true",
        }, ticket.CustomFieldValues);
    }

    [Fact]
    public async Task Each_input_shows_the_tickets_stored_value_by_its_type()
    {
        var template = await Factory.RunAsAsync(dispatcher, (TicketService s) => s.ActiveTemplatesAsync());
        var created = await Factory.RunAsAsync(dispatcher, (TicketService s) => s.CreateAsync(new TicketInput
        {
            Title = "Annual service",
            TemplateId = template.Single(t => t.Name == Template).Id,
            CustomFieldValues = new()
            {
                ["site_contact"] = "Sam Patel", ["hours_estimated"] = "1.75", ["visit_on"] = "2026-11-02", ["access"] = "Front door", ["parking_permit"] = "true",
            },
        }));
        Assert.True(created.Succeeded, created.Message);

        _ = Popovers;
        var cut = Context.Render<TicketEditPage>(p => p.Add(x => x.Id, created.Value!.Id));

        cut.WaitForAssertion(() => Assert.Equal("Sam Patel", cut.ByLabel("Site contact").ValueOf()));
        Assert.Equal("1.75", cut.ByLabel("Hours estimated").ValueOf());
        Assert.Equal("2026-11-02", cut.ByLabel("Visit on").ValueOf());
        Assert.Equal("Front door", cut.ByLabel("Access").ValueOf());
        Assert.True(cut.ByLabel("Parking permit").IsChecked());
    }

    [Fact]
    public async Task A_select_field_offers_exactly_its_options()
    {
        var cut = await NewTicketWithTemplateAsync();

        Assert.Equal(["Front door", "Key safe"], await cut.ByLabel("Access").OptionsAsync(Popovers));
    }

    /// <summary>A new ticket's form with the template chosen, as a dispatcher starts one.</summary>
    private async Task<IRenderedComponent<TicketEditPage>> NewTicketWithTemplateAsync()
    {
        _ = Popovers;
        var cut = Context.Render<TicketEditPage>();
        cut.WaitForAssertion(() => cut.ByLabel("Template")); // the templates are loaded by the time the form shows
        await cut.ByLabel("Template").ChooseAsync(Popovers, Template);
        cut.WaitForAssertion(() => Assert.Equal(Template, cut.ByTestId("custom-fields").QuerySelector("legend")?.Text()));
        return cut;
    }

    /// <summary>The block of one custom field on the form: its label, its input and its messages.</summary>
    private static IElement FieldOf(IRenderedComponent<TicketEditPage> cut, string label) =>
        cut.ByLabel(label).Closest("[data-field]") ?? throw new InvalidOperationException($"'{label}' is not in a field block.");

    private static string[] Messages(IElement field) => [.. field.QuerySelectorAll("[role='alert']").Select(a => a.Text())];
}
