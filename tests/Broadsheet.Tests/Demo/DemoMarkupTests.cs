using Broadsheet.Articles;
using Broadsheet.Data.Demo;

namespace Broadsheet.Tests.Demo;

public class DemoMarkupTests
{
    private static readonly Guid Chart = Guid.NewGuid();

    [Fact]
    public void Turns_each_kind_of_chunk_into_its_block()
    {
        var blocks = DemoMarkup.Parse("""
            First **bold** then _italic_ and a [link](/standards).

            ## A heading

            > Said plainly.
            — A. Person

            >> Pulled out.

            - one
            - two

            1. first
            2. second

            ---

            @image chart

            @embed https://example.org/x | A title | Provider
            """, key => key == "chart" ? Chart : throw new KeyNotFoundException(key));

        Assert.Collection(blocks,
            b => Assert.Equal(
                [new Inline("First "), new Inline("bold", Bold: true), new Inline(" then "), new Inline("italic", Italic: true), new Inline(" and a "), new Inline("link", Href: "/standards"), new Inline(".")],
                Assert.IsType<ParagraphBlock>(b).Content),
            b => Assert.Equal(new HeadingBlock("A heading"), b),
            b =>
            {
                var quote = Assert.IsType<QuoteBlock>(b);
                Assert.Equal(("Said plainly.", "A. Person", false), (PlainText.Of(quote.Content), quote.Attribution, quote.Pull));
            },
            b => Assert.True(Assert.IsType<QuoteBlock>(b).Pull),
            b => Assert.Equal(["one", "two"], Assert.IsType<ListBlock>(b).Items.Select(PlainText.Of)),
            b =>
            {
                var list = Assert.IsType<ListBlock>(b);
                Assert.True(list.Ordered);
                Assert.Equal(["first", "second"], list.Items.Select(PlainText.Of));
            },
            b => Assert.IsType<DividerBlock>(b),
            b => Assert.Equal(new ImageBlock(Chart), b),
            b => Assert.Equal(new EmbedBlock("https://example.org/x", "A title", "Provider"), b));
    }

    [Fact]
    public void Underscores_inside_words_and_numbers_starting_a_sentence_stay_text()
    {
        var blocks = DemoMarkup.Parse("31,400 runners started. snake_case stays.", _ => Guid.Empty);

        var paragraph = Assert.IsType<ParagraphBlock>(Assert.Single(blocks));
        Assert.Equal("31,400 runners started. snake_case stays.", PlainText.Of(paragraph.Content));
        Assert.DoesNotContain(paragraph.Content, r => r.Italic);
    }
}
