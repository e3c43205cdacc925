using System.Text.RegularExpressions;

namespace WorkTrackr.Tests.Unit;

/// <summary>
/// Rules the tests themselves keep, checked on their source text: browser tests find things through the page objects
/// (Browser/Pages), and every test calls a service as someone through the one <see cref="TestOrganisations.RunAsAsync{TService, T}"/>.
/// </summary>
[Trait("Category", "Unit")]
public sealed partial class TestKitRulesTests
{
    private static readonly string Tests = Path.Combine(Repository.Root, "WorkTrackr.Tests");
    private static readonly char Slash = Path.DirectorySeparatorChar;

    /// <summary>
    /// Test bodies locate by role, label or test id (through a page object); a CSS selector, and above all a component
    /// library's class, lives only in Browser/Pages, so a change of markup or component library changes the page objects alone.
    /// </summary>
    [Fact]
    public void Browser_tests_use_no_css_selectors_outside_the_page_objects()
    {
        var files = Sources("Browser").Where(f => !f.Contains($"{Slash}Browser{Slash}Pages{Slash}", StringComparison.Ordinal)).ToList();
        Assert.Contains(files, f => f.EndsWith("TicketTests.cs", StringComparison.Ordinal)); // the scan found the tests
        Assert.Empty(Offences(files, CssLocator()));
    }

    [Fact]
    public void The_page_objects_are_where_the_selectors_went()
    {
        var pages = Sources($"Browser{Slash}Pages");
        Assert.Contains(pages, f => f.EndsWith("ComponentLibrary.cs", StringComparison.Ordinal));
        // The component library's classes are in one file of them, not spread over the pages.
        Assert.Equal(["ComponentLibrary.cs"], pages.Where(f => LibraryClass().IsMatch(File.ReadAllText(f))).Select(Path.GetFileName));
    }

    /// <summary>
    /// No test class keeps its own copy of "call this service as this user" (an <c>AsAsync</c>, <c>AsManagerAsync</c>,
    /// <c>RunAsAsync</c>, or any method taking a <c>Func&lt;TService, Task&lt;T&gt;&gt;</c> to pass on): call sites say
    /// <c>factory.RunAsAsync(user, (TicketService s) => …)</c>.
    /// </summary>
    [Fact]
    public void Test_classes_declare_no_run_as_wrappers_of_their_own()
    {
        var files = Sources("").Where(f => !f.Contains($"{Slash}TestData{Slash}", StringComparison.Ordinal)).ToList();
        Assert.Contains(files, f => f.EndsWith("TicketServiceTests.cs", StringComparison.Ordinal));
        Assert.Empty(Offences(files, RunAsWrapper()));
    }

    /// <summary><c>Locator("…")</c> or <c>Locator($"…")</c> with a literal selector, or a component library's class.</summary>
    [GeneratedRegex("""\bLocator\(\s*[$@]*"|\.(?:mud|ec)-[a-z]""")]
    private static partial Regex CssLocator();

    /// <summary>A class of MudBlazor (<c>.mud-…</c>) or of the calendar library (<c>.ec-…</c>).</summary>
    [GeneratedRegex("""\.(?:mud|ec)-[a-z]""")]
    private static partial Regex LibraryClass();

    /// <summary>
    /// A method named <c>AsAsync</c>, <c>As…Async</c> or <c>RunAsAsync</c>, or a generic method taking a
    /// <c>Func&lt;Service, Task&lt;T&gt;&gt;</c>: the shape of a per-class wrapper around the factory's RunAsAsync.
    /// </summary>
    [GeneratedRegex("""\bTask<[^=;(]*>\s+(?:(?:Run)?As(?:[A-Z]\w*)?Async|\w+<[^>]*>\s*\([^)]*\bFunc<\s*\w+\s*,\s*Task<T>>)""")]
    private static partial Regex RunAsWrapper();

    private static List<string> Sources(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Tests, folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Slash}bin{Slash}", StringComparison.Ordinal) && !f.Contains($"{Slash}obj{Slash}", StringComparison.Ordinal))
            .ToList();

    private static List<string> Offences(IEnumerable<string> files, Regex pattern) =>
    [
        .. from file in files
           from line in File.ReadLines(file).Select((text, index) => (text, number: index + 1))
           where pattern.IsMatch(line.text)
           select $"{Path.GetRelativePath(Repository.Root, file)}:{line.number}: {line.text.Trim()}",
    ];
}
