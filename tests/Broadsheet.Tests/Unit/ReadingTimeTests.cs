using Broadsheet.Articles;

namespace Broadsheet.Tests.Unit;

public class ReadingTimeTests
{
    private static List<Block> Body(params string[] paragraphs) =>
        [.. paragraphs.Select(p => (Block)new ParagraphBlock([new Inline(p)]))];

    private static string Words(int count, string word = "word") => string.Join(' ', Enumerable.Repeat(word, count));

    [Fact]
    public void A_283_word_English_body_with_one_image_reads_in_2_minutes()
    {
        // 283 words at 238/min is 71.3 s, plus 12 s for the image: 83.3 s, rounded up to 2 minutes.
        var body = Body(Words(100), Words(100), Words(83));
        Assert.Equal(2, ReadingTime.Estimate(body, "en", images: 1));
    }

    [Fact]
    public void The_same_body_counted_through_an_article_includes_the_hero_image()
    {
        var article = new Article { Slug = "s", Headline = "h", Body = Body(Words(283)), HeroImageId = Guid.NewGuid(), Language = "en-GB" };
        Assert.Equal(2, ReadingTime.Estimate(article));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(238, 1)] // exactly 60 s: one minute, no float rounding up
    [InlineData(239, 2)]
    [InlineData(476, 2)]
    [InlineData(477, 3)]
    public void Rounds_up_to_whole_minutes_and_never_below_one(int words, int minutes)
    {
        Assert.Equal(minutes, ReadingTime.Estimate(Body(Words(Math.Max(words, 0))), "en", images: 0));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 12)]
    [InlineData(2, 23)]
    [InlineData(3, 33)]
    [InlineData(10, 75)] // 12+11+...+3
    [InlineData(12, 81)] // then 3 s each
    public void Images_add_12_seconds_then_one_less_each_never_under_3(int images, int seconds)
    {
        Assert.Equal(seconds, ReadingTime.ImageSeconds(images));
    }

    [Fact]
    public void Images_alone_can_push_past_a_minute_boundary()
    {
        // 214 words = 53.9 s: 1 minute; one image (12 s) makes 65.9 s: 2 minutes.
        Assert.Equal(1, ReadingTime.Estimate(Body(Words(214)), "en", images: 0));
        Assert.Equal(2, ReadingTime.Estimate(Body(Words(214)), "en", images: 1));
    }

    [Fact]
    public void Chinese_counts_characters_at_its_own_rate()
    {
        // 255 characters a minute (IReST). Punctuation and spaces are not read as characters.
        var text = string.Concat(Enumerable.Repeat("朝鲜半岛局势，", 51)); // 51 * 6 = 306 characters
        Assert.Equal(306, ReadingTime.CountCharacters(text));
        Assert.Equal(2, ReadingTime.Estimate(Body(text), "zh-Hans", images: 0));
        Assert.Equal(1, ReadingTime.Estimate(Body(text[..(42 * 7)]), "zh", images: 0)); // 252 characters
    }

    [Fact]
    public void Japanese_reads_faster_in_characters_than_Chinese()
    {
        var text = new string('語', 300);
        Assert.Equal(1, ReadingTime.Estimate(Body(text), "ja", images: 0)); // 357/min
        Assert.Equal(2, ReadingTime.Estimate(Body(text), "zh", images: 0)); // 255/min
    }

    [Fact]
    public void Other_languages_use_their_own_word_rate()
    {
        // 200 words: under a minute in English (238/min), over a minute in German (179/min).
        Assert.Equal(1, ReadingTime.Estimate(Body(Words(200)), "en", images: 0));
        Assert.Equal(2, ReadingTime.Estimate(Body(Words(200)), "de-DE", images: 0));
        // An unlisted language reads at the English rate.
        Assert.Equal(1, ReadingTime.Estimate(Body(Words(200)), "xx", images: 0));
    }

    [Fact]
    public void Counts_lists_quotes_and_headings_but_not_lone_punctuation()
    {
        List<Block> body =
        [
            new HeadingBlock("two words"),
            new QuoteBlock([new Inline("three more "), new Inline("words", Bold: true)]),
            new ListBlock([[new Inline("one")], [new Inline("two — words")]]),
            new DividerBlock(),
        ];
        Assert.Equal(8, PlainText.Segments(body).Sum(s => ReadingTime.CountWords(s.Text)));
        Assert.Equal(8, ReadingTime.CountWords(body));
    }

    [Fact]
    public void Counts_runs_in_place_as_the_joined_text_counts_them()
    {
        // A word split across runs ("re" + bold "mark" + "able") is one word; spaces at a run's edge end one; a dash
        // alone in its run is none; list items never join.
        List<Block> body =
        [
            new ParagraphBlock([new Inline("a re"), new Inline("mark", Bold: true), new Inline("able thing ")]),
            new ParagraphBlock([new Inline("ends "), new Inline("—"), new Inline(" here"), new Inline("")]),
            new QuoteBlock([new Inline("said"), new Inline(" so", Italic: true)], Attribution: "Not counted"),
            new ListBlock([[new Inline("one"), new Inline("two")], [new Inline("three")]]),
            new HeadingBlock("  "),
            new ImageBlock(Guid.NewGuid()),
        ];
        var joined = PlainText.Segments(body).Sum(s => ReadingTime.CountWords(s.Text));
        Assert.Equal(9, joined);
        Assert.Equal(joined, ReadingTime.CountWords(body));
        Assert.Equal(body.Sum(b => PlainText.Segments([b]).Sum(s => ReadingTime.CountWords(s.Text))), body.Sum(b => ReadingTime.CountWords(b)));
        Assert.Equal(PlainText.Of(((ParagraphBlock)body[0]).Content).Length, PlainText.Length(((ParagraphBlock)body[0]).Content));
    }

    [Theory]
    [InlineData(1, "1 minute")]
    [InlineData(2, "2 minutes")]
    public void Formats_singular_and_plural(int minutes, string text)
    {
        Assert.Equal(text, ReadingTime.Format(minutes));
    }
}
