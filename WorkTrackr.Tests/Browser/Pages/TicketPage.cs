using Microsoft.Playwright;

namespace WorkTrackr.Tests.Browser.Pages;

/// <summary>A ticket: its form (tickets/new, or editing one) and, once saved, its page with fields and timeline.</summary>
public sealed class TicketPage(IPage page)
{
    public ILocator NewTicketHeading => page.GetByRole(AriaRole.Heading, new() { Name = "New ticket" });

    // The form.
    public ILocator Template => page.GetByTestId("template");
    public ILocator Title => page.GetByTestId("title");
    public ILocator Description => page.GetByTestId("description");
    public ILocator Priority => page.GetByTestId("priority");

    /// <summary>The priority the form shows (the select's text).</summary>
    public ILocator PriorityText => ComponentLibrary.InputOf(Priority);

    // The visit's start and end: a date and a time each, in the user's zone.
    public ILocator StartDate => page.GetByTestId("start").GetByRole(AriaRole.Textbox, new() { Name = "Start", Exact = true });
    public ILocator StartTime => page.GetByTestId("start").GetByRole(AriaRole.Textbox, new() { Name = "Start time", Exact = true });
    public ILocator EndDate => page.GetByTestId("end").GetByRole(AriaRole.Textbox, new() { Name = "End", Exact = true });
    public ILocator EndTime => page.GetByTestId("end").GetByRole(AriaRole.Textbox, new() { Name = "End time", Exact = true });
    public ILocator CustomFields => page.GetByTestId("custom-fields");
    public ILocator Save => page.GetByTestId("save");

    /// <summary>The labels of the template's custom fields, in the order the form shows them.</summary>
    public ILocator CustomFieldLabels => CustomFields.Locator("[data-field] label");

    /// <summary>The input of the custom field with key <paramref name="key"/>.</summary>
    public ILocator CustomField(string key) => page.Locator($"[data-field={key}]").Locator("input");

    /// <summary>The message beside the custom field with key <paramref name="key"/>.</summary>
    public ILocator CustomFieldError(string key) => page.Locator($"[data-field={key}]").GetByRole(AriaRole.Alert);

    public async Task ChooseTemplateAsync(string name) => await ComponentLibrary.ChooseAsync(Template, name);
    public async Task ChoosePriorityAsync(string priority) => await ComponentLibrary.ChooseAsync(Priority, priority);

    // The saved ticket.
    public ILocator TicketTitle => page.GetByTestId("ticket-title");
    public ILocator TicketNumber => page.GetByTestId("ticket-number");
    public ILocator TicketFields => page.GetByTestId("ticket-fields");
    public ILocator Timeline => page.GetByTestId("timeline");
}
