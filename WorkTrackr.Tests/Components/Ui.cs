using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace WorkTrackr.Tests.Components;

/// <summary>
/// Finds elements as a person or a screen reader does (by label, role and name, text) or by <c>data-testid</c>, and
/// uses them as a person would. Never by a component library's CSS class: these tests must outlive a change of library,
/// where only the few lines below that know how a library's input takes a value should need to change.
/// Find again after every action: a found element shows the markup of the moment it was found.
/// </summary>
public static class Ui
{
    public static IElement ByTestId<T>(this IRenderedComponent<T> cut, string testId) where T : IComponent =>
        Single(cut.FindAll($"[data-testid='{testId}']"), $"data-testid '{testId}'");

    public static IElement ByTestId(this IElement scope, string testId) =>
        Single(scope.QuerySelectorAll($"[data-testid='{testId}']"), $"data-testid '{testId}'");

    public static IReadOnlyList<IElement> AllByTestId<T>(this IRenderedComponent<T> cut, string testId) where T : IComponent =>
        cut.FindAll($"[data-testid='{testId}']");

    public static IReadOnlyList<IElement> AllByTestId(this IElement scope, string testId) =>
        [.. scope.QuerySelectorAll($"[data-testid='{testId}']")];

    /// <summary>The control a <c>&lt;label for&gt;</c> with exactly this text (ignoring a required marker's spaces) names.</summary>
    public static IElement ByLabel<T>(this IRenderedComponent<T> cut, string label) where T : IComponent =>
        Labelled(cut.FindAll("label"), cut.FindAll("[id]"), label);

    public static IElement ByLabel(this IElement scope, string label) =>
        Labelled(scope.QuerySelectorAll("label"), scope.QuerySelectorAll("[id]"), label);

    /// <summary>An element of an explicit <paramref name="role"/> whose accessible name (aria-label, else its text) is <paramref name="name"/>.</summary>
    public static IElement ByRole<T>(this IRenderedComponent<T> cut, string role, string name) where T : IComponent =>
        Single(cut.FindAll($"[role='{role}']").Where(e => NameOf(e) == name), $"{role} '{name}'");

    public static IElement ByRole(this IElement scope, string role, string name) =>
        Single(scope.QuerySelectorAll($"[role='{role}']").Where(e => NameOf(e) == name), $"{role} '{name}'");

    /// <summary>A button by its accessible name: its aria-label, else its text.</summary>
    public static IElement Button<T>(this IRenderedComponent<T> cut, string name) where T : IComponent =>
        Single(cut.FindAll("button, [role='button']").Where(e => NameOf(e) == name), $"button '{name}'");

    public static IElement Button(this IElement scope, string name) =>
        Single(scope.QuerySelectorAll("button, [role='button']").Where(e => NameOf(e) == name), $"button '{name}'");

    public static bool HasButton<T>(this IRenderedComponent<T> cut, string name) where T : IComponent =>
        cut.FindAll("button, [role='button']").Any(e => NameOf(e) == name);

    public static bool HasButton(this IElement scope, string name) =>
        scope.QuerySelectorAll("button, [role='button']").Any(e => NameOf(e) == name);

    /// <summary>The texts of the <c>role="option"</c> choices a combobox offers.</summary>
    public static IReadOnlyList<string> Options(this IElement control) =>
        [.. ComboBox(control).QuerySelectorAll("[role='option']").Select(NameOf)];

    /// <summary>The text a reader hears: aria-hidden parts (icons' ligature names) left out, white space squashed.</summary>
    public static string Text(this IElement element) => Squash(Audible(element));

    // How a person enters values. This is the part that knows the component library.

    /// <summary>Types into a text box or text area and leaves it (a change event).</summary>
    public static Task TypeAsync(this IElement input, string text) => Input(input).ChangeAsync(new ChangeEventArgs { Value = text });

    /// <summary>Types a date (as the field shows it, ISO by default) into a date field and leaves it.</summary>
    public static Task TypeDateAsync(this IElement input, string text) => Input(input).ChangeAsync(new ChangeEventArgs { Value = text });

    /// <summary>
    /// Opens a combobox whose options show in a popover outside it (MudBlazor's select, rendered by the
    /// <paramref name="popovers"/> provider the test rendered beside the component) and clicks the option of that text.
    /// </summary>
    public static async Task ChooseAsync<TPopovers>(this IElement control, string option, IRenderedComponent<TPopovers> popovers) where TPopovers : IComponent
    {
        // The select opens on a press on the box around its input; a browser bubbles it there from the input.
        var box = ComboBox(control);
        while (!box.HasAttribute("blazor:onmousedown") && !box.HasAttribute("blazor:onclick") && box.ParentElement is { } parent) box = parent;
        if (box.HasAttribute("blazor:onmousedown")) await box.MouseDownAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        else await box.ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        var choice = Single(popovers.FindAll("[role='option']").Where(o => NameOf(o) == option), $"option '{option}'");
        await choice.ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
    }

