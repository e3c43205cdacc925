
namespace WorkTrackr.Web.Components.Layout;

/// <summary>Light, dark, or whatever the system says: the user's choice in the app bar.</summary>
public enum ThemeMode { System, Light, Dark }

/// <summary>
/// What the server knows of the user's theme before any script runs, so the first paint is already in the right mode:
/// the choice (cookie <see cref="ModeCookie"/>, set by the app bar's theme menu) and, for "follow the system", what
/// the browser last said its system prefers (cookie <see cref="SystemCookie"/>, written by a line of script in
/// App.razor on every page load). Static pages (sign-in) use the same two cookies.
/// </summary>
public sealed record ThemePreference(ThemeMode Mode, bool SystemDark)
{
    public const string ModeCookie = "worktrackr-theme";
    public const string SystemCookie = "worktrackr-system-dark";

    public bool IsDark => Mode switch { ThemeMode.Dark => true, ThemeMode.Light => false, _ => SystemDark };

    public static ThemePreference From(IRequestCookieCollection cookies) => new(
        Enum.TryParse<ThemeMode>(cookies[ModeCookie], ignoreCase: true, out var mode) ? mode : ThemeMode.System,
        cookies[SystemCookie] == "true");
}
