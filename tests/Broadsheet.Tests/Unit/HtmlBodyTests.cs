using System.Text.Json;
using Broadsheet.Articles;
using Broadsheet.Articles.BodyFormats;
using Broadsheet.Data;

namespace Broadsheet.Tests.Unit;

public class HtmlBodyTests
{
    private static readonly Guid ImageId = Guid.Parse("9b1d7e02-64c3-4f0a-8e2b-5a6c7d8e9f10");

    [Fact]
    public void Paragraphs_headings_lists_and_dividers()
    {
        var blocks = HtmlBody.ToBlocks("""
            <h1>Top</h1><p>One <strong>two</strong> <em>three</em></p>
            <h3>Sub</h3><h6>Deep</h6>
            <ul><li>a</li><li>b<ul><li>b1</li></ul></li></ul><ol><li>first</li></ol><hr>
            """);

        Assert.Equal(
            [
                new HeadingBlock("Top", 2),
                new ParagraphBlock([new Inline("One "), new Inline("two", Bold: true), new Inline(" "), new Inline("three", Italic: true)]),
                new HeadingBlock("Sub", 3),
                new HeadingBlock("Deep", 4),
                new ListBlock([[new Inline("a")], [new Inline("b")], [new Inline("b1")]]),
                new ListBlock([[new Inline("first")]], Ordered: true),
                new DividerBlock(),
            ],
            blocks,
            new BlockComparer());
    }

    [Fact]
    public void A_sources_section_is_the_story_s_citations_and_any_other_section_is_read_as_text()
    {
        var blocks = HtmlBody.ToBlocks("""
            <p>Before.</p>
            <section class="sources"><h2>Sources</h2><ul>
              <li><a href=" https://example.com/report.pdf ">Port   report</a> <span class="note">table 3</span></li>
              <li><a href="https://example.com/log">Storm log</a> — entries for Monday</li>
              <li>A source with no link is not one readers can check</li>
            </ul></section>
            <section><h2>More</h2><p>After.</p></section>
            """);

        Assert.Equal(4, blocks.Count);
        var sources = Assert.IsType<SourcesBlock>(blocks[1]);
        Assert.Equal(
            [new SourceEntry("Port report", "https://example.com/report.pdf", "table 3"), new SourceEntry("Storm log", "https://example.com/log", "entries for Monday")],
            sources.Items);
        Assert.Equal(new HeadingBlock("More", 2), blocks[2]);
        Assert.IsType<ParagraphBlock>(blocks[3]);
    }

    [Fact]
    public void Whitespace_is_normalised()
    {
        var blocks = HtmlBody.ToBlocks("<p>\n   Lots   of\t\tspace <b> here </b>\n</p>");

        Assert.Equal([new Inline("Lots of space "), new Inline("here", Bold: true)], Assert.IsType<ParagraphBlock>(Assert.Single(blocks)).Content);
    }

    [Fact]
    public void Nested_inline_marks_combine()
    {
        var blocks = HtmlBody.ToBlocks("<p><b>bold <i>both <a href=\"https://example.org\">linked</a></i></b> plain</p>");

        Assert.Equal(
            [
                new Inline("bold ", Bold: true),
                new Inline("both ", Bold: true, Italic: true),
                new Inline("linked", Bold: true, Italic: true, Href: "https://example.org"),
                new Inline(" plain"),
            ],
            Assert.IsType<ParagraphBlock>(Assert.Single(blocks)).Content);
    }

    [Fact]
    public void Script_style_and_template_are_removed_with_their_content()
    {
        var blocks = HtmlBody.ToBlocks("<script>alert('head')</script><p>Safe<script>alert(1)</script> text</p><style>p{color:red}</style><template><p>hidden</p></template>");

        Assert.Equal("Safe text", PlainText.Of(Assert.IsType<ParagraphBlock>(Assert.Single(blocks)).Content));
    }

    [Fact]
    public void Event_handlers_and_javascript_links_are_dropped_but_text_is_kept()
    {
        var blocks = HtmlBody.ToBlocks("""
            <p onclick="steal()">Click <a href="javascript:alert(1)" onmouseover="x()">here</a> or <a href=" JaVaScRiPt:alert(2)">there</a>
            or <a href="//evil.example/">elsewhere</a> or <a href="data:text/html,hi">data</a>.</p>
            <img src="x" onerror="alert(3)"><img src="https://tracker.example/p.gif">
            """);

        var paragraph = Assert.IsType<ParagraphBlock>(Assert.Single(blocks));
        Assert.Equal([new Inline("Click here or there or elsewhere or data.")], paragraph.Content);
    }

    [Fact]
    public void Unknown_elements_are_unwrapped_keeping_their_text()
    {
        var blocks = HtmlBody.ToBlocks("<div class=\"x\"><span style=\"color:red\">Red</span> <u>under</u><font>old</font></div><section><p>In section</p>Loose text</section>");

        Assert.Equal(["Red underold", "In section", "Loose text"], blocks.Select(b => PlainText.Of(Assert.IsType<ParagraphBlock>(b).Content)));
    }

