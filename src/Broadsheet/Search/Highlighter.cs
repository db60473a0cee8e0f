using System.Net;
using System.Text;

namespace Broadsheet.Search;

/// <summary>
/// Marks a query's words in a result's text, as HTML: everything escaped, the matches in <c>&lt;mark&gt;</c>. The same
/// on both databases, and safe whatever the article or the query contains. A word matches itself and the words
/// that share its stem as a simple suffix-stripping stemmer sees it ("negotiate" marks "negotiations"); a CJK gram
/// matches wherever its characters appear.
/// </summary>
public static class Highlighter
{
    /// <summary>About how many characters a snippet shows.</summary>
    public const int SnippetLength = 220;

    /// <summary>The whole text, escaped, with the query's words marked.</summary>
    public static string Html(string text, SearchQuery query) => Render(text, Marks(text, query), 0, text.Length);

    /// <summary>
    /// A passage of about <see cref="SnippetLength"/> characters around the first match (the start of the text when
    /// nothing matches), cut at spaces, with an ellipsis where it is cut.
    /// </summary>
    public static string Snippet(string text, SearchQuery query)
    {
        text = SearchText.Clean(text).ReplaceLineEndings(" ");
        var marks = Marks(text, query);
        var first = marks.Count > 0 ? marks[0].Start : 0;
        var start = Math.Max(0, first - SnippetLength / 4);
        if (start > 0)
        {
            var space = text.IndexOf(' ', start, Math.Min(20, first - start));
            start = space >= 0 ? space + 1 : start;
        }
        var end = Math.Min(text.Length, start + SnippetLength);
        if (end < text.Length)
        {
            var space = text.LastIndexOf(' ', end - 1, Math.Min(30, end - start));
            end = space > first ? space : end;
        }
        // Never split a surrogate pair at either end.
        if (start > 0 && char.IsLowSurrogate(text[start]))
        {
            start++;
        }
        if (end < text.Length && end > start && char.IsLowSurrogate(text[end]))
        {
            end++;
        }
        var html = Render(text, marks, start, end);
        return (start > 0 ? "…" : "") + html + (end < text.Length ? "…" : "");
    }

    private static string Render(string text, List<(int Start, int End)> marks, int from, int to)
    {
        var html = new StringBuilder();
        var at = from;
        foreach (var (start, end) in marks)
        {
            if (end <= from || start >= to)
            {
                continue;
            }
            var s = Math.Max(start, from);
            var e = Math.Min(end, to);
            html.Append(WebUtility.HtmlEncode(text[at..s])).Append("<mark>").Append(WebUtility.HtmlEncode(text[s..e])).Append("</mark>");
            at = e;
        }
        return html.Append(WebUtility.HtmlEncode(text[at..to])).ToString();
    }

    /// <summary>The spans of the text that match, in order, merged where they touch.</summary>
    private static List<(int Start, int End)> Marks(string text, SearchQuery query)
    {
        var words = query.Words.ToList();
        var spans = new List<(int Start, int End)>();
        if (words.Count == 0)
        {
            return spans;
        }
        var latin = words.Where(w => !SearchText.HasCjk(w)).Select(w => (Word: w, Stem: Stem(w))).ToList();
        foreach (var gram in words.Where(SearchText.HasCjk))
        {
            for (var i = text.IndexOf(gram, StringComparison.Ordinal); i >= 0; i = text.IndexOf(gram, i + 1, StringComparison.Ordinal))
            {
                spans.Add((i, i + gram.Length));
            }
        }
        if (latin.Count > 0)
        {
            for (var i = 0; i < text.Length;)
            {
                if (!char.IsLetterOrDigit(text[i]))
                {
                    i++;
                    continue;
                }
                var end = i;
                while (end < text.Length && (char.IsLetterOrDigit(text[end]) || char.IsSurrogate(text[end]) || char.GetUnicodeCategory(text[end]) is System.Globalization.UnicodeCategory.NonSpacingMark))
                {
                    end++;
                }
                var word = text[i..end].ToLowerInvariant();
                if (latin.Any(l => word == l.Word || (l.Stem.Length >= 3 && word.StartsWith(l.Stem, StringComparison.Ordinal) && word.Length - l.Stem.Length <= 5)))
                {
                    spans.Add((i, end));
                }
                i = end;
            }
        }
        spans.Sort();
        var merged = new List<(int Start, int End)>();
        foreach (var span in spans)
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, span.End));
            }
            else
            {
                merged.Add(span);
            }
        }
        return merged;
    }

    /// <summary>The word without the commonest English inflections and derivations: enough to find its other forms.</summary>
    private static string Stem(string word)
    {
        if (word.Length <= 4)
        {
            return word;
        }
        foreach (var suffix in (string[])["ations", "ation", "ings", "ing", "ies", "ied", "es", "ed", "e", "s", "y"])
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length - suffix.Length >= 4)
            {
                return word[..^suffix.Length];
            }
        }
        return word;
    }
}
