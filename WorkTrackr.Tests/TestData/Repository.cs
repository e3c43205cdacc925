namespace WorkTrackr.Tests.TestData;

/// <summary>The repository the tests were built from, for tests that read its source text.</summary>
public static class Repository
{
    /// <summary>The folder holding WorkTrackr.sln, walking up from the test's output folder.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "WorkTrackr.sln"))) return folder.FullName;
        throw new InvalidOperationException($"No WorkTrackr.sln above {AppContext.BaseDirectory}: these tests read the repository's source.");
    }
}
