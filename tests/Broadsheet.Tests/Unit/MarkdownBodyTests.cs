using Broadsheet.Articles;
using Broadsheet.Articles.BodyFormats;

namespace Broadsheet.Tests.Unit;

public class MarkdownBodyTests
{
    private static readonly Guid ImageId = Guid.Parse("3f2c8a41-5d1e-4b7a-9c60-2f8e1d0a7b55");

    [Fact]
    public void Paragraphs_keep_bold_italic_and_links()
    {
        var blocks = MarkdownBody.ToBlocks("Talks **stalled** in *Seoul*, see [the report](https://example.org/r).\n\nSecond paragraph.");

        Assert.Equal(2, blocks.Count);
        var first = Assert.IsType<ParagraphBlock>(blocks[0]);
        Assert.Equal(
            [
                new Inline("Talks "),
                new Inline("stalled", Bold: true),
                new Inline(" in "),
                new Inline("Seoul", Italic: true),
                new Inline(", see "),
                new Inline("the report", Href: "https://example.org/r"),
                new Inline("."),
            ],
            first.Content);
        Assert.Equal("Second paragraph.", PlainText.Of(Assert.IsType<ParagraphBlock>(blocks[1]).Content));
    }

    [Fact]
    public void Nested_marks_combine()
    {
        var blocks = MarkdownBody.ToBlocks("***both*** and **bold _and italic_ [link](/news/asia)**");

        var runs = Assert.IsType<ParagraphBlock>(Assert.Single(blocks)).Content;
        Assert.Equal(
            [
                new Inline("both", Bold: true, Italic: true),
                new Inline(" and "),
                new Inline("bold ", Bold: true),
                new Inline("and italic", Bold: true, Italic: true),
                new Inline(" ", Bold: true),
                new Inline("link", Bold: true, Href: "/news/asia"),
            ],
            runs);
    }

    [Fact]
    public void Inline_code_becomes_plain_text_and_soft_breaks_become_spaces()
    {
        var blocks = MarkdownBody.ToBlocks("Run `apikey create`\nnow.");

        Assert.Equal([new Inline("Run apikey create now.")], Assert.IsType<ParagraphBlock>(Assert.Single(blocks)).Content);
    }

    [Theory]
    [InlineData("# One", 2)]
    [InlineData("## Two", 2)]
    [InlineData("### Three", 3)]
    [InlineData("#### Four", 4)]
    [InlineData("##### Five", 4)]
    [InlineData("###### Six", 4)]
    public void Headings_land_in_levels_two_to_four(string markdown, int level)
    {
        var heading = Assert.IsType<HeadingBlock>(Assert.Single(MarkdownBody.ToBlocks(markdown)));

        Assert.Equal(level, heading.Level);
        Assert.Equal(markdown.TrimStart('#', ' '), heading.Text);
    }

    [Fact]
    public void Heading_text_drops_marks()
    {
        var heading = Assert.IsType<HeadingBlock>(Assert.Single(MarkdownBody.ToBlocks("## What *now* for `talks`?")));

        Assert.Equal("What now for talks?", heading.Text);
    }

    [Fact]
    public void Quote_with_a_trailing_dash_line_gets_an_attribution()
    {
        var blocks = MarkdownBody.ToBlocks("> The vision was a bold one.\n> \u2014 Stephen Biegun");

        var quote = Assert.IsType<QuoteBlock>(Assert.Single(blocks));
        Assert.Equal("The vision was a bold one.", PlainText.Of(quote.Content));
        Assert.Equal("Stephen Biegun", quote.Attribution);
    }

    [Fact]
    public void Quote_attribution_may_be_its_own_paragraph_and_use_two_hyphens()
    {
        var quote = Assert.IsType<QuoteBlock>(Assert.Single(MarkdownBody.ToBlocks("> First part.\n>\n> Second part.\n>\n> -- A. Source")));

        Assert.Equal("First part. Second part.", PlainText.Of(quote.Content));
        Assert.Equal("A. Source", quote.Attribution);
    }

    [Fact]
    public void A_quote_holding_only_a_quote_is_a_pull_quote_and_keeps_its_attribution()
    {
        var blocks = MarkdownBody.ToBlocks(">> If the hotline rings, that is a success.\n>> — Aiko Fujimura, delegate\n\n> An ordinary quote.\n>\n> > With a nested one.");

        Assert.Equal(2, blocks.Count);
        var pull = Assert.IsType<QuoteBlock>(blocks[0]);
        Assert.True(pull.Pull);
        Assert.Equal("If the hotline rings, that is a success.", PlainText.Of(pull.Content));
        Assert.Equal("Aiko Fujimura, delegate", pull.Attribution);
        var plain = Assert.IsType<QuoteBlock>(blocks[1]);
        Assert.False(plain.Pull);
        Assert.Equal("An ordinary quote. With a nested one.", PlainText.Of(plain.Content));
    }

