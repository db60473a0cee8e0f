using System.Text.Encodings.Web;
using Broadsheet.Articles;
using Broadsheet.Reader;
using Broadsheet.Rendering;
using Microsoft.Extensions.Primitives;

namespace Broadsheet.Tests.Reader;

public class ReaderUnitTests
{
    [Theory]
    [InlineData("https://example.com/a", InlineMarkup.LinkKind.External)]
    [InlineData("HTTP://example.com", InlineMarkup.LinkKind.External)]
    [InlineData("//example.com/x", InlineMarkup.LinkKind.External)]
    [InlineData("/news/world", InlineMarkup.LinkKind.Plain)]
    [InlineData("../relative?x=1:2", InlineMarkup.LinkKind.Plain)]
    [InlineData("#section", InlineMarkup.LinkKind.Plain)]
    [InlineData("mailto:desk@example.com", InlineMarkup.LinkKind.Plain)]
    [InlineData("javascript:alert(1)", InlineMarkup.LinkKind.None)]
    [InlineData("  JavaScript:alert(1)", InlineMarkup.LinkKind.None)]
    [InlineData("java\nscript:alert(1)", InlineMarkup.LinkKind.None)]
    [InlineData("data:text/html,<script>", InlineMarkup.LinkKind.None)]
    [InlineData("vbscript:x", InlineMarkup.LinkKind.None)]
    [InlineData("/\\evil.example", InlineMarkup.LinkKind.None)]
    [InlineData("", InlineMarkup.LinkKind.None)]
    public void Only_http_mailto_and_relative_links_survive(string href, InlineMarkup.LinkKind kind)
    {
        Assert.Equal(kind, InlineMarkup.LinkKindOf(href));
    }

    [Fact]
    public void Inline_runs_are_encoded_and_marked()
    {
        var markup = new InlineMarkup(
        [
            new Inline("<b>not bold</b> & "),
            new Inline("bold", Bold: true),
            new Inline(" "),
            new Inline("both", Bold: true, Italic: true, Href: "https://example.com/?a=1&b=\"2\""),
            new Inline(" "),
            new Inline("dropped link", Href: "javascript:void(0)"),
        ]);
        using var writer = new StringWriter();
        markup.WriteTo(writer, HtmlEncoder.Default);
        Assert.Equal(
            "&lt;b&gt;not bold&lt;/b&gt; &amp; <strong>bold</strong> <a href=\"https://example.com/?a=1&amp;b=&quot;2&quot;\" rel=\"noopener\"><strong><em>both</em></strong></a> dropped link",
            writer.ToString());
    }

    [Theory]
    [InlineData(null, "identity")]
    [InlineData("", "identity")]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip, deflate", "gzip")]
    [InlineData("br;q=0.5, gzip;q=0.9", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("gzip;q=0", "identity")]
    [InlineData("*", "br")]
    [InlineData("*;q=0.1, br;q=0", "gzip")]
    [InlineData("identity", "identity")]
    [InlineData("deflate", "identity")]
    [InlineData(" GZIP ", "gzip")]
    public void Accept_encoding_collapses_to_the_coding_the_response_will_use(string? header, string expected)
    {
        var value = header is null ? StringValues.Empty : new StringValues(header);
        Assert.Equal(expected, AcceptEncodingNormalizer.Normalize(value).ToString());
    }

    [Fact]
    public void Minified_css_keeps_what_matters()
    {
        var css = """
            /* comment */
            a:hover ,  .x > .y   {  color : red ;  margin: 0 auto; }
            .a :focus-visible { outline: 1px solid }
            """;
        Assert.Equal("a:hover,.x>.y{color :red;margin:0 auto}.a :focus-visible{outline:1px solid}", InlineStyle.Minify(css));
    }
}