    [Fact]
    public void Blockquote_with_cite_or_trailing_dash_line_gets_attribution()
    {
        var blocks = HtmlBody.ToBlocks("""
            <blockquote><p>Much opportunity was squandered.</p><footer>&mdash; The envoy</footer></blockquote>
            <blockquote><p>Bold vision.</p><p>&mdash; Biegun</p></blockquote>
            <figure><blockquote><p>In a figure.</p></blockquote><figcaption>Someone</figcaption></figure>
            <blockquote>No source.</blockquote>
            """);

        var quotes = blocks.Select(b => Assert.IsType<QuoteBlock>(b)).ToList();
        Assert.Equal(["Much opportunity was squandered.", "Bold vision.", "In a figure.", "No source."], quotes.Select(q => PlainText.Of(q.Content)));
        Assert.Equal(["The envoy", "Biegun", "Someone", null], quotes.Select(q => q.Attribution));
    }

    [Fact]
    public void Library_images_by_data_attribute_or_media_path_become_image_blocks()
    {
        var blocks = HtmlBody.ToBlocks($"""
            <figure><img data-image-id="{ImageId}" alt=" The  meeting "><figcaption>Leaders meet in 2019.</figcaption></figure>
            <p>Before <img src="/media/{ImageId}/640.jpg"> after</p>
            <figure><img src="https://other.example/a.jpg"><figcaption>Not ours</figcaption></figure>
            """);

        Assert.Equal(
            [
                new ImageBlock(ImageId, Caption: "Leaders meet in 2019.", Alt: "The meeting"),
                new ParagraphBlock([new Inline("Before")]),
                new ImageBlock(ImageId),
                new ParagraphBlock([new Inline("after")]),
            ],
            blocks,
            new BlockComparer());
    }

    [Fact]
    public void Iframes_become_link_embeds_only_for_web_urls()
    {
        var blocks = HtmlBody.ToBlocks("""
            <iframe src="https://www.youtube.com/embed/abc" title="Interview"></iframe>
            <iframe src="javascript:alert(1)"></iframe><iframe srcdoc="<script>alert(1)</script>"></iframe>
            """);

        Assert.Equal([new EmbedBlock("https://www.youtube.com/embed/abc", "Interview", "youtube.com")], blocks, new BlockComparer());
    }

    [Fact]
    public void Line_breaks_become_spaces()
    {
        var blocks = HtmlBody.ToBlocks("<p>one<br>two<br/>three</p>");

        Assert.Equal("one two three", PlainText.Of(Assert.IsType<ParagraphBlock>(Assert.Single(blocks)).Content));
    }

    [Theory]
    [InlineData("<p>x</p><script>document.cookie</script><img src=x onerror=alert(1)>")]
    [InlineData("<svg><script>alert(1)</script><text>svg text</text></svg><p>after</p>")]
    [InlineData("<a href=\"java&#x09;script:alert(1)\">tab</a><a href=\"&#106;avascript:alert(1)\">entity</a>")]
    [InlineData("<iframe src=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\"></iframe><object data=\"x.swf\">fallback</object>")]
    [InlineData("<p style=\"background:url(javascript:alert(1))\">styled</p><meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">")]
    [InlineData("<math><mi xlink:href=\"javascript:alert(1)\">m</mi></math><form action=\"javascript:alert(1)\"><button>b</button></form>")]
    public void Nothing_raw_survives_hostile_html(string html)
    {
        var blocks = HtmlBody.ToBlocks(html);

        // Rendering only the block model means only these strings reach a page, always HTML-encoded and never as markup.
        var json = JsonSerializer.Serialize<List<Block>>(blocks, JsonSerializerOptions.Web);
        Assert.DoesNotContain("alert", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("script", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("document.cookie", json, StringComparison.Ordinal);
        var errors = new ValidationErrors();
        Assert.True(BodyRules.Validate(blocks, "body", errors));
        foreach (var href in blocks.OfType<ParagraphBlock>().SelectMany(p => p.Content).Select(r => r.Href).OfType<string>())
        {
            Assert.Equal(href, Links.SafeHref(href));
        }
    }

    [Fact]
    public void Markdown_and_html_of_the_same_text_agree()
    {
        var fromMarkdown = MarkdownBody.ToBlocks("## Title\n\nA **b** *i* [l](https://example.org)\n\n- x\n- y\n\n---");
        var fromHtml = HtmlBody.ToBlocks("<h2>Title</h2><p>A <b>b</b> <i>i</i> <a href=\"https://example.org\">l</a></p><ul><li>x</li><li>y</li></ul><hr>");

        Assert.Equal(fromMarkdown, fromHtml, new BlockComparer());
    }

    [Fact]
    public void An_embed_names_its_provider_from_data_provider_or_else_its_host()
    {
        var blocks = HtmlBody.ToBlocks("""
            <iframe src="https://example.org/mangrove" title="Survival by plot" data-provider="Coastal Cooperative Network"></iframe>
            <iframe src="https://www.example.com/v" title="Video"></iframe>
            """);

        Assert.Equal(
            [new EmbedBlock("https://example.org/mangrove", "Survival by plot", "Coastal Cooperative Network"), new EmbedBlock("https://www.example.com/v", "Video", "example.com")],
            blocks.Cast<EmbedBlock>());
    }
}
