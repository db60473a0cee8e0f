using System.Globalization;
using System.Text;
using Broadsheet.Articles.BodyFormats;
using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Broadsheet.Articles.Workflow;

public enum DiffKind
{
    Same,
    Changed,
    Removed,
    Added,
}

/// <summary>A word with how it differs: kept, deleted from the left, or inserted on the right.</summary>
public sealed record DiffWord(string Text, DiffKind Kind);

/// <summary>One line of a side-by-side comparison; a side is null where the other side has a line it lacks.</summary>
public sealed record DiffRow(DiffKind Kind, IReadOnlyList<DiffWord>? Left, IReadOnlyList<DiffWord>? Right);

public sealed record FieldDiff(string Field, IReadOnlyList<DiffRow> Rows)
{
    public bool Changed => Rows.Any(r => r.Kind != DiffKind.Same);
}

/// <summary>
/// Compares two states of an article field by field, the body block by block (one line each, inline marks as
/// the editor writes them), line by line and then word by word within changed lines (DiffPlex).
/// </summary>
public static class RevisionDiff
{
    public static IReadOnlyList<FieldDiff> Compare(ArticleSnapshot left, ArticleSnapshot right)
    {
        var a = Fields(left);
        var b = Fields(right);
        return a.Select(field => new FieldDiff(field.Key, Lines(field.Value, b[field.Key]))).ToList();
    }

    /// <summary>The snapshot as labelled text, in the order the editor shows the fields.</summary>
    public static Dictionary<string, string> Fields(ArticleSnapshot s) => new()
    {
        ["Headline"] = s.Headline,
        ["Summary"] = string.Join('\n', s.Summary),
        ["Section"] = s.Section,
        ["Topics"] = string.Join(", ", s.Topics),
        ["Byline"] = string.Join(", ", s.Byline.Select(c => c.Kind == "agency" ? $"{c.Name} (agency)" : c.Name)),
        ["Type of work"] = s.Type,
        ["Language"] = s.Language,
        ["Dateline"] = s.Dateline ?? "",
        ["Sponsor"] = s.Sponsor ?? "",
        ["How we reported this"] = s.Methods ?? "",
        ["URL slug"] = s.Slug,
        ["Hero image"] = s.HeroImageId is null ? "" : string.Join('\n', new[] { $"Image {s.HeroImageId}", s.HeroCaption is null ? null : $"Caption: {s.HeroCaption}", s.HeroCredit is null ? null : $"Credit: {s.HeroCredit}", s.HeroAlt is null ? null : $"Alt: {s.HeroAlt}" }.Where(l => l is not null)),
        ["Body"] = BodyText(s.Body),
    };

    /// <summary>The body as text, one block a line, as the editor's fields show it.</summary>
    public static string BodyText(IReadOnlyList<Block> body)
    {
        var text = new StringBuilder();
        foreach (var block in body)
        {
            switch (block)
            {
                case ParagraphBlock p:
                    text.AppendLine(InlineText.Format(p.Content));
                    break;
                case HeadingBlock h:
                    text.Append('#', h.Level).Append(' ').AppendLine(h.Text);
                    break;
                case QuoteBlock q:
                    text.Append(q.Pull ? "> (pull quote) " : "> ").Append(InlineText.Format(q.Content)).AppendLine(q.Attribution is null ? "" : $" — {q.Attribution}");
                    break;
                case ListBlock l:
                    for (var i = 0; i < l.Items.Count; i++)
                    {
                        text.Append(l.Ordered ? (i + 1).ToString(CultureInfo.InvariantCulture) + ". " : "- ").AppendLine(InlineText.Format(l.Items[i]));
                    }
                    break;
                case ImageBlock image:
                    text.Append("[Image ").Append(image.ImageId).Append(']').AppendLine(image.Caption is null ? "" : " " + image.Caption);
                    break;
                case EmbedBlock embed:
                    text.Append("[Embed ").Append(embed.Url).Append(']').AppendLine(embed.Title is null ? "" : " " + embed.Title);
                    break;
                case DividerBlock:
                    text.AppendLine("---");
                    break;
                case SourcesBlock sources:
                    foreach (var source in sources.Items)
                    {
                        text.Append("[Source] ").Append(source.Title).Append(" <").Append(source.Url).Append('>').AppendLine(source.Note is null ? "" : " " + source.Note);
                    }
                    break;
            }
        }
        return text.ToString().TrimEnd('\n', '\r');
    }

    public static IReadOnlyList<DiffRow> Lines(string left, string right)
    {
        var model = SideBySideDiffBuilder.Diff(Differ.Instance, left, right, ignoreWhiteSpace: false, ignoreCase: false, LineChunker.Instance, WordChunker.Instance);
        var rows = new List<DiffRow>();
        for (var i = 0; i < Math.Max(model.OldText.Lines.Count, model.NewText.Lines.Count); i++)
        {
            var old = i < model.OldText.Lines.Count ? model.OldText.Lines[i] : null;
            var @new = i < model.NewText.Lines.Count ? model.NewText.Lines[i] : null;
            var oldKind = old?.Type ?? ChangeType.Imaginary;
            var newKind = @new?.Type ?? ChangeType.Imaginary;
            var kind = oldKind == ChangeType.Unchanged && newKind == ChangeType.Unchanged ? DiffKind.Same
                : oldKind == ChangeType.Imaginary ? DiffKind.Added
                : newKind == ChangeType.Imaginary ? DiffKind.Removed
                : DiffKind.Changed;
            rows.Add(new DiffRow(kind, Words(old, DiffKind.Removed), Words(@new, DiffKind.Added)));
        }
        return rows;
    }

    private static IReadOnlyList<DiffWord>? Words(DiffPiece? line, DiffKind changedAs)
    {
        if (line is null || line.Type == ChangeType.Imaginary)
        {
            return null;
        }
        if (line.Type != ChangeType.Modified || line.SubPieces.Count == 0)
        {
            return [new DiffWord(line.Text ?? "", line.Type == ChangeType.Unchanged ? DiffKind.Same : changedAs)];
        }
        return line.SubPieces
            .Where(p => p.Type != ChangeType.Imaginary && p.Text is not null)
            .Select(p => new DiffWord(p.Text!, p.Type == ChangeType.Unchanged ? DiffKind.Same : changedAs))
            .ToList();
    }
}
