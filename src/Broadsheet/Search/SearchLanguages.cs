namespace Broadsheet.Search;

/// <summary>
/// Which PostgreSQL text-search configuration stems an article's words: the Snowball stemmers that ship with
/// PostgreSQL, by the language's primary subtag; any other language (Chinese, Japanese, Korean among them, whose
/// words are grams, see <see cref="SearchText"/>) is indexed without stemming (<c>simple</c>). SQLite's FTS5 index
/// stems every article with the Porter (English) stemmer.
/// </summary>
public static class SearchLanguages
{
    public const string Simple = "simple";

    public static readonly IReadOnlyDictionary<string, string> Configs = new Dictionary<string, string>
    {
        ["da"] = "danish", ["de"] = "german", ["en"] = "english", ["es"] = "spanish", ["fi"] = "finnish", ["fr"] = "french",
        ["hu"] = "hungarian", ["it"] = "italian", ["nb"] = "norwegian", ["nl"] = "dutch", ["nn"] = "norwegian", ["no"] = "norwegian",
        ["pt"] = "portuguese", ["ro"] = "romanian", ["ru"] = "russian", ["sv"] = "swedish", ["tr"] = "turkish",
    };

    /// <summary>The configuration for a BCP 47 tag (<c>en-GB</c> → <c>english</c>).</summary>
    public static string ConfigFor(string? language)
    {
        var primary = (language ?? "").Split('-')[0].ToLowerInvariant();
        return Configs.TryGetValue(primary, out var config) ? config : Simple;
    }

    /// <summary>
    /// The SQL of the stored tsvector: headline (weight A), summary (B) and body (C), each parsed with the row's
    /// configuration. A generated column must be immutable, so the configuration is chosen among constants.
    /// </summary>
    public static string VectorSql()
    {
        var config = "CASE \"Config\" " + string.Concat(Configs.Values.Distinct().Order(StringComparer.Ordinal).Select(c => $"WHEN '{c}' THEN '{c}'::regconfig "))
            + "ELSE 'simple'::regconfig END";
        return $"setweight(to_tsvector({config}, \"Headline\"), 'A') || setweight(to_tsvector({config}, \"Summary\"), 'B') || setweight(to_tsvector({config}, \"Body\"), 'C')";
    }
}
