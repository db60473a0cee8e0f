using System.Text.Encodings.Web;
using Broadsheet.Articles;

namespace Broadsheet.Rendering;

/// <summary>
/// The body's text blocks (paragraphs, headings, quotes, lists) written straight to the page's writer; the other block
/// types are <see cref="BodyMarkup"/>'s. Each text names its place for the listen player's read-along
/// (<c>data-listen-place</c>).
/// </summary>
public static class BlockMarkup
{
    /// <summary>Writes <paramref name="block"/> (the body's <paramref name="index"/>th) when it is a text block; false for the other types.</summary>
    public static bool TryWrite(TextWriter writer, HtmlEncoder encoder, Block block, int index)
    {
        switch (block)
        {
            case ParagraphBlock paragraph:
                writer.Write("<p");
                Place(writer, index, ".0\">");
                new InlineMarkup(paragraph.Content).WriteTo(writer, encoder);
                writer.Write("</p>\n");
                return true;
            case HeadingBlock heading:
                // The page's h1 is the headline, so body headings start at h2 whatever level the editor chose.
                // The partial's switch writes a space on either side of the element: kept, so that the page stays the same.
                var tag = Math.Clamp(heading.Level, 2, 4) switch { 2 => "h2", 3 => "h3", _ => "h4" };
                writer.Write(" <");
                writer.Write(tag);
                Place(writer, index, ".0\">");
                encoder.Encode(writer, heading.Text);
                writer.Write("</");
                writer.Write(tag);
                writer.Write("> ");
                return true;
            case QuoteBlock quote:
                writer.Write(quote.Pull ? "<blockquote class=\"pull\">\n<p" : "<blockquote class=\"quote\">\n<p");
                Place(writer, index, ".0\">");
                new InlineMarkup(quote.Content).WriteTo(writer, encoder);
                writer.Write("</p>\n");
                if (quote.Attribution is { Length: > 0 } attribution)
                {
                    writer.Write("<cite");
                    Place(writer, index, ".0a\">");
                    encoder.Encode(writer, attribution);
                    writer.Write("</cite>\n");
                }
                writer.Write("</blockquote>\n");
                return true;
            case ListBlock list:
                writer.Write(list.Ordered ? "<ol>\n" : "<ul>\n");
                for (var i = 0; i < list.Items.Count; i++)
                {
                    writer.Write("<li");
                    Place(writer, index, ".");
                    writer.Write(i);
                    writer.Write("\">");
                    new InlineMarkup(list.Items[i]).WriteTo(writer, encoder);
                    writer.Write("</li>\n");
                }
                writer.Write(list.Ordered ? "</ol>\n" : "</ul>\n");
                return true;
            default:
                return false;
        }
    }

    private static void Place(TextWriter writer, int index, string rest)
    {
        writer.Write(" data-listen-place=\"b");
        writer.Write(index);
        writer.Write(rest);
    }
}
