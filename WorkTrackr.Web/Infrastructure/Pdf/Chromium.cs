namespace WorkTrackr.Web.Infrastructure.Pdf;

/// <summary>Debian's Chromium, for invoice PDFs and the browser tests (Playwright's own browser download cannot work here; see docs/STACK.md, PDF).</summary>
public static class Chromium
{
    public const string PathVariable = "WORKTRACKR_CHROMIUM";

    public static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    /// <summary>The configured path (<c>Pdf:ChromiumPath</c> or the environment variable), else the first Chromium on PATH.</summary>
    public static string ExecutablePath(string? configured = null)
    {
        configured ??= Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrEmpty(configured)) return configured;
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            foreach (var name in new[] { "chromium", "chromium-browser" })
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        throw new InvalidOperationException(
            $"Chromium was not found on PATH. Run the README's test command (./test.sh), which installs it, or set {PathVariable}.");
    }
}
