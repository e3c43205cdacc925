using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace WorkTrackr.Tests.Unit;

/// <summary>
/// Rules about how the app's own source is written, checked on the source text of WorkTrackr.Web and WorkTrackr.Data
/// (found from the test's folder up to the repository root). The time rule is also a build error (BannedSymbols.txt);
/// these tests keep that wiring in place.
/// </summary>
[Trait("Category", "Unit")]
public sealed class SourceRulesTests
{
    private static readonly string[] ProductionProjects = ["WorkTrackr.Web", "WorkTrackr.Data"];

    private static readonly string[] BannedClocks = ["DateTime.Now", "DateTime.UtcNow", "DateTime.Today", "DateTimeOffset.Now", "DateTimeOffset.UtcNow"];

    [Fact]
    public void The_time_comes_from_TimeProvider_only()
    {
        var pattern = new Regex(@"\bDateTime(Offset)?\.(Now|UtcNow|Today)\b");
        Assert.Empty(Offences(pattern));
    }

    [Fact]
    public void The_production_projects_fail_their_build_on_the_system_clock()
    {
        var banned = File.ReadAllLines(Path.Combine(RepositoryRoot, "BannedSymbols.txt"))
            .Where(l => l.StartsWith("P:", StringComparison.Ordinal)).Select(l => l[2..].Split(';')[0].Replace("System.", "")).ToList();
        Assert.Superset(BannedClocks.ToHashSet(), banned.ToHashSet());
        foreach (var project in ProductionProjects)
        {
            var file = XDocument.Load(Path.Combine(RepositoryRoot, project, $"{project}.csproj"));
            Assert.Contains(file.Descendants("PackageReference"), r => (string?)r.Attribute("Include") == "Microsoft.CodeAnalysis.BannedApiAnalyzers");
            Assert.Contains(file.Descendants("AdditionalFiles"), r => ((string?)r.Attribute("Include"))?.EndsWith("BannedSymbols.txt", StringComparison.Ordinal) == true);
        }
    }

    /// <summary>
    /// Pages, components and feature code read settings through options classes (<c>IOptions&lt;SeedOptions&gt;</c>),
    /// bound once at start-up; only the composition (Program.cs, <c>…Module.cs</c> and FeatureModules.cs, <c>Add…</c> extensions) reads configuration.
    /// </summary>
    [Fact]
    public void Pages_and_features_read_settings_through_options_classes()
    {
        var pattern = new Regex(@"\bIConfiguration\b|Configuration\[|\.GetValue(<[^>]+>)?\(|\.GetSection\(|\.GetConnectionString\(");
        Assert.Empty(Offences(pattern, file =>
            !file.EndsWith(".razor", StringComparison.Ordinal)
            && !(file.Contains($"{Path.DirectorySeparatorChar}Features{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !file.EndsWith("Module.cs", StringComparison.Ordinal) && !file.EndsWith("FeatureModules.cs", StringComparison.Ordinal))));
    }

    /// <summary>
    /// Every date and time pattern is a named one in DateFormats, written in its one culture: no pattern in a
    /// <c>ToString</c>, a parse, an interpolation hole or a picker's <c>DateFormat</c>/<c>TimeFormat</c> attribute elsewhere.
    /// </summary>
    [Fact]
    public void Dates_are_written_through_the_one_format_helper()
    {
        const string tokens = "(?:MMM|ddd|HH|yyyy|MM-dd|dd-MM)";
        var pattern = new Regex(
            $@"\{{[^{{}}""]*:[^{{}}""]*{tokens}[^{{}}""]*\}}" +                 // $"{when:d MMM}"
            $@"|(?:ToString|ParseExact|TryParseExact)\([^)]*""[^""]*{tokens}" + // when.ToString("d MMM"), TryParseExact(text, "yyyy-MM-dd", …)
            @"|\b(?:Date|Time)Format=""(?!@DateFormats\.|@Format""|@DateFormat"")" + // <MudDatePicker DateFormat="d MMM yyyy"> (the wrappers pass their own Format, a DateFormats one)
            @"|CultureInfo\.CurrentCulture");
        Assert.Empty(Offences(pattern, file => file.EndsWith($"{Path.DirectorySeparatorChar}DateFormats.cs", StringComparison.Ordinal)));
    }

    /// <summary>
    /// Pages and components build links with a query through the list's query type (<c>TicketQuery.ToUri()</c>,
    /// <c>InvoiceQuery</c>, <c>ServiceQuery</c>) or <c>NavigationManager.GetUriWithQueryParameters</c>, which encode
    /// the values and leave out the empty ones: no "?name=" or "&amp;name=" typed into a string.
    /// </summary>
    [Fact]
    public void Pages_build_links_through_query_types()
    {
        var pattern = new Regex(@"""[^""\s]*[?&][A-Za-z][A-Za-z0-9]*=");
        Assert.Empty(Offences(pattern, file => !file.EndsWith(".razor", StringComparison.Ordinal)));
    }

    /// <summary>"File:line: text" for each source line outside comments that matches.</summary>
    internal static List<string> Offences(Regex pattern, Func<string, bool>? skipFile = null) =>
        [.. from file in SourceFiles()
            where skipFile?.Invoke(file) != true
            from line in File.ReadLines(file).Select((text, index) => (text, number: index + 1))
            where !IsComment(line.text) && pattern.IsMatch(line.text)
            select $"{Path.GetRelativePath(RepositoryRoot, file)}:{line.number}: {line.text.Trim()}"];

    internal static IEnumerable<string> SourceFiles() =>
        from project in ProductionProjects
        from file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot, project), "*.*", SearchOption.AllDirectories)
        where file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".razor", StringComparison.Ordinal)
        let relative = Path.GetRelativePath(Path.Combine(RepositoryRoot, project), file)
        where !relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            && !relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
        select file;

    private static bool IsComment(string line)
    {
        var text = line.TrimStart();
        return text.StartsWith("//", StringComparison.Ordinal) || text.StartsWith("@*", StringComparison.Ordinal) || text.StartsWith('*');
    }

    private static string RepositoryRoot => Repository.Root;
}
