using MudBlazor;

namespace WorkTrackr.Web.Components.Layout;

/// <summary>
/// The app's one theme: its colours in light and dark, and its typeface (Source Sans 3, served by the app from
/// <c>lib/source-sans-3</c>; the PDFs embed the same one). Colours are chosen for WCAG AA: text on its background
/// and on the app bar at 4.5:1 or more in both modes.
/// </summary>
public static class AppTheme
{
    /// <summary>The CSS font stack; the variable font's family name comes from @fontsource.</summary>
    public static readonly string[] FontFamily = ["Source Sans 3 Variable", "Source Sans 3", "system-ui", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            Secondary = "#0b6e69",
            Tertiary = "#6b4fa0",
            Info = "#0b63b3",
            Success = "#1e6b34",
            Warning = "#8a5300",
            Error = "#b3261e",
            AppbarBackground = "#1f4e79",
            AppbarText = "#ffffff",
            Background = "#f4f6f8",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            DrawerText = "#1f2328",
            DrawerIcon = "#44505c",
            TextPrimary = "#1f2328",
            TextSecondary = "#525e6b",
            ActionDefault = "#44505c",
            LinesDefault = "#dde1e6",
            TableLines = "#e3e6ea",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8cbcf0",
            PrimaryContrastText = "#0d1b2a",
            Secondary = "#5fc9c1",
            Tertiary = "#c2a8f0",
            Info = "#7ab8f5",
            Success = "#7ccf93",
            Warning = "#f0b45c",
            Error = "#f28b82",
            AppbarBackground = "#1a2230",
            AppbarText = "#e8edf3",
            Background = "#11151b",
            Surface = "#1a1f27",
            DrawerBackground = "#161b22",
            DrawerText = "#e8edf3",
            DrawerIcon = "#b8c2cc",
            TextPrimary = "#e8edf3",
            TextSecondary = "#aab4bf",
            ActionDefault = "#b8c2cc",
            LinesDefault = "#343c47",
            TableLines = "#2c333d",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontFamily },
            H1 = new H1Typography { FontFamily = FontFamily, FontSize = "1.6rem", FontWeight = "600", LineHeight = "1.25", LetterSpacing = "0" },
            H2 = new H2Typography { FontFamily = FontFamily, FontSize = "1.25rem", FontWeight = "600", LineHeight = "1.3", LetterSpacing = "0" },
            H3 = new H3Typography { FontFamily = FontFamily, FontSize = "1.1rem", FontWeight = "600", LineHeight = "1.3", LetterSpacing = "0" },
            Button = new ButtonTypography { FontFamily = FontFamily, FontWeight = "600", TextTransform = "none", LetterSpacing = "0" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px", DrawerWidthLeft = "232px" },
    };
}
