using System.Text;
using System.Text.RegularExpressions;
using Broadsheet.Articles;

namespace Broadsheet.Newsroom.Admin.Standards;

/// <summary>
/// Blocks back to the Markdown that <see cref="Broadsheet.Articles.BodyFormats.MarkdownBody.ToBlocks(string)"/> reads, so a stored
/// body can be edited as text and saved again without losing its structure or marks.
/// </summary>
public static partial class MarkdownText
{
    public static string From(IEnumerable<Block> blocks)
    {
        var text = new StringBuilder();
        foreach (var block in blocks)
        {
            if (text.Length > 0)
            {
                text.Append("\n\n");
            }
            switch (block)
            {
                case ParagraphBlock p:
                    text.Append(LineStart(Inlines(p.Content)));
                    break;
                case HeadingBlock h:
                    text.Append(new string('#', Math.Clamp(h.Level, 2, 4))).Append(' ').Append(Escape(h.Text));
                    break;
                case QuoteBlock q:
                    text.Append("> ").Append(Inlines(q.Content).Replace("\n", "\n> ", StringComparison.Ordinal));
                    if (q.Attribution is { Length: > 0 } by)
                    {
                        text.Append("\n>\n> — ").Append(Escape(by));
                    }
                    break;
                case ListBlock l:
                    for (var i = 0; i < l.Items.Count; i++)
                    {
                        text.Append(i > 0 ? "\n" : "").Append(l.Ordered ? $"{i + 1}. " : "- ").Append(Inlines(l.Items[i]));
                    }
                    break;
                case ImageBlock image:
                    text.Append("![").Append(Escape(image.Alt ?? "")).Append("](/media/").Append(image.ImageId.ToString("D"));
                    if (image.Caption is { Length: > 0 } caption)
                    {
                        text.Append(" \"").Append(caption.Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                    }
                    text.Append(')');
                    break;
                case EmbedBlock embed:
                    text.Append('<').Append(embed.Url).Append('>');
                    break;
                case DividerBlock:
                    text.Append("---");
                    break;
            }
        }
        return text.ToString();
    }

    private static string Inlines(IEnumerable<Inline> runs)
    {
        var text = new StringBuilder();
        foreach (var run in runs)
        {
            var part = Escape(run.Text);
            if (part.Trim().Length > 0)
            {
                // Marks must hug the text: "** word**" is not bold in CommonMark.
                var lead = part[..(part.Length - part.TrimStart().Length)];
                var trail = part[part.TrimEnd().Length..];
                var core = part.Trim();
                if (run.Italic)
                {
                    core = $"*{core}*";
                }
                if (run.Bold)
                {
                    core = $"**{core}**";
                }
                if (run.Href is { Length: > 0 } href)
                {
                    core = $"[{core}](<{href}>)";
                }
                part = lead + core + trail;
            }
            text.Append(part);
        }
        return text.ToString();
    }

    private static string Escape(string text) => Special().Replace(text, @"\$0");

    /// <summary>A paragraph that begins like a heading, list or quote must not turn into one.</summary>
    private static string LineStart(string text) => BlockMarker().Replace(text, m => m.Value.Insert(m.Value.Length - 1, "\\"));

    [GeneratedRegex(@"[\\`*_\[\]<>]")]
    private static partial Regex Special();

    [GeneratedRegex(@"^(\s*(#|>|-|\+|\d+\.))", RegexOptions.Multiline)]
    private static partial Regex BlockMarker();
}
