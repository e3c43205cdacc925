using Microsoft.Playwright;

namespace WorkTrackr.Tests.Browser.Pages;

/// <summary>The ticket template designer (admin/templates/…): a name, fields in order, and a live preview.</summary>
public sealed class TemplateDesignerPage(IPage page)
{
    public const string ListPath = "admin/templates";

    public ILocator NewTemplateHeading => page.GetByRole(AriaRole.Heading, new() { Name = "New template" });
    public ILocator Preview => page.GetByTestId("template-preview");

    /// <summary>From the template list.</summary>
    public async Task NewTemplateAsync() => await page.GetByTestId("new-template").ClickAsync();

    public async Task NameAsync(string name) => await page.GetByTestId("template-name").FillAsync(name);
    public async Task AddFieldAsync() => await page.GetByTestId("add-field").ClickAsync();
    public async Task SaveAsync() => await page.GetByTestId("save-template").ClickAsync();

    /// <summary>The designer's <paramref name="index"/>-th field (0 = the first).</summary>
    public Field FieldAt(int index) => new(page.GetByTestId("designer-field").Nth(index));

    public sealed class Field(ILocator root)
    {
        public ILocator Label => root.GetByTestId("field-label");
        /// <summary>The type picker (a combobox), whose value is the chosen type's label.</summary>
        public ILocator Type => root.GetByTestId("field-type");
        public ILocator Options => root.GetByTestId("field-options");
        public ILocator Error => root.Locator(".validation-message");

        /// <summary>Picks the field's type by its label, such as "Select (options)" or "Checkbox".</summary>
        public async Task ChooseTypeAsync(string type) => await ComponentLibrary.ChooseInMudSelectAsync(Type, type);

        public async Task MoveUpAsync() => await root.GetByTestId("field-up").ClickAsync();
    }
}
