using System.Text;
using System.Text.RegularExpressions;

namespace Broadsheet.Articles.BodyFormats;

/// <summary>
/// The lightweight markup the editor uses for text inside a block: <c>**bold**</c>, <c>*italic*</c> and
/// <c>[text](https://…)</c>, read with the body's own Markdown converter so the newsroom and the admin API
/// agree on what it means. Only inline marks count here: whatever would start a heading or a list at the
/// start of the text is taken literally.
/// </summary>
public static partial class InlineText
{
    /// <summary>The runs <paramref name="text"/> describes; line breaks are spaces. Empty for blank text.</summary>
    public static List<Inline> Parse(string? text)
    {
        var flat = Whitespace.Collapse(text);
        if (flat is null)
        {
            return [];
        }
        var runs = new InlineRuns();
        foreach (var block in MarkdownBody.ToBlocks(LiteralStart(flat)))
        {
            runs.Space();
            switch (block)
            {
                case ParagraphBlock p:
                    runs.Append(p.Content);
                    break;
                case QuoteBlock q:
                    runs.Append(q.Content);
                    break;
                case HeadingBlock h:
                    runs.Append(h.Text, Marks.None);
                    break;
                case ListBlock l:
                    foreach (var item in l.Items)
                    {
                        runs.Space();
                        runs.Append(item);
                    }
                    break;
            }
        }
        return runs.Take();
    }

    /// <summary>Writes runs back as markup that <see cref="Parse"/> reads as the same runs.</summary>
    public static string Format(IReadOnlyList<Inline> runs)
    {
        var text = new StringBuilder();
        foreach (var run in runs)
        {
            var body = run.Text;
            var lead = body.Length - body.TrimStart().Length;
            var trail = body.Length - body.TrimEnd().Length;
            var core = body.Trim();
            if (core.Length == 0)
            {
                text.Append(body);
                continue;
            }
            var marked = Escape(core);
            var marker = run.Bold && run.Italic ? "***" : run.Bold ? "**" : run.Italic ? "*" : "";
            marked = marker + marked + marker;
            if (run.Href is { Length: > 0 } href)
            {
                marked = $"[{marked}]({(href.IndexOfAny([' ', '(', ')', '<', '>']) >= 0 ? "<" + href.Replace(">", "%3E", StringComparison.Ordinal) + ">" : href)})";
            }
            text.Append(body, 0, lead).Append(marked).Append(body, body.Length - trail, trail);
        }
        return text.ToString();
    }

    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '[' or ']' or '`' or '<' or '>' or '&' or '#' or '!' or '~')
            {
                escaped.Append('\\');
            }
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    /// <summary>Escapes what Markdown would read as the start of a block (a list number, a bullet, a heading), so it stays text.</summary>
    private static string LiteralStart(string text)
    {
        if (OrderedStart().Match(text) is { Success: true } ordered)
        {
            return text.Insert(ordered.Groups[1].Length, "\\");
        }
        if (text[0] is '#' or '>' or '-' or '+' or '=' or '|' || BulletOrRule().IsMatch(text))
        {
            return "\\" + text;
        }
        return text;
    }

    [GeneratedRegex(@"^(\d{1,9})[.)](?:\s|$)")]
    private static partial Regex OrderedStart();

    [GeneratedRegex(@"^(?:[*_]\s|[*_]{3,}\s*$)")]
    private static partial Regex BulletOrRule();
}
