using Microsoft.Playwright;

namespace WorkTrackr.Tests.Browser.Pages;

/// <summary>
/// The one place that knows how the component libraries (Radzen, and MudBlazor as pages move to it) render what the pages are built from: the
/// popup items of a dropdown, the inner input of a numeric or date field, chart series, scheduler slots and events,
/// toast notifications and the side navigation. Page objects go through here, so a move to another library changes
/// this file (and the page objects' test ids where markup moves), never a test.
/// </summary>
public static class ComponentLibrary
{
    /// <summary>Opens <paramref name="dropdown"/> and picks the item whose text contains <paramref name="option"/>.</summary>
    /// <remarks>Radzen renders each item as <c>li role="option"</c> named by its text; the closed popups of other dropdowns are hidden, so the role finds only the open one's.
    /// A MudSelect or MudAutocomplete opens on a click too and lists <c>role="option"</c> items in its popover, which is empty while closed.</remarks>
    public static async Task ChooseAsync(ILocator dropdown, string option)
    {
        await dropdown.ClickAsync();
        await dropdown.Page.GetByRole(AriaRole.Option, new() { Name = option }).ClickAsync();
    }

    /// <summary>Opens <paramref name="dropdown"/> and picks its first item.</summary>
    public static async Task ChooseFirstAsync(ILocator dropdown)
    {
        await dropdown.ClickAsync();
        await dropdown.Page.GetByRole(AriaRole.Option).First.ClickAsync();
    }

    /// <summary>
    /// The text box of a field found by its test id: Radzen puts the id on a wrapper around it; MudBlazor's text, numeric
    /// and select fields put it on the input itself, and the date wrappers on the field's root. Either way, this is it.
    /// </summary>
    public static ILocator InputOf(ILocator field) =>
        field.Locator("xpath=./descendant-or-self::*[self::input[not(@type='hidden')] or self::textarea]").First;

    // MudBlazor.

    /// <summary>
    /// The message a MudBlazor field shows under itself (its error helper text, from the form's validation messages),
    /// for the field whose input is <paramref name="input"/>.
    /// </summary>
    /// <remarks>MudBlazor renders it as text in the field's <c>mud-input-control</c> box, with no role of its own.</remarks>
    public static ILocator FieldError(ILocator input) =>
        input.Locator("xpath=./ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' mud-input-control ')][1]")
            .Locator(".mud-input-helper-text.mud-input-error");

    /// <summary>The messages shown inside <paramref name="scope"/>: MudBlazor fields' own, and role="alert" ones (ValidationMessage, FieldMessage).</summary>
    public static ILocator FieldErrors(ILocator scope) =>
        scope.Locator(".mud-input-helper-text.mud-input-error").Or(scope.GetByRole(AriaRole.Alert));

    /// <summary>
    /// Types <paramref name="text"/> into a MudAutocomplete (which searches the server) and picks the option named
    /// <paramref name="option"/> (by default the text typed) from the list it opens (<c>role="option"</c> in its popover).
    /// </summary>
    public static async Task SearchAndChooseAsync(ILocator autocomplete, string text, string? option = null)
    {
        var input = InputOf(autocomplete);
        await input.ClickAsync();
        await input.FillAsync(text);
        await autocomplete.Page.GetByRole(AriaRole.Option, new() { Name = option ?? text }).ClickAsync();
    }

    /// <summary>The notice a page shows after an action: a MudBlazor snackbar (an alert inside the layout's snackbar host),
    /// or on a page still on Radzen, its NotificationService toast.</summary>
    public static ILocator Notification(IPage page) =>
        page.GetByTestId("notices").GetByRole(AriaRole.Alert).Or(page.Locator(".rz-notification"));

    /// <summary>The links of the side navigation (the drawer's nav, named by its aria-label).</summary>
    public static ILocator NavigationItemTexts(IPage page) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link);

    /// <summary>The charts inside <paramref name="panel"/>, in order.</summary>
    public static ILocator Charts(ILocator panel) => panel.Locator(".rz-chart");

    /// <summary>The clickable shapes of a chart's column series (one per category), in order.</summary>
    public static ILocator ColumnSeriesShapes(ILocator chart) => chart.Locator(".rz-column-series path");

    /// <summary>The clickable shapes of a chart's bar series (one per category), in order.</summary>
    public static ILocator BarSeriesShapes(ILocator chart) => chart.Locator(".rz-bar-series path");

    /// <summary>The time slots of a scheduler's day view, in order from its first hour.</summary>
    public static ILocator DaySlots(ILocator scheduler) => scheduler.Locator(".rz-slots > .rz-slot");

    /// <summary>The time slots of one day (0 = the first column) of a scheduler's week view, in order from its first hour.</summary>
    public static ILocator WeekDaySlots(ILocator scheduler, int day) =>
        scheduler.Locator(".rz-week-view-content .rz-slots").Nth(day).Locator("> .rz-slot");

    /// <summary>The scheduler's appointment boxes whose content matches <paramref name="content"/> (the app's own markup inside the box).</summary>
    public static ILocator Appointments(ILocator scheduler, string content) => scheduler.Locator($".rz-event:has({content})");
}
