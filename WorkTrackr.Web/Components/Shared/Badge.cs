using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace WorkTrackr.Web.Components.Shared;

/// <summary>
/// A small coloured label that does nothing when clicked: a status, a priority, "Inactive". It looks like MudBlazor's
/// small chip (app.css, <c>.badge</c>) but is plain markup written by a render fragment, not a component: the lists
/// show two or three per row, and a <c>MudChip</c> is a component with its own state, icon component and key handler,
/// held by every live circuit for every row (about a third of the ticket list's components).
/// The text is the theme's colour on the surface, tinted or outlined, never filled: AppTheme keeps those colours at
/// 4.5:1 or more in light and dark.
/// </summary>
public static class Badge
{
    /// <param name="text">What the badge says.</param>
    /// <param name="colour">One of the theme's colours; <see cref="Color.Default"/> is the text colour.</param>
    /// <param name="outlined">A border in the colour, rather than a tint behind the text.</param>
    /// <param name="icon">An icon before the text, as MudBlazor's <c>Icons</c> give it (SVG content).</param>
    /// <param name="testId">A <c>data-testid</c> for the tests.</param>
    /// <param name="cssClass">More classes (spacing).</param>
    public static RenderFragment Of(string text, Color colour = Color.Default, bool outlined = false, string? icon = null,
        string? testId = null, string? cssClass = null) => builder => Write(builder, text, colour, outlined, icon, testId, cssClass);

    private static void Write(RenderTreeBuilder builder, string text, Color colour, bool outlined, string? icon, string? testId, string? cssClass)
    {
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", $"badge {(outlined ? "badge-outlined" : "badge-text")} badge-{colour.ToString().ToLowerInvariant()} {cssClass}".TrimEnd());
        builder.AddAttribute(2, "data-testid", testId);
        if (icon is not null)
        {
            builder.OpenElement(3, "svg");
            builder.AddAttribute(4, "class", "badge-icon");
            builder.AddAttribute(5, "viewBox", "0 0 24 24");
            builder.AddAttribute(6, "aria-hidden", "true");
            builder.AddAttribute(7, "focusable", "false");
            builder.AddMarkupContent(8, icon);
            builder.CloseElement();
        }
        builder.AddContent(9, text);
        builder.CloseElement();
    }
}
