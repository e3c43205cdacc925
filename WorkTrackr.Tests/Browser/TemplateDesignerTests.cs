using System.Text.RegularExpressions;
using WorkTrackr.Tests.Browser.Pages;
using static Microsoft.Playwright.Assertions;

namespace WorkTrackr.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class TemplateDesignerTests(BrowserApp app)
{
    [Fact]
    public async Task An_admin_designs_a_template_and_dispatchers_get_its_fields_in_that_order()
    {
        var page = await app.OpenAsAsync("admin@northwind.test", TemplateDesignerPage.ListPath);
        var designer = new TemplateDesignerPage(page);
        await designer.NewTemplateAsync();
        await Expect(designer.NewTemplateHeading).ToBeVisibleAsync();

        await designer.NameAsync("Roof survey");
        await designer.AddFieldAsync();
        var roofType = designer.FieldAt(0);
        await roofType.Label.FillAsync("Roof type");
        await roofType.ChooseTypeAsync("Select (options)");
        // The picker shows the choice once the server has it: saving before then would save a text field.
        await Expect(roofType.Type).ToHaveValueAsync("Select (options)");
        await designer.SaveAsync();
        // Refused beside the field: a select needs options. Nothing typed is lost.
        await Expect(roofType.Error).ToHaveTextAsync("A select field needs at least one option, one per line.");
        await roofType.Options.FillAsync("Flat\nPitched");

        await designer.AddFieldAsync();
        var ladder = designer.FieldAt(1);
        await ladder.Label.FillAsync("Ladder needed");
        await ladder.ChooseTypeAsync("Checkbox");
        await Expect(ladder.Type).ToHaveValueAsync("Checkbox");
        await ladder.MoveUpAsync();
        await Expect(designer.Preview).ToContainTextAsync("Ladder needed");
        await designer.SaveAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/admin/templates/[0-9a-f-]{36}$"));
        await Expect(new AppShell(page).Heading).ToHaveTextAsync("Roof survey");
        await Expect(designer.FieldAt(0).Label).ToHaveValueAsync("Ladder needed");

        var ticket = new TicketPage(await app.OpenAsAsync("dispatcher@northwind.test", "tickets/new"));
        await ticket.ChooseTemplateAsync("Roof survey");
        await Expect(ticket.CustomFieldLabels).ToHaveTextAsync(["Ladder needed", "Roof type"]);
    }
}
