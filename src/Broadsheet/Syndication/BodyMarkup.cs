using System.Xml;
using Broadsheet.Articles;
using Broadsheet.Articles.BodyFormats;
using Broadsheet.Data;
using Broadsheet.Media;

namespace Broadsheet.Syndication;

/// <summary>
/// Writes an article's typed blocks as (X)HTML for partners: the same markup for a ninjs body (an HTML fragment) and a
/// NewsML-G2 <c>inlineXML</c> (XHTML), and the markup <c>HtmlBody</c> reads back into the same blocks: quotes carry
/// their source in a <c>footer</c>, embeds are <c>iframe</c>s with their provider. Images are <c>figure</c>s with the
/// picture's absolute URL; partners take the pictures themselves from the associations or links.
/// </summary>
public static class BodyMarkup
{
    public const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    /// <summary>The body as an HTML fragment (well-formed, so also XHTML).</summary>
    public static string Fragment(SyndicationSource source)
    {
        var text = new StringWriter();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { ConformanceLevel = ConformanceLevel.Fragment, OmitXmlDeclaration = true }))
        {
            Write(writer, source, null);
        }
        return text.ToString();
    }

    /// <summary>Writes the blocks as elements in <paramref name="ns"/> (null: no namespace).</summary>
    public static void Write(XmlWriter writer, SyndicationSource source, string? ns)
    {
        foreach (var block in source.Article.Body)
        {
            switch (block)
            {
                case ParagraphBlock p:
                    writer.WriteStartElement("p", ns);
                    Runs(writer, p.Content, ns);
                    writer.WriteFullEndElement();
                    break;
                case HeadingBlock h:
                    writer.WriteElementString($"h{Math.Clamp(h.Level, 1, 6)}", ns, Text(h.Text));
                    break;
                case QuoteBlock q:
                    writer.WriteStartElement("blockquote", ns);
                    Runs(writer, q.Content, ns);
                    if (q.Attribution is { } attribution)
                    {
                        writer.WriteElementString("footer", ns, Text(attribution));
                    }
                    writer.WriteFullEndElement();
                    break;
                case ListBlock l:
                    writer.WriteStartElement(l.Ordered ? "ol" : "ul", ns);
                    foreach (var item in l.Items)
                    {
                        writer.WriteStartElement("li", ns);
                        Runs(writer, item, ns);
                        writer.WriteFullEndElement();
                    }
                    writer.WriteFullEndElement();
                    break;
                case ImageBlock i when source.BodyImages.TryGetValue(i.ImageId, out var image):
                    Figure(writer, source, image, i, ns);
                    break;
                case EmbedBlock e:
                    writer.WriteStartElement("iframe", ns);
                    writer.WriteAttributeString("src", e.Url);
                    if (e.Title is { } title)
                    {
                        writer.WriteAttributeString("title", Text(title));
                    }
                    if (e.Provider is { } provider)
                    {
                        writer.WriteAttributeString("data-provider", Text(provider));
                    }
                    writer.WriteFullEndElement();
                    break;
                case DividerBlock:
                    writer.WriteStartElement("hr", ns);
                    writer.WriteEndElement();
                    break;
                case SourcesBlock s:
                    Sources(writer, s, ns);
                    break;
            }
        }
    }

    /// <summary>The widest JPEG rendition's absolute URL (every client shows JPEG), else the widest of any.</summary>
    public static string? PictureUrl(SyndicationSource source, Image image) =>
        image.Renditions.OrderByDescending(r => r.Format == RenditionMaker.Jpeg).ThenByDescending(r => r.Width)
            .Select(r => source.Url(ImageSources.UrlOf(r.Path))).FirstOrDefault();

    private static void Figure(XmlWriter writer, SyndicationSource source, Image image, ImageBlock block, string? ns)
    {
        writer.WriteStartElement("figure", ns);
        writer.WriteStartElement("img", ns);
        if (PictureUrl(source, image) is { } src)
        {
            writer.WriteAttributeString("src", src);
        }
        // No library id: it means nothing to a partner's system, and a Broadsheet receiving it would look for an image it does not have.
        writer.WriteAttributeString("alt", Text(block.Alt ?? image.Alt));
        writer.WriteEndElement();
        if ((block.Caption ?? image.Caption) is { } caption)
        {
            writer.WriteElementString("figcaption", ns, Text(caption));
        }
        writer.WriteFullEndElement();
    }

    /// <summary>
    /// The story's citations as readers see them under "Sources": a <c>section</c> of class <c>sources</c> with a heading
    /// and one linked item each, its note in a <c>span</c> of class <c>note</c> (what <c>HtmlBody</c> reads back).
    /// </summary>
    private static void Sources(XmlWriter writer, SourcesBlock sources, string? ns)
    {
        writer.WriteStartElement("section", ns);
        writer.WriteAttributeString("class", HtmlBody.SourcesClass);
        writer.WriteElementString("h2", ns, "Sources");
        writer.WriteStartElement("ul", ns);
        foreach (var item in sources.Items)
        {
            writer.WriteStartElement("li", ns);
            writer.WriteStartElement("a", ns);
            writer.WriteAttributeString("href", item.Url);
            writer.WriteString(Text(item.Title));
            writer.WriteEndElement();
            if (item.Note is { } note)
            {
                writer.WriteString(" ");
                writer.WriteStartElement("span", ns);
                writer.WriteAttributeString("class", "note");
                writer.WriteString(Text(note));
                writer.WriteEndElement();
            }
            writer.WriteFullEndElement();
        }
        writer.WriteFullEndElement();
        writer.WriteFullEndElement();
    }

    private static void Runs(XmlWriter writer, IReadOnlyList<Inline> runs, string? ns)
    {
        foreach (var run in runs)
        {
            var open = 0;
            if (run.Href is { } href)
            {
                writer.WriteStartElement("a", ns);
                writer.WriteAttributeString("href", href);
                open++;
            }
            if (run.Bold)
            {
                writer.WriteStartElement("strong", ns);
                open++;
            }
            if (run.Italic)
            {
                writer.WriteStartElement("em", ns);
                open++;
            }
            writer.WriteString(Text(run.Text));
            for (; open > 0; open--)
            {
                writer.WriteFullEndElement();
            }
        }
    }

    private static string Text(string value) => TextRules.ForXml(value);
}
