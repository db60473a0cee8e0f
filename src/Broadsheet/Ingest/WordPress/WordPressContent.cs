using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Broadsheet.Articles;

namespace Broadsheet.Ingest.WordPress;

/// <summary>
/// Turns WordPress post text into HTML the HTML body format reads: shortcodes handled or stripped, and WordPress's
/// "autop" convention (paragraphs separated by blank lines, a single line break a <c>br</c>) made explicit.
/// </summary>
public static partial class WordPressContent
{
    /// <summary>Tags that start a block of their own: a chunk opening with one is not wrapped in a paragraph.</summary>
    private static readonly string[] BlockTags =
    [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "figure", "table", "pre", "hr",
        "iframe", "section", "article", "aside", "dl", "address", "form", "header", "footer", "!--",
    ];

    /// <summary>Shortcodes that show media or layout a reader page cannot: removed with their content.</summary>
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase) { "gallery", "playlist", "audio", "video" };

    /// <summary>The post's content as HTML with explicit paragraphs and no shortcodes.</summary>
    public static string ToHtml(string content)
    {
        var text = content.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        text = Caption().Replace(text, m =>
        {
            var inner = m.Groups["inner"].Value;
            var img = ImageTag().Match(inner);
            var caption = m.Groups["attrs"].Value is var attrs && CaptionAttribute().Match(attrs) is { Success: true } attribute
                ? WebUtility.HtmlDecode(attribute.Groups[1].Value)
                : ImageTag().Replace(LinkAround().Replace(inner, "$1"), "").Trim();
            return img.Success ? $"\n\n<figure>{img.Value}<figcaption>{WebUtility.HtmlEncode(caption.Trim())}</figcaption></figure>\n\n" : "";
        });
        text = Embed().Replace(text, m => Iframe(m.Groups[1].Value.Trim()));
        text = Enclosing().Replace(text, m => Dropped.Contains(m.Groups[1].Value) ? "" : m.Groups[2].Value);
        text = SelfClosing().Replace(text, m => IsShortcode(m) ? "" : m.Value);

        var html = new StringBuilder();
        foreach (var chunk in BlankLines().Split(text))
        {
            var block = chunk.Trim();
            if (block.Length == 0)
            {
                continue;
            }
            // A URL alone on its line is WordPress's oEmbed: a link card here.
            if (Articles.BodyFormats.Links.IsWebUrl(block))
            {
                html.Append(Iframe(block));
            }
            else if (block[0] == '<' && BlockTags.Any(t => block.AsSpan(1).StartsWith(t, StringComparison.OrdinalIgnoreCase)))
            {
                html.Append(block);
            }
            else
            {
                html.Append("<p>").Append(block.Replace("\n", "<br>\n", StringComparison.Ordinal)).Append("</p>");
            }
            html.Append('\n');
        }
        return html.ToString();
    }

    /// <summary>An excerpt as summary points: one per paragraph, without markup, each within the writer's limits.</summary>
    public static List<string> Summary(string excerpt)
    {
        var points = new List<string>();
        foreach (var paragraph in BlankLines().Split(excerpt.Replace("\r\n", "\n", StringComparison.Ordinal)))
        {
            var text = AnyTag().Replace(LineBreak().Replace(SelfClosing().Replace(paragraph, ""), " "), "");
            var plain = Whitespace().Replace(WebUtility.HtmlDecode(text), " ").Trim();
            if (plain.Length > 0 && points.Count < ArticleWriter.MaxSummaryPoints)
            {
                points.Add(Shorten(plain, ArticleWriter.MaxSummaryPoint));
            }
        }
        return points;
    }

    /// <summary>Cuts at a word boundary and marks the cut with an ellipsis.</summary>
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', max - 1);
        return text[..(cut > max / 2 ? cut : max - 1)].TrimEnd() + "…";
    }

    private static string Iframe(string url) =>
        Articles.BodyFormats.Links.IsWebUrl(url) ? $"<iframe src=\"{WebUtility.HtmlEncode(url)}\"></iframe>" : "";

    /// <summary>A bracketed word is a shortcode when it has attributes or is one WordPress ships; "[sic]" or "[1]" in prose stays.</summary>
    private static bool IsShortcode(Match m) => m.Groups[2].Value.Contains('=', StringComparison.Ordinal) || Dropped.Contains(m.Groups[1].Value) || m.Groups[1].Value is "caption" or "embed" or "wp_caption";

    [GeneratedRegex(@"\[(?:wp_)?caption(?<attrs>[^\]]*)\](?<inner>.*?)\[/(?:wp_)?caption\]", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Caption();

    [GeneratedRegex(@"caption=""([^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex CaptionAttribute();

    [GeneratedRegex(@"<img\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ImageTag();

    [GeneratedRegex(@"<a\b[^>]*>(.*?)</a>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex LinkAround();

    [GeneratedRegex(@"\[embed[^\]]*\](.*?)\[/embed\]", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Embed();

    [GeneratedRegex(@"\[([a-zA-Z][\w-]*)(?:\s[^\]]*)?\](.*?)\[/\1\]", RegexOptions.Singleline)]
    private static partial Regex Enclosing();

    [GeneratedRegex(@"\[([a-zA-Z][\w-]*)(\s[^\]]*)?/?\]")]
    private static partial Regex SelfClosing();

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"<br\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
