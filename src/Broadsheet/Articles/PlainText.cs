namespace Broadsheet.Articles;

/// <summary>
/// One piece of readable text from a body: the block it comes from and, for lists, the item.
/// Reading time, the audio script, search and feeds all read the body through this projection.
/// </summary>
public readonly record struct TextSegment(int BlockIndex, int Item, string Text);

public static class PlainText
{
    public static string Of(IReadOnlyList<Inline> runs) => runs.Count == 1 ? runs[0].Text : string.Concat(runs.Select(r => r.Text));

    /// <summary>The length of <see cref="Of(IReadOnlyList{Inline})"/>, without joining the runs.</summary>
    public static int Length(IReadOnlyList<Inline> runs)
    {
        var length = 0;
        for (var i = 0; i < runs.Count; i++)
        {
            length += runs[i].Text.Length;
        }
        return length;
    }

    public static IEnumerable<TextSegment> Segments(IReadOnlyList<Block> blocks)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            switch (blocks[i])
            {
                case ParagraphBlock p:
                    yield return new TextSegment(i, 0, Of(p.Content));
                    break;
                case HeadingBlock h:
                    yield return new TextSegment(i, 0, h.Text);
                    break;
                case QuoteBlock q:
                    yield return new TextSegment(i, 0, Of(q.Content));
                    break;
                case ListBlock l:
                    for (var item = 0; item < l.Items.Count; item++)
                    {
                        yield return new TextSegment(i, item, Of(l.Items[item]));
                    }
                    break;
            }
        }
    }

    /// <summary>The body as plain text, one block or list item a line.</summary>
    public static string Of(IReadOnlyList<Block> blocks) => string.Join('\n', Segments(blocks).Select(s => s.Text));
}
