using Broadsheet.Ads;
using Broadsheet.Articles;

namespace Broadsheet.Tests.Unit;

public class AdPlacementTests
{
    private static ParagraphBlock Paragraph(int words) => new([new Inline(string.Join(' ', Enumerable.Repeat("word", words)))]);

    private static List<Block> Paragraphs(int count, int words = 60) => [.. Enumerable.Range(0, count).Select(_ => (Block)Paragraph(words))];

    private static AdsOptions Options(int first = 3, int minWords = 150, int max = 3, double density = 0.30) =>
        new() { FirstSlotAfterParagraphs = first, MinWordsBetweenSlots = minWords, MaxInArticleSlots = max, MaxDensity = density };

    [Fact]
    public void First_slot_comes_after_N_paragraphs_and_enough_words()
    {
        // 60 words a paragraph: after 3 paragraphs there are 180 words (>= 150), so the slot follows block 2.
        var slots = AdPlacement.Plan(Paragraphs(20), Options());
        Assert.Equal(2, slots[0]);
    }

    [Fact]
    public void Slots_keep_the_minimum_words_between_them_and_stop_at_the_maximum()
    {
        var slots = AdPlacement.Plan(Paragraphs(30), Options());
        Assert.Equal([2, 5, 8], slots);
        Assert.Equal([2, 4, 6, 8, 10], AdPlacement.Plan(Paragraphs(30), Options(minWords: 100, max: 5)));
    }

    [Fact]
    public void Never_next_to_an_image_or_an_embed_nor_right_after_a_heading()
    {
        List<Block> blocks =
        [
            Paragraph(60), Paragraph(60), Paragraph(60),
            new ImageBlock(Guid.NewGuid()),   // 3: no slot after 2 (before image) nor after 3 (after image)
            new HeadingBlock("Next part"),    // 4: no slot after a heading
            Paragraph(60),                    // 5: slot after 5 is fine
            new EmbedBlock("https://example.com/post"), // 6
            .. Paragraphs(20),
        ];
        var slots = AdPlacement.Plan(blocks, Options(max: 1));
        Assert.Equal([7], slots);
        foreach (var slot in AdPlacement.Plan(blocks, Options(minWords: 0, max: 20, density: 0.3)))
        {
            Assert.IsNotType<ImageBlock>(blocks[slot]);
            Assert.IsNotType<ImageBlock>(blocks[slot + 1]);
            Assert.IsNotType<EmbedBlock>(blocks[slot]);
            Assert.IsNotType<EmbedBlock>(blocks[slot + 1]);
            Assert.IsNotType<HeadingBlock>(blocks[slot]);
        }
    }

    [Fact]
    public void Lists_and_quotes_are_never_split_and_no_slot_follows_the_last_block()
    {
        List<Block> blocks =
        [
            .. Paragraphs(3),
            new ListBlock([[new Inline(string.Join(' ', Enumerable.Repeat("item", 200)))], [new Inline("b")]]),
            new QuoteBlock([new Inline(string.Join(' ', Enumerable.Repeat("quote", 200)))]),
        ];
        var slots = AdPlacement.Plan(blocks, Options(minWords: 0, max: 10, density: 0.3));
        Assert.All(slots, s => Assert.InRange(s, 0, blocks.Count - 2));
    }

    [Fact]
    public void Short_articles_get_no_in_article_slot()
    {
        Assert.Empty(AdPlacement.Plan(Paragraphs(2), Options()));
        Assert.Empty(AdPlacement.Plan(Paragraphs(3), Options())); // the slot would follow the last block
    }

    [Fact]
    public void Ads_stay_under_30_percent_of_the_content_height()
    {
        // Many short paragraphs and no word minimum: the density cap is what stops the slots.
        var blocks = Paragraphs(40, words: 20);
        var slots = AdPlacement.Plan(blocks, Options(first: 1, minWords: 0, max: 20));
        Assert.InRange(slots.Count, 1, 19);
        Assert.True(AdPlacement.Density(blocks, slots.Count) < 0.30);
        Assert.True(AdPlacement.Density(blocks, slots.Count + 1) >= 0.30, "one more slot would pass the cap");
    }

    [Fact]
    public void A_lower_density_setting_allows_fewer_slots()
    {
        var blocks = Paragraphs(40, words: 20);
        var loose = AdPlacement.Plan(blocks, Options(first: 1, minWords: 0, max: 20));
        var strict = AdPlacement.Plan(blocks, Options(first: 1, minWords: 0, max: 20, density: 0.15));
        Assert.True(strict.Count < loose.Count);
        Assert.True(AdPlacement.Density(blocks, strict.Count) < 0.15);
    }

    [Fact]
    public void Disabled_ads_plan_nothing()
    {
        var options = Options();
        options.Enabled = false;
        Assert.Empty(AdPlacement.Plan(Paragraphs(30), options));
    }
}
