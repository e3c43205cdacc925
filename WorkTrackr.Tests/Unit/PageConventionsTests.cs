using System.Text.RegularExpressions;

namespace WorkTrackr.Tests.Unit;

/// <summary>
/// Rules the pages keep, checked on the source text (found from the test's folder up to the repository root): field
/// limits and the too-long message come from <c>DataLimits</c>, so a column and its form never disagree.
/// </summary>
[Trait("Category", "Unit")]
public sealed partial class PageConventionsTests
{
    [Fact]
    public void Pages_take_their_field_limits_from_DataLimits()
    {
        var pages = Files("WorkTrackr.Web", "*.razor");
        Assert.Contains(pages, p => p.EndsWith("ProductEditPage.razor", StringComparison.Ordinal)); // the scan found the pages
        Assert.Empty(Offences(pages, LiteralMaxLength()));
    }

    [Fact]
    public void The_too_long_message_is_written_only_in_DataLimits()
    {
        var sources = Files("WorkTrackr.Web", "*.razor").Concat(Files("WorkTrackr.Web", "*.cs")).Concat(Files("WorkTrackr.Data", "*.cs"))
            .Where(f => Path.GetFileName(f) != "DataLimits.cs").ToList();
        Assert.Contains(sources, f => f.EndsWith("CsvImports.cs", StringComparison.Ordinal));
        Assert.Empty(Offences(sources, TooLongLiteral()));
    }

    /// <summary><c>MaxLength="200"</c> or <c>maxlength="@3"</c>: a number where a <c>DataLimits</c> constant belongs.</summary>
    [GeneratedRegex("""\bmaxlength\s*=\s*"@?\(?\s*\d+""", RegexOptions.IgnoreCase)]
    private static partial Regex LiteralMaxLength();

    [GeneratedRegex("Use at most", RegexOptions.IgnoreCase)]
    private static partial Regex TooLongLiteral();

    /// <summary>"file:line: text" for each line that matches.</summary>
    private static List<string> Offences(IEnumerable<string> files, Regex pattern) =>
        [.. from file in files
            from line in File.ReadLines(file).Select((text, index) => (text, number: index + 1))
            where pattern.IsMatch(line.text)
            select $"{Path.GetRelativePath(RepositoryRoot, file)}:{line.number}: {line.text.Trim()}"];

    private static List<string> Files(string project, string pattern) =>
        [.. Directory.EnumerateFiles(Path.Combine(RepositoryRoot, project), pattern, SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))];

    private static string RepositoryRoot => Repository.Root;
}
