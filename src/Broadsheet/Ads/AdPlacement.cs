using Broadsheet.Articles;

namespace Broadsheet.Ads;

/// <summary>
/// Where in-article ad slots go. Slots only ever sit between top-level blocks, so never inside a list or a
/// quote; never next to an image, an embed or another slot; never right after a heading (which would cut it
/// from its text); only after <see cref="AdsOptions.FirstSlotAfterParagraphs"/> paragraphs, with
/// <see cref="AdsOptions.MinWordsBetweenSlots"/> words between slots, at most
/// <see cref="AdsOptions.MaxInArticleSlots"/>, and only while all the page's ads together stay under
/// <see cref="AdsOptions.MaxDensity"/> of the estimated height of the main content.
/// </summary>
public static class AdPlacement
{
    /// <summary>
    /// Height a slot reserves in the layout on a phone: the "Advertisement" label, a 300x250 box and the
    /// slot's margins. Keep in step with <c>.ad</c> in <c>wwwroot/css/reader.css</c>.
    /// </summary>
    public const int SlotHeightPx = 306;

    /// <summary>The top banner's reserved height on a phone (label plus a 728x90 box scaled to 360px wide, plus margins).</summary>
    public const int TopSlotHeightPx = 100;

    // The estimate of content height assumes the narrowest common layout, a 360px-wide phone, where density
    // matters most: body text 18px serif on a 29px line, about 38 characters a line.
    private const int CharactersPerLine = 38;
    private const int LineHeightPx = 29;
    private const int BlockGapPx = 24;
    private const int ImageHeightPx = 220;
    private const int EmbedHeightPx = 120;
    private const int DividerHeightPx = 24;

    /// <summary>
    /// The positions of the in-article slots: each value <c>i</c> means "after block <c>i</c>", ascending.
    /// <paramref name="otherSlotsHeightPx"/> is the height of the page's other ads (the top banner), which
    /// counts towards the density cap.
    /// </summary>
    public static IReadOnlyList<int> Plan(IReadOnlyList<Block> blocks, AdsOptions options, int otherSlotsHeightPx = TopSlotHeightPx)
    {
        var slots = new List<int>();
        if (!options.Enabled || options.MaxInArticleSlots == 0 || blocks.Count < 2)
        {
            return slots;
        }
        var contentHeight = blocks.Sum(EstimatedHeightPx);
        var paragraphs = 0;
        var wordsSinceSlot = 0;
        var adHeight = otherSlotsHeightPx;
        for (var i = 0; i < blocks.Count - 1 && slots.Count < options.MaxInArticleSlots; i++)
        {
            if (blocks[i] is ParagraphBlock)
            {
                paragraphs++;
            }
            wordsSinceSlot += WordsIn(blocks[i]);
            if (paragraphs < options.FirstSlotAfterParagraphs
                || wordsSinceSlot < options.MinWordsBetweenSlots
                || !MayBorderSlot(blocks[i], before: true)
                || !MayBorderSlot(blocks[i + 1], before: false))
            {
                continue;
            }
            var withSlot = adHeight + SlotHeightPx;
            if ((double)withSlot / (contentHeight + withSlot) >= options.MaxDensity)
            {
                break;
            }
            adHeight = withSlot;
            slots.Add(i);
            wordsSinceSlot = 0;
        }
        return slots;
    }

    /// <summary>Share of the main content's estimated height that the given slots take.</summary>
    public static double Density(IReadOnlyList<Block> blocks, int inArticleSlots, int otherSlotsHeightPx = TopSlotHeightPx)
    {
        var ads = otherSlotsHeightPx + inArticleSlots * SlotHeightPx;
        return (double)ads / (blocks.Sum(EstimatedHeightPx) + ads);
    }

    public static int EstimatedHeightPx(Block block) => block switch
    {
        ParagraphBlock p => TextHeight(PlainText.Length(p.Content)),
        HeadingBlock h => TextHeight(h.Text.Length) + 8,
        QuoteBlock q => TextHeight(PlainText.Length(q.Content) + (q.Attribution?.Length ?? 0)) + LineHeightPx,
        ListBlock l => l.Items.Sum(item => TextHeight(PlainText.Length(item)) - BlockGapPx / 2),
        ImageBlock => ImageHeightPx + LineHeightPx + BlockGapPx,
        EmbedBlock => EmbedHeightPx + BlockGapPx,
        DividerBlock => DividerHeightPx + BlockGapPx,
        _ => BlockGapPx,
    };

    private static int TextHeight(int characters) =>
        (Math.Max(1, (characters + CharactersPerLine - 1) / CharactersPerLine) * LineHeightPx) + BlockGapPx;

    private static int WordsIn(Block block) => ReadingTime.CountWords(block);

    /// <summary>Images and embeds are image-like: an ad beside them reads as part of the story. A heading belongs with what follows it.</summary>
    private static bool MayBorderSlot(Block block, bool before) => block switch
    {
        ImageBlock or EmbedBlock => false,
        HeadingBlock => !before,
        _ => true,
    };
}
