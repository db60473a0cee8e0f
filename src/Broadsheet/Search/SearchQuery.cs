using System.Globalization;
using System.Text;

namespace Broadsheet.Search;

/// <summary>A word, or the words of a phrase, to find next to each other.</summary>
public sealed record SearchTerm(IReadOnlyList<string> Words)
{
    public string Text => string.Join(' ', Words);
}

/// <summary>
/// What a reader typed, as terms: <c>"quoted words"</c> are a phrase, <c>-word</c> or <c>-"a phrase"</c> excludes,
/// <c>OR</c> (in capitals) between two terms makes either do, and everything else must all appear. Punctuation
/// separates words and is otherwise ignored, so no input is a syntax error; the database expressions are built
/// from the words (<see cref="ToFts5"/>, <see cref="ToTsQuery"/>), never from the raw text.
/// </summary>
public sealed class SearchQuery
{
    /// <summary>How much of the input is read; the search box allows less.</summary>
    public const int MaxLength = 1000;

    /// <summary>Terms beyond these are ignored, so that a long paste costs no more than a short query.</summary>
    public const int MaxTerms = 12;

    public const int MaxWordsPerTerm = 12;

    private SearchQuery(List<List<SearchTerm>> required, List<SearchTerm> excluded)
    {
        Required = required;
        Excluded = excluded;
    }

    /// <summary>Every group must match; a group matches when any of its terms does.</summary>
    public IReadOnlyList<IReadOnlyList<SearchTerm>> Required { get; }

    public IReadOnlyList<SearchTerm> Excluded { get; }

    /// <summary>Nothing to look for: no words, or only exclusions (which alone would list everything).</summary>
    public bool IsEmpty => Required.Count == 0;

    /// <summary>The words to highlight in results.</summary>
    public IEnumerable<string> Words => Required.SelectMany(g => g).SelectMany(t => t.Words).Distinct();

    public static SearchQuery Parse(string? input)
    {
        var text = SearchText.Clean(input ?? "");
        if (text.Length > MaxLength)
        {
            text = text[..MaxLength];
        }
        var required = new List<List<SearchTerm>>();
        var excluded = new List<SearchTerm>();
        var or = false;
        var i = 0;
        while (i < text.Length && required.Sum(g => g.Count) + excluded.Count < MaxTerms)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }
            var negated = false;
            if (text[i] is '-' or '\u2212' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]))
            {
                negated = true;
                i++;
            }
            string piece;
            var quoted = text[i] is '"' or '\u201C' or '\u201D';
            if (quoted)
            {
                var end = text.IndexOfAny(['"', '\u201C', '\u201D'], i + 1);
                piece = end < 0 ? text[(i + 1)..] : text[(i + 1)..end];
                i = end < 0 ? text.Length : end + 1;
            }
            else
            {
                var end = i;
                while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('"' or '\u201C' or '\u201D'))
                {
                    end++;
                }
                piece = text[i..end];
                i = end;
                if (piece == "OR" && !negated && required.Count > 0)
                {
                    or = true;
                    continue;
                }
            }
            var words = SearchText.Words(piece);
            if (words.Count == 0)
            {
                continue;
            }
            var term = new SearchTerm(words.Take(MaxWordsPerTerm).ToList());
            if (negated)
            {
                excluded.Add(term);
            }
            else if (or)
            {
                required[^1].Add(term);
            }
            else
            {
                required.Add([term]);
            }
            or = false;
        }
        return new SearchQuery(required, excluded);
    }

    /// <summary>The query as an SQLite FTS5 MATCH expression: every term a quoted string of letters and digits only.</summary>
    public string ToFts5()
    {
        static string Quoted(SearchTerm term) => "\"" + term.Text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var expression = string.Join(" AND ", Required.Select(g => g.Count == 1 ? Quoted(g[0]) : "(" + string.Join(" OR ", g.Select(Quoted)) + ")"));
        foreach (var term in Excluded)
        {
            expression = $"({expression}) NOT {Quoted(term)}";
        }
        return expression;
    }

    /// <summary>
    /// The query as a PostgreSQL tsquery expression over parameters <c>{first}</c>, <c>{first+1}</c>... (one per term,
    /// in <see cref="Parameters"/> order). Each term is stemmed with the publication's configuration, or taken as it
    /// is for articles indexed without stemming; a term that is only stop words drops out instead of matching nothing.
    /// A term that stemming leaves as it is ("opinion") is one lexeme, not the same lexeme twice: the GIN index reads a
    /// term's postings once per operand, and the planner counts its matches once per operand too.
    /// </summary>
    public string ToTsQuery(string config, int first = 0)
    {
        var n = first;
        string Term(SearchTerm _)
        {
            var p = "{" + (n++).ToString(CultureInfo.InvariantCulture) + "}";
            return config == SearchLanguages.Simple
                ? $"phraseto_tsquery('simple', {p})"
                : $"(CASE WHEN numnode(phraseto_tsquery('{config}', {p})) = 0 THEN ''::tsquery WHEN phraseto_tsquery('{config}', {p}) = phraseto_tsquery('simple', {p}) THEN phraseto_tsquery('simple', {p})"
                    + $" ELSE phraseto_tsquery('{config}', {p}) || phraseto_tsquery('simple', {p}) END)";
        }
        var sql = new StringBuilder();
        foreach (var group in Required)
        {
            sql.Append(sql.Length > 0 ? " && " : "").Append('(').AppendJoin(" || ", group.Select(Term)).Append(')');
        }
        foreach (var term in Excluded)
        {
            sql.Append(" && !!").Append(Term(term));
        }
        return sql.ToString();
    }

    /// <summary>The parameter values of <see cref="ToTsQuery"/>, in order.</summary>
    public IEnumerable<string> Parameters => Required.SelectMany(g => g).Concat(Excluded).Select(t => t.Text);
}
