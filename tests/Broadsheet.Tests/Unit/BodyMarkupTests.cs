using System.Text.Encodings.Web;
using Broadsheet.Ads;
using Broadsheet.Articles;
using Broadsheet.Media;
using Broadsheet.Rendering;

namespace Broadsheet.Tests.Unit;

/// <summary>The body's writer (<see cref="BodyMarkup"/>) on the blocks and slots the article page, standards pages and preview share.</summary>
public class BodyMarkupTests
{
    private static string Write(BodyView body, string? language = null, string? chromeLang = null)
    {
        using var writer = new StringWriter();
        BodyMarkup.Write(writer, HtmlEncoder.Default, body, language, Words.For(language), chromeLang);
        return writer.ToString();
    }

    private static BodyView Body(params Block[] blocks) =>
        new(blocks, new Dictionary<Guid, Image>(), new Dictionary<int, AdSlotView>());

    [Fact]
    public void Blocks_without_anything_to_show_write_nothing_and_keep_their_places()
    {
        var html = Write(Body(
            new ImageBlock(Guid.NewGuid()),
            new EmbedBlock("javascript:alert(1)"),
            new DividerBlock(),
            new EmbedBlock("https://example.com/clip", "A clip")));

        Assert.Equal(
            "<hr>\n<a class=\"embed\" href=\"https://example.com/clip\" rel=\"noopener nofollow\">\n"
            + "<strong data-listen-place=\"b3.0e\">A clip</strong>\n<span>example.com</span>\n</a>\n",
            html);
    }

    [Fact]
    public void Sources_are_headed_in_the_given_language_and_encoded()
    {
        var html = Write(Body(new DividerBlock(), new SourcesBlock([new SourceEntry("A <report>", "https://example.com/r?a=1&b=2", "page 4")])), "zh-Hant");

        Assert.StartsWith("<hr>\n<section class=\"sources\" aria-labelledby=\"sources-1\">\n<h2 id=\"sources-1\">", html);
        Assert.DoesNotContain(">Sources<", html);
        Assert.Contains("<li><a href=\"https://example.com/r?a=1&amp;b=2\" rel=\"noopener nofollow\">A &lt;report&gt;</a>: page 4</li>\n", html);
    }

    [Fact]
    public void An_unfilled_slot_shows_the_promo_in_the_publications_language()
    {
        var slot = new AdSlotView(AdSlotFormat.Rectangle, null, new HousePromo("Today", "The top stories.", "/"));
        var body = new BodyView([new DividerBlock()], new Dictionary<Guid, Image>(), new Dictionary<int, AdSlotView> { [0] = slot });

        Assert.Equal(
            "<hr>\n<div class=\"ad ad-rectangle\">\n<p class=\"ad-label\">Advertisement</p>\n<div class=\"ad-box\">\n"
            + "<a class=\"promo\" lang=\"en\" href=\"/\"><strong>Today</strong><span>The top stories.</span></a>\n</div>\n</div>\n",
            Write(body, chromeLang: "en"));
        Assert.Contains("<a class=\"promo\" href=\"/\">", Write(body));
    }
}
