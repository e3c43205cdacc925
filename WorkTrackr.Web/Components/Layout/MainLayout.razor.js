// The app bar's theme menu: remembers the choice for the next page load (ThemePreference.cs reads the cookie), and
// tells what the system prefers when the choice is to follow it.
export function rememberTheme(mode) {
    document.cookie = `worktrackr-theme=${mode}; path=/; max-age=31536000; samesite=lax`;
}

export function systemDark() {
    return window.matchMedia("(prefers-color-scheme: dark)").matches;
}
