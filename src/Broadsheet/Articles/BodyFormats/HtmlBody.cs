using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Broadsheet.Articles.BodyFormats;

/// <summary>
/// Converts pasted or imported HTML to body blocks with AngleSharp. What the block model knows is kept
/// (p, h1-h6, blockquote, ul/ol/li, hr, figure/img of library images, a, strong/b, em/i, iframes as link
/// embeds); every other element is unwrapped, keeping its text; script, style and template go with their
/// content. Attributes other than a safe href, an image reference, alt and an embed's src, title and
/// data-provider are never read, so nothing executable can survive: the result is typed blocks, not HTML.
/// </summary>
public static class HtmlBody
{
    private static readonly HashSet<string> Removed = new(StringComparer.Ordinal) { "script", "style", "template", "head" };

    /// <summary>Elements that break the flow: their content starts and ends a paragraph.</summary>
    private static readonly HashSet<string> Containers = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "body", "caption", "center", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "footer", "form", "header", "hgroup", "html", "li", "main", "menu", "nav", "pre",
        "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
    };

    public static List<Block> ToBlocks(string html)
    {
        // The parser keeps per-parse state, so each conversion gets its own.
        var document = new HtmlParser().ParseDocument(html);
        var body = new BodyBuilder();
        if (document.Body is { } root)
        {
            WalkBlocks(root, body);
        }
        body.EndParagraph();
        return body.Blocks;
    }

    private static void WalkBlocks(INode parent, BodyBuilder body)
    {
        foreach (var node in parent.ChildNodes)
        {
            if (node is IText text)
            {
                body.ParagraphTarget().Text(text.Data, Marks.None);
                continue;
            }
            if (node is not IElement element)
            {
                continue;
            }
            switch (element.LocalName)
            {
                case var name when Removed.Contains(name):
                    break;
                case "p":
                    body.EndParagraph();
                    WalkInline(element, Marks.None, body.ParagraphTarget());
                    body.EndParagraph();
                    break;
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    var heading = new HeadingCollector(element.LocalName[1] - '0');
                    WalkInline(element, Marks.None, heading.Target);
                    body.AddRange(heading.Build());
                    break;
                case "blockquote":
                    body.AddRange(Quote(element, null));
                    break;
                case "ul" or "ol":
                    var list = new ListCollector(element.LocalName == "ol");
                    AppendItems(element, list);
                    body.AddRange(list.Build());
                    break;
                case "hr":
                    body.Add(new DividerBlock());
                    break;
                case "figure":
                    Figure(element, body);
                    break;
                case "br":
                    body.ParagraphTarget().EndLine();
                    break;
                case "section" when element.ClassList.Contains(SourcesClass) && Sources(element) is { Items.Count: > 0 } sources:
                    body.EndParagraph();
                    body.Add(sources);
                    break;
                case var name when Containers.Contains(name):
                    body.EndParagraph();
                    WalkBlocks(element, body);
                    body.EndParagraph();
                    break;
                default:
                    InlineElement(element, Marks.None, body.ParagraphTarget());
                    break;
            }
        }
    }

    /// <summary>The class of the <c>section</c> that holds a story's citations, as Broadsheet's syndication writes it.</summary>
    public const string SourcesClass = "sources";

    /// <summary>
    /// A citations section: each list item's first link is a source (its text the title), and the item's
    /// <c>span class="note"</c>, or else its text after the link, the note. Items without a link are left out; the
    /// writer checks what is kept like any sources block.
    /// </summary>
    private static SourcesBlock Sources(IElement section)
    {
        var items = new List<SourceEntry>();
        foreach (var item in section.QuerySelectorAll("li"))
        {
            if (item.QuerySelector("a[href]") is not { } link)
            {
                continue;
            }
            var note = item.QuerySelector("span.note")?.TextContent
                ?? string.Concat(item.ChildNodes.SkipWhile(n => n != link).Skip(1).Select(n => n.TextContent));
            var rest = (Whitespace.Collapse(note) ?? "").TrimStart(',', ';', ':', '-', '—', ' ');
            items.Add(new SourceEntry(Whitespace.Collapse(link.TextContent) ?? "", link.GetAttribute("href")!.Trim(), rest.Length > 0 ? rest : null));
        }
        return new SourcesBlock(items);
    }

    private static IEnumerable<Block> Quote(IElement blockquote, string? attribution)
    {
        var quote = new QuoteCollector { Attribution = attribution };
        foreach (var node in blockquote.ChildNodes)
        {
            if (node is IElement { LocalName: "footer" or "cite" } source)
            {
                quote.Attribution = Whitespace.Collapse(QuoteCollector.StripDash(source.TextContent));
            }
            else
            {
                InlineNode(node, Marks.None, quote.Target);
            }
        }
        return quote.Build();
    }

    /// <summary>A figure holds a library image (its figcaption the caption) or a quote (its figcaption the source).</summary>
    private static void Figure(IElement figure, BodyBuilder body)
    {
        var caption = Whitespace.Collapse(figure.QuerySelector("figcaption")?.TextContent);
        if (figure.QuerySelector("blockquote") is { } blockquote)
        {
            body.AddRange(Quote(blockquote, caption is null ? null : QuoteCollector.StripDash(caption)));
            return;
        }
        // An image from elsewhere is dropped with its caption: the caption describes a picture readers won't see.
        if (figure.QuerySelector("img") is { } img && ImageOf(img, caption) is { } image)
        {
            body.Add(image);
        }
    }

    private static void AppendItems(IElement list, ListCollector collector)
    {
        foreach (var node in list.ChildNodes)
        {
            if (node is IElement { LocalName: "li" } item)
            {
                foreach (var child in item.ChildNodes)
                {
                    if (child is IElement { LocalName: "ul" or "ol" } nested)
                    {
                        collector.EndItem();
                        AppendItems(nested, collector);
                    }
                    else
                    {
                        InlineNode(child, Marks.None, collector.Target);
                    }
                }
                collector.EndItem();
            }
            else
            {
                InlineNode(node, Marks.None, collector.Target);
            }
        }
    }

    private static void WalkInline(INode parent, Marks marks, InlineTarget target)
    {
        foreach (var node in parent.ChildNodes)
        {
            InlineNode(node, marks, target);
        }
    }

    private static void InlineNode(INode node, Marks marks, InlineTarget target)
    {
        switch (node)
        {
            case IText text:
                target.Text(text.Data, marks);
                break;
            case IElement element:
                InlineElement(element, marks, target);
                break;
        }
    }

    private static void InlineElement(IElement element, Marks marks, InlineTarget target)
    {
        switch (element.LocalName)
        {
            case var name when Removed.Contains(name):
                break;
            case "strong" or "b":
                WalkInline(element, marks with { Bold = true }, target);
                break;
            case "em" or "i":
                WalkInline(element, marks with { Italic = true }, target);
                break;
            case "a":
                WalkInline(element, marks with { Href = marks.Href ?? Links.SafeHref(element.GetAttribute("href")) }, target);
                break;
            case "br":
                target.EndLine();
                break;
            case "img":
                if (ImageOf(element, null) is { } image)
                {
                    target.Block(image);
                }
                break;
            case "iframe":
                if (EmbedOf(element) is { } embed)
                {
                    target.Block(embed);
                }
                break;
            case "figure":
                if (element.QuerySelector("img") is { } img && ImageOf(img, Whitespace.Collapse(element.QuerySelector("figcaption")?.TextContent)) is { } figureImage)
                {
                    target.Block(figureImage);
                }
                break;
            case var name when Containers.Contains(name) || name is "p" or "blockquote" or "ul" or "ol" or "hr" || name.Length == 2 && name[0] == 'h' && char.IsDigit(name[1]):
                target.EndLine();
                WalkInline(element, marks, target);
                target.EndLine();
                break;
            default:
                WalkInline(element, marks, target);
                break;
        }
    }

    private static ImageBlock? ImageOf(IElement img, string? caption)
    {
        Guid id;
        var valid = Guid.TryParse(img.GetAttribute("data-image-id"), out id) || Links.TryParseMediaReference(img.GetAttribute("src"), out id);
        return valid && id != Guid.Empty ? new ImageBlock(id, caption, null, Whitespace.Collapse(img.GetAttribute("alt"))) : null;
    }

    private static EmbedBlock? EmbedOf(IElement iframe)
    {
        var src = iframe.GetAttribute("src")?.Trim();
        if (!Links.IsWebUrl(src))
        {
            return null;
        }
        var host = new Uri(src!).Host;
        // The site's own name when the source gives one (data-provider), else its host.
        var provider = Whitespace.Collapse(iframe.GetAttribute("data-provider"))
            ?? (host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host);
        return new EmbedBlock(src!, Whitespace.Collapse(iframe.GetAttribute("title")), provider);
    }
}
