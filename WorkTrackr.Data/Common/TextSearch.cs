namespace WorkTrackr.Data.Common;

/// <summary>
/// Names of SQLite's full-text (FTS5 trigram) indexes, which migrations create beside the tables they index. Each row's
/// rowid is its table row's rowid. A trigram index only answers searches of at least <see cref="MinimumLength"/>
/// characters.
/// </summary>
public static class TextSearch
{
    public const string Prefix = "TextSearch_";
    public const string Tickets = Prefix + "Tickets";
    public const string Contacts = Prefix + "Contacts";
    public const int MinimumLength = 3;

    /// <summary>An FTS5 query for rows containing <paramref name="text"/> anywhere: one quoted phrase.</summary>
    public static string Phrase(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
