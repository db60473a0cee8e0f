using System.Text.Encodings.Web;
using Broadsheet.Articles;
using Microsoft.AspNetCore.Html;

namespace Broadsheet.Rendering;

/// <summary>
/// A paragraph's runs as HTML: text encoded, bold and italic as strong and em, links only when their href is
/// http(s), mailto or relative (anything else, such as <c>javascript:</c>, loses the link and keeps the text).
/// </summary>
public sealed class InlineMarkup(IReadOnlyList<Inline> runs) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        foreach (var run in runs)
        {
            var link = LinkKindOf(run.Href);
            if (link != LinkKind.None)
            {
                writer.Write("<a href=\"");
                encoder.Encode(writer, run.Href!.Trim());
                writer.Write(link == LinkKind.External ? "\" rel=\"noopener\">" : "\">");
            }
            if (run.Bold)
            {
                writer.Write("<strong>");
            }
            if (run.Italic)
            {
                writer.Write("<em>");
            }
            encoder.Encode(writer, run.Text);
            if (run.Italic)
            {
                writer.Write("</em>");
            }
            if (run.Bold)
            {
                writer.Write("</strong>");
            }
            if (link != LinkKind.None)
            {
                writer.Write("</a>");
            }
        }
    }

    public enum LinkKind
    {
        None,
        Plain,
        External,
    }

    public static LinkKind LinkKindOf(string? href)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return LinkKind.None;
        }
        var value = href.Trim();
        if (value.Any(char.IsControl))
        {
            return LinkKind.None; // browsers drop tabs and newlines, which hides "java\nscript:" from simple checks
        }
        if (value.StartsWith("//", StringComparison.Ordinal) || value.StartsWith("\\\\", StringComparison.Ordinal) || value.StartsWith("/\\", StringComparison.Ordinal))
        {
            return value.StartsWith("//", StringComparison.Ordinal) ? LinkKind.External : LinkKind.None;
        }
        var schemeEnd = value.IndexOf(':');
        var pathStart = value.IndexOfAny(['/', '?', '#']);
        if (schemeEnd < 0 || (pathStart >= 0 && pathStart < schemeEnd))
        {
            return LinkKind.Plain; // relative: no scheme, so it stays on this site
        }
        var scheme = value[..schemeEnd];
        if (scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase))
        {
            return LinkKind.External;
        }
        return scheme.Equals("mailto", StringComparison.OrdinalIgnoreCase) ? LinkKind.Plain : LinkKind.None;
    }
}
