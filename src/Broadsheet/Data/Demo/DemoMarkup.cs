using System.Text;
using System.Text.RegularExpressions;
using Broadsheet.Articles;

namespace Broadsheet.Data.Demo;

/// <summary>
/// The small text format the demo copy is written in, turned into typed blocks. Blocks are separated by blank
/// lines: <c>## heading</c>, <c>&gt; quote</c> / <c>&gt;&gt; pull quote</c> (a last line <c>— who</c> attributes it),
/// <c>- item</c> / <c>1. item</c>, <c>---</c>, <c>@image key</c>, <c>@embed url | title | provider</c>; anything else is a
/// paragraph with <c>**bold**</c>, <c>_italic_</c> and <c>[text](href)</c>.
/// </summary>
internal static partial class DemoMarkup
{
    [GeneratedRegex(@"^\d+\. ")]
    private static partial Regex OrderedItem();

    public static List<Block> Parse(string text, Func<string, Guid> imageId)
    {
        var blocks = new List<Block>();
        var chunks = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var chunk in chunks)
        {
            var lines = chunk.Split('\n', StringSplitOptions.TrimEntries);
            if (chunk == "---")
            {
                blocks.Add(new DividerBlock());
            }
            else if (chunk.StartsWith("### ", StringComparison.Ordinal))
            {
                blocks.Add(new HeadingBlock(chunk[4..], 3));
            }
            else if (chunk.StartsWith("## ", StringComparison.Ordinal))
            {
                blocks.Add(new HeadingBlock(chunk[3..]));
            }
            else if (chunk.StartsWith("@image ", StringComparison.Ordinal))
            {
                blocks.Add(new ImageBlock(imageId(chunk[7..].Trim())));
            }
            else if (chunk.StartsWith("@embed ", StringComparison.Ordinal))
            {
                var parts = chunk[7..].Split('|', StringSplitOptions.TrimEntries);
                blocks.Add(new EmbedBlock(parts[0], parts.ElementAtOrDefault(1), parts.ElementAtOrDefault(2)));
            }
            else if (chunk.StartsWith('>'))
            {
                var pull = chunk.StartsWith(">>", StringComparison.Ordinal);
                var attribution = lines[^1].StartsWith('—') ? lines[^1].TrimStart('—').Trim() : null;
                var quoted = lines.Where(l => l.StartsWith('>')).Select(l => l.TrimStart('>').Trim());
                blocks.Add(new QuoteBlock(Inlines(string.Join(' ', quoted)), attribution, pull));
            }
            else if (lines.All(l => l.StartsWith("- ", StringComparison.Ordinal)))
            {
                blocks.Add(new ListBlock([.. lines.Select(l => Inlines(l[2..]))]));
            }
            else if (lines.All(l => OrderedItem().IsMatch(l)))
            {
                blocks.Add(new ListBlock([.. lines.Select(l => Inlines(OrderedItem().Replace(l, "", 1)))], Ordered: true));
            }
            else
            {
                blocks.Add(new ParagraphBlock(Inlines(string.Join(' ', lines))));
            }
        }
        return blocks;
    }

    public static List<Inline> Inlines(string text)
    {
        var runs = new List<Inline>();
        var plain = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text.AsSpan(i).StartsWith("**") && text.IndexOf("**", i + 2, StringComparison.Ordinal) is var boldEnd and > 0)
            {
                Flush();
                runs.Add(new Inline(text[(i + 2)..boldEnd], Bold: true));
                i = boldEnd + 2;
            }
            else if (text[i] == '_' && (i == 0 || !char.IsLetterOrDigit(text[i - 1])) && text.IndexOf('_', i + 1) is var italicEnd and > 0)
            {
                Flush();
                runs.Add(new Inline(text[(i + 1)..italicEnd], Italic: true));
                i = italicEnd + 1;
            }
            else if (text[i] == '[' && text.IndexOf("](", i, StringComparison.Ordinal) is var labelEnd and > 0 && text.IndexOf(')', labelEnd) is var hrefEnd and > 0)
            {
                Flush();
                runs.Add(new Inline(text[(i + 1)..labelEnd], Href: text[(labelEnd + 2)..hrefEnd]));
                i = hrefEnd + 1;
            }
            else
            {
                plain.Append(text[i]);
                i++;
            }
        }
        Flush();
        return runs;

        void Flush()
        {
            if (plain.Length > 0)
            {
                runs.Add(new Inline(plain.ToString()));
                plain.Clear();
            }
        }
    }
}
