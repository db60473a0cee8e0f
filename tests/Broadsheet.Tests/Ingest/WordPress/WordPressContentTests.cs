using Broadsheet.Articles;
using Broadsheet.Articles.BodyFormats;
using Broadsheet.Ingest.WordPress;

namespace Broadsheet.Tests.Ingest.WordPress;

public class WordPressContentTests
{
    [Fact]
    public void Blank_lines_are_paragraphs_and_single_breaks_stay_inside_them()
    {
        var blocks = HtmlBody.ToBlocks(WordPressContent.ToHtml("First line\nsame paragraph.\r\n\r\nSecond paragraph.\n\n<h3>Heading</h3>\n\nThird."));

        Assert.Equal(["First line same paragraph.", "Second paragraph.", "Heading", "Third."], PlainText.Segments(blocks).Select(s => s.Text));
        Assert.IsType<HeadingBlock>(blocks[2]);
    }

    [Fact]
    public void Shortcodes_are_handled_or_stripped_and_bracketed_prose_stays()
    {
        var html = WordPressContent.ToHtml(
            "[caption id=\"attachment_9\" width=\"300\"]<a href=\"/x\"><img src=\"/media/0b7e2c1e-3f7a-4a57-9f0e-6a0d4b1c2d3e\" alt=\"Boat\" /></a> A boat.[/caption]\n\n"
            + "[gallery ids=\"1,2\"]\n\n[video src=\"a.mp4\"][/video]\n\n[highlight]Kept text[/highlight] and [sic] and [1].\n\nhttps://video.example/v/1");
        var blocks = HtmlBody.ToBlocks(html);

        var image = Assert.IsType<ImageBlock>(blocks[0]);
        Assert.Equal("A boat.", image.Caption);
        Assert.Equal("Kept text and [sic] and [1].", PlainText.Of(((ParagraphBlock)blocks[1]).Content));
        Assert.Equal("https://video.example/v/1", Assert.IsType<EmbedBlock>(blocks[2]).Url);
        Assert.Equal(3, blocks.Count);
    }

    [Fact]
    public void An_excerpt_becomes_plain_summary_points_within_the_limits()
    {
        var points = WordPressContent.Summary("<p>One &amp; <em>two</em>.</p>\n\n" + string.Join(" ", Enumerable.Repeat("word", 200)) + "\n\nthree\n\nfour\n\nfive\n\nsix");

        Assert.Equal("One & two.", points[0]);
        Assert.True(points[1].Length <= ArticleWriter.MaxSummaryPoint);
        Assert.EndsWith("…", points[1], StringComparison.Ordinal);
        Assert.Equal(ArticleWriter.MaxSummaryPoints, points.Count);
    }
}
