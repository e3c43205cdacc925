using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WorkTrackr.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class TemplateDesignerTests(BrowserApp app)
{
    [Fact]
    public async Task An_admin_designs_a_template_and_dispatchers_get_its_fields_in_that_order()
    {
        var page = await app.OpenAsAsync("admin@northwind.test", "admin/templates");
        await page.GetByTestId("new-template").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New template" })).ToBeVisibleAsync();

        await page.GetByTestId("template-name").FillAsync("Roof survey");
        await page.GetByTestId("add-field").ClickAsync();
        var fields = page.GetByTestId("designer-field");
        await fields.Nth(0).GetByTestId("field-label").FillAsync("Roof type");
        await fields.Nth(0).GetByTestId("field-type").ClickAsync();
        await page.Locator(".rz-dropdown-item:visible").Filter(new() { HasText = "Select (options)" }).ClickAsync();
        // The dropdown shows the choice once the server has it: saving before then would save a text field.
        await Expect(fields.Nth(0).GetByTestId("field-type")).ToContainTextAsync("Select (options)");
        await page.GetByTestId("save-template").ClickAsync();
        // Refused beside the field: a select needs options. Nothing typed is lost.
        await Expect(fields.Nth(0).Locator(".validation-message")).ToHaveTextAsync("A select field needs at least one option, one per line.");
        await fields.Nth(0).GetByTestId("field-options").FillAsync("Flat\nPitched");

        await page.GetByTestId("add-field").ClickAsync();
        await fields.Nth(1).GetByTestId("field-label").FillAsync("Ladder needed");
        await fields.Nth(1).GetByTestId("field-type").ClickAsync();
        await page.Locator(".rz-dropdown-item:visible").Filter(new() { HasText = "Checkbox" }).ClickAsync();
        await Expect(fields.Nth(1).GetByTestId("field-type")).ToContainTextAsync("Checkbox");
        await fields.Nth(1).GetByTestId("field-up").ClickAsync();
        await Expect(page.GetByTestId("template-preview")).ToContainTextAsync("Ladder needed");
        await page.GetByTestId("save-template").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/admin/templates/[0-9a-f-]{36}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Roof survey" })).ToBeVisibleAsync();
        await Expect(fields.Nth(0).GetByTestId("field-label")).ToHaveValueAsync("Ladder needed");

        var dispatcher = await app.OpenAsAsync("dispatcher@northwind.test", "tickets/new");
        await dispatcher.GetByTestId("template").ClickAsync();
        await dispatcher.Locator(".rz-dropdown-item:visible").Filter(new() { HasText = "Roof survey" }).ClickAsync();
        var labels = dispatcher.GetByTestId("custom-fields").Locator("[data-field] label");
        await Expect(labels).ToHaveTextAsync(["Ladder needed", "Roof type"]);
    }
}
