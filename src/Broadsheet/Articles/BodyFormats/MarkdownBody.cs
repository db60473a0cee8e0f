using Markdig;
using Md = Markdig.Syntax;
using MdInlines = Markdig.Syntax.Inlines;

namespace Broadsheet.Articles.BodyFormats;

/// <summary>
/// Converts Markdown to body blocks by walking Markdig's syntax tree. CommonMark only: what has no block
/// (tables, footnotes) is not parsed. Paragraphs keep bold, italic and safe links; inline code becomes plain
/// text; headings land in levels 2-4; a block quote whose last line is "— Name" gets that name as its
/// attribution, and a quote holding nothing but a quote (<c>&gt;&gt; text</c>) is a pull quote; nested lists
/// are flattened into their parent list; a thematic break is a divider. Raw HTML blocks go through
/// <see cref="HtmlBody"/>, and raw inline tags only switch bold or italic (script and style text is dropped).
/// An image becomes an image block only when it points at the library: <c>![alt](/media/{id})</c> (or any
/// rendition URL under it), its title becoming the caption; any other image is dropped, so bodies never make
/// readers load third-party images.
/// </summary>
public static class MarkdownBody
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    public static List<Block> ToBlocks(string markdown)
    {
        var body = new BodyBuilder();
        foreach (var block in Markdown.Parse(markdown, Pipeline))
        {
            Convert(block, body);
        }
        body.EndParagraph();
        return body.Blocks;
    }

    private static void Convert(Md.Block block, BodyBuilder body)
    {
        switch (block)
        {
            case Md.HeadingBlock heading:
                var headingCollector = new HeadingCollector(heading.Level);
                Walk(heading.Inline, Marks.None, headingCollector.Target);
                body.AddRange(headingCollector.Build());
                break;
            case Md.QuoteBlock quote:
                var pull = quote is [Md.QuoteBlock];
                var quoteCollector = new QuoteCollector { Pull = pull };
                foreach (var child in pull ? (Md.QuoteBlock)quote[0] : quote)
                {
                    AppendNested(child, quoteCollector.Target);
                }
                body.AddRange(quoteCollector.Build());
                break;
            case Md.ListBlock list:
                var listCollector = new ListCollector(list.IsOrdered);
                AppendItems(list, listCollector);
                body.AddRange(listCollector.Build());
                break;
            case Md.ThematicBreakBlock:
                body.Add(new DividerBlock());
                break;
            case Md.HtmlBlock html:
                body.AddRange(HtmlBody.ToBlocks(html.Lines.ToString()));
                break;
            case Md.CodeBlock code:
                body.ParagraphTarget().Text(code.Lines.ToString(), Marks.None);
                body.EndParagraph();
                break;
            case Md.LinkReferenceDefinitionGroup:
                break;
            case Md.LeafBlock leaf:
                Walk(leaf.Inline, Marks.None, body.ParagraphTarget());
                body.EndParagraph();
                break;
            case Md.ContainerBlock container:
                foreach (var child in container)
                {
                    Convert(child, body);
                }
                break;
        }
    }

    private static void AppendItems(Md.ListBlock list, ListCollector collector)
    {
        foreach (var item in list)
        {
            foreach (var child in (Md.ContainerBlock)item)
            {
                if (child is Md.ListBlock nested)
                {
                    collector.EndItem();
                    AppendItems(nested, collector);
                }
                else
                {
                    AppendNested(child, collector.Target);
                }
            }
            collector.EndItem();
        }
    }

    /// <summary>The text of a block found where only inline content fits: inside a quote or a list item.</summary>
    private static void AppendNested(Md.Block block, InlineTarget target)
    {
        switch (block)
        {
            case Md.HtmlBlock html:
                foreach (var converted in HtmlBody.ToBlocks(html.Lines.ToString()))
                {
                    AppendBlockText(converted, target);
                }
                break;
            case Md.CodeBlock code:
                target.Text(code.Lines.ToString(), Marks.None);
                target.EndLine();
                break;
            case Md.LinkReferenceDefinitionGroup:
                break;
            case Md.LeafBlock leaf:
                Walk(leaf.Inline, Marks.None, target);
                target.EndLine();
                break;
            case Md.ContainerBlock container:
                foreach (var child in container)
                {
                    AppendNested(child, target);
                }
                break;
        }
    }

    internal static void AppendBlockText(Block block, InlineTarget target)
    {
        switch (block)
        {
            case ParagraphBlock p:
                target.Runs.Append(p.Content);
                break;
            case QuoteBlock q:
                target.Runs.Append(q.Content);
                break;
            case HeadingBlock h:
                target.Text(h.Text, Marks.None);
                break;
            case ListBlock l:
                foreach (var item in l.Items)
                {
                    target.Runs.Append(item);
                    target.EndLine();
                }
                break;
            default:
                target.Block(block);
                break;
        }
        target.EndLine();
    }

    private static void Walk(MdInlines.ContainerInline? container, Marks marks, InlineTarget target)
    {
        if (container is null)
        {
            return;
        }
        foreach (var inline in container)
        {
            Walk(inline, marks, target);
        }
    }

    private static void Walk(MdInlines.Inline inline, Marks marks, InlineTarget target)
    {
        switch (inline)
        {
            case MdInlines.LiteralInline literal:
                target.Text(literal.Content.ToString(), marks);
                break;
            case MdInlines.CodeInline code:
                target.Text(code.Content, marks);
                break;
            case MdInlines.HtmlEntityInline entity:
                target.Text(entity.Transcoded.ToString(), marks);
                break;
            case MdInlines.LineBreakInline:
                target.EndLine();
                break;
            case MdInlines.HtmlInline html:
                target.HtmlTag(html.Tag);
                break;
            case MdInlines.AutolinkInline autolink:
                var autoHref = Links.SafeHref(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url);
                target.Text(autolink.Url, marks with { Href = marks.Href ?? autoHref });
                break;
            case MdInlines.LinkInline { IsImage: true } image:
                if (Links.TryParseMediaReference(image.Url, out var imageId))
                {
                    target.Block(new ImageBlock(imageId, Caption: Whitespace.Collapse(image.Title), Alt: Whitespace.Collapse(TextOf(image))));
                }
                break;
            case MdInlines.LinkInline link:
                Walk(link, marks with { Href = marks.Href ?? Links.SafeHref(link.Url) }, target);
                break;
            case MdInlines.EmphasisInline emphasis when emphasis.DelimiterChar is '*' or '_':
                var emphasised = emphasis.DelimiterCount >= 2 ? marks with { Bold = true } : marks with { Italic = true };
                Walk(emphasis, emphasised, target);
                break;
            case MdInlines.ContainerInline container:
                Walk(container, marks, target);
                break;
        }
    }

    private static string TextOf(MdInlines.ContainerInline container)
    {
        var runs = new InlineRuns();
        Walk(container, Marks.None, new InlineTarget(runs, _ => { }, runs.Space));
        return PlainText.Of(runs.Take());
    }
}