    /// <summary>The message a field is described by (<c>aria-describedby</c>), such as its validation error; empty when none.</summary>
    public static string Description(this IElement control)
    {
        var ids = (Input(control).GetAttribute("aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var root = control;
        while (root.ParentElement is { } parent) root = parent;
        var described = ids.Select(id => root.Id == id ? root : root.QuerySelectorAll("[id]").FirstOrDefault(e => e.Id == id)).OfType<IElement>();
        return Squash(string.Join(' ', described.Select(Audible)));
    }

    /// <summary>Opens a drop-down (a combobox) and clicks the option of that text.</summary>
    public static Task ChooseAsync(this IElement control, string option)
    {
        var choice = Single(ComboBox(control).QuerySelectorAll("[role='option']").Where(o => NameOf(o) == option), $"option '{option}'");
        return choice.ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
    }

    /// <summary>Ticks or unticks a check box (role="checkbox", or the box an input sits in).</summary>
    /// <remarks>A native check box (MudBlazor's) takes the change of its input; a role="checkbox" element, a click.</remarks>
    public static Task ToggleAsync(this IElement control) =>
        control.Closest("[role='checkbox']") is null && control.Matches("input[type='checkbox']")
            ? control.ChangeAsync(new ChangeEventArgs { Value = !control.IsChecked() })
            : (control.Closest("[role='checkbox']") ?? control).ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

    /// <summary>
    /// The options a MudSelect offers: it lists them in its popover, which MudBlazor renders in the popover provider
    /// (<see cref="ComponentTest.Popovers"/>), outside the component; so this opens it and reads them there.
    /// </summary>
    public static async Task<IReadOnlyList<string>> OptionsAsync(this IElement control, IRenderedComponent<MudBlazor.MudPopoverProvider> popovers)
    {
        await OpenAsync(control);
        return [.. popovers.FindAll("[role='option']").Select(NameOf)];
    }

    /// <summary>Opens a MudSelect or MudAutocomplete and clicks the option of that text in its popover.</summary>
    public static async Task ChooseAsync(this IElement control, IRenderedComponent<MudBlazor.MudPopoverProvider> popovers, string option)
    {
        await OpenAsync(control);
        popovers.WaitForAssertion(() => Assert.Contains(popovers.FindAll("[role='option']"), o => NameOf(o) == option));
        var choice = Single(popovers.FindAll("[role='option']").Where(o => NameOf(o) == option), $"option '{option}'");
        await choice.ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
    }

    /// <summary>The messages a MudBlazor field shows under itself (its error helper text, which has no role of its own).</summary>
    public static IReadOnlyList<string> Messages(this IElement control) =>
        [.. (control.Closest(".mud-input-control") ?? control).QuerySelectorAll(".mud-input-helper-text.mud-input-error").Select(e => e.Text()).Where(t => t.Length > 0)];

    /// <summary>A MudSelect opens on a mouse-down in its box (the event bubbles up from the input).</summary>
    private static Task OpenAsync(IElement control) =>
        Input(control).MouseDownAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

    public static Task ClickAsync(this IElement element) => element.ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

    /// <summary>Whether the control is checked, by its aria-checked state or the check box inside it.</summary>
    public static bool IsChecked(this IElement control)
    {
        if (control.Matches("input[type='checkbox']")) return control.HasAttribute("checked");
        var box = control.Closest("[role='checkbox']") ?? control;
        return box.GetAttribute("aria-checked") == "true" || box.QuerySelector("input[type='checkbox']")?.HasAttribute("checked") == true;
    }

    /// <summary>The value a text box, number or date input shows.</summary>
    public static string? ValueOf(this IElement control) => Input(control).GetAttribute("value") ?? Input(control).TextContent;

    private static IElement Input(IElement control) =>
        control.Matches("input, textarea") ? control : control.QuerySelector("input:not([type='hidden']), textarea") ?? control;

    private static IElement ComboBox(IElement control) =>
        control.Closest("[role='combobox']") ?? control.QuerySelector("[role='combobox']") ?? control;

    private static IElement Labelled(IEnumerable<IElement> labels, IEnumerable<IElement> withIds, string label)
    {
        var found = Single(labels.Where(l => l.Text().TrimEnd(' ', '*') == label), $"label '{label}'");
        // A label without a for attribute names the control it wraps (MudBlazor's check box).
        if (found.GetAttribute("for") is null && found.QuerySelector("input:not([type='hidden']), textarea, select") is { } wrapped) return wrapped;
        var target = found.GetAttribute("for")
            ?? throw new InvalidOperationException($"The label '{label}' names no control (no for attribute).");
        // A library may repeat the id on an inner input; the outermost element is the control.
        return withIds.FirstOrDefault(e => e.Id == target) ?? throw new InvalidOperationException($"The label '{label}' names '{target}', which is not there.");
    }

    private static string NameOf(IElement element) =>
        element.GetAttribute("aria-label") is { Length: > 0 } name ? name : element.Text();

    private static string Audible(INode node) => node switch
    {
        IElement e when e.GetAttribute("aria-hidden") == "true" => " ",
        // Elements apart by a space: Razor drops the white space between tags that a browser would lay out apart.
        IElement e => " " + string.Concat(e.ChildNodes.Select(Audible)) + " ",
        _ => node.NodeType == NodeType.Text ? node.TextContent : "",
    };

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static IElement Single(IEnumerable<IElement> found, string what)
    {
        var list = found.ToList();
        return list.Count switch
        {
            1 => list[0],
            0 => throw new InvalidOperationException($"No element with {what}."),
            _ => throw new InvalidOperationException($"{list.Count} elements with {what}; expected one."),
        };
    }
}