    [Fact]
    public void Quote_without_dash_line_has_no_attribution()
    {
        var quote = Assert.IsType<QuoteBlock>(Assert.Single(MarkdownBody.ToBlocks("> Just words,\n> on two lines.")));

        Assert.Equal("Just words, on two lines.", PlainText.Of(quote.Content));
        Assert.Null(quote.Attribution);
    }

    [Fact]
    public void Lists_ordered_and_unordered_with_nested_items_flattened()
    {
        var blocks = MarkdownBody.ToBlocks("- one\n- two\n  - two a\n  - two b\n- three\n\n1. first\n2. **second**");

        Assert.Equal(2, blocks.Count);
        var bullets = Assert.IsType<ListBlock>(blocks[0]);
        Assert.False(bullets.Ordered);
        Assert.Equal(["one", "two", "two a", "two b", "three"], bullets.Items.Select(PlainText.Of));
        var numbered = Assert.IsType<ListBlock>(blocks[1]);
        Assert.True(numbered.Ordered);
        Assert.Equal([new Inline("second", Bold: true)], numbered.Items[1]);
    }

    [Fact]
    public void Thematic_break_is_a_divider()
    {
        var blocks = MarkdownBody.ToBlocks("Before\n\n---\n\nAfter");

        Assert.IsType<DividerBlock>(blocks[1]);
        Assert.Equal(3, blocks.Count);
    }

    [Fact]
    public void Library_images_become_image_blocks_and_others_are_dropped()
    {
        var blocks = MarkdownBody.ToBlocks(
            $"Intro.\n\n![Kim and Trump meet](/media/{ImageId}/800.webp \"The leaders in 2019\")\n\n![tracker](https://evil.example/pixel.gif)\n\nText ![x](/media/{ImageId}) inline.");

        Assert.Equal(
            [
                new ParagraphBlock([new Inline("Intro.")]),
                new ImageBlock(ImageId, Caption: "The leaders in 2019", Alt: "Kim and Trump meet"),
                new ParagraphBlock([new Inline("Text")]),
                new ImageBlock(ImageId, Alt: "x"),
                new ParagraphBlock([new Inline("inline.")]),
            ],
            blocks,
            new BlockComparer());
    }

    [Fact]
    public void Unsafe_links_keep_their_text_without_the_href()
    {
        var blocks = MarkdownBody.ToBlocks("[click](javascript:alert(1)) and [mail](mailto:desk@example.org) and <https://example.org/a>");

        Assert.Equal(
            [
                new Inline("click and "),
                new Inline("mail", Href: "mailto:desk@example.org"),
                new Inline(" and "),
                new Inline("https://example.org/a", Href: "https://example.org/a"),
            ],
            Assert.IsType<ParagraphBlock>(Assert.Single(blocks)).Content);
    }

    [Fact]
    public void Raw_html_blocks_go_through_the_html_converter()
    {
        var blocks = MarkdownBody.ToBlocks("Before.\n\n<div onclick=\"steal()\"><p>Inside <b>html</b></p><script>alert(1)</script></div>\n\nAfter.");

        Assert.Equal(["Before.", "Inside html", "After."], blocks.Select(b => PlainText.Of(Assert.IsType<ParagraphBlock>(b).Content)));
        Assert.Equal(new Inline("html", Bold: true), Assert.IsType<ParagraphBlock>(blocks[1]).Content[1]);
    }

    [Fact]
    public void Raw_inline_html_only_switches_marks_and_drops_script_text()
    {
        var blocks = MarkdownBody.ToBlocks("Say <b>loud</b> <script>alert(1)</script>and <em>soft</em>.");

        Assert.Equal(
            [new Inline("Say "), new Inline("loud", Bold: true), new Inline(" and "), new Inline("soft", Italic: true), new Inline(".")],
            Assert.IsType<ParagraphBlock>(Assert.Single(blocks)).Content);
    }

    [Fact]
    public void Code_blocks_become_plain_paragraphs()
    {
        var blocks = MarkdownBody.ToBlocks("```\nvar x = 1;\nvar y = 2;\n```");

        Assert.Equal("var x = 1; var y = 2;", PlainText.Of(Assert.IsType<ParagraphBlock>(Assert.Single(blocks)).Content));
    }

    [Fact]
    public void Empty_markdown_is_an_empty_body()
    {
        Assert.Empty(MarkdownBody.ToBlocks(""));
        Assert.Empty(MarkdownBody.ToBlocks("   \n\n  "));
    }
}

/// <summary>Records with list members compare by reference; compare blocks by their JSON instead.</summary>
internal sealed class BlockComparer : IEqualityComparer<Block>
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    public bool Equals(Block? x, Block? y) => Serialize(x) == Serialize(y);

    public int GetHashCode(Block obj) => Serialize(obj).GetHashCode(StringComparison.Ordinal);

    public static string Serialize(Block? block) => System.Text.Json.JsonSerializer.Serialize(block, Json);
}
