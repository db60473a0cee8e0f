using Broadsheet.Articles;
using Broadsheet.Articles.BodyFormats;
using Broadsheet.Data;

namespace Broadsheet.Tests.Unit;

public class LinksTests
{
    [Theory]
    [InlineData("https://example.org/a?b=c", "https://example.org/a?b=c")]
    [InlineData(" http://example.org ", "http://example.org")]
    [InlineData("mailto:desk@example.org", "mailto:desk@example.org")]
    [InlineData("/news/asia/article/1/x", "/news/asia/article/1/x")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("JAVASCRIPT:alert(1)", null)]
    [InlineData("java\tscript:alert(1)", null)]
    [InlineData("vbscript:x", null)]
    [InlineData("data:text/html,<script>", null)]
    [InlineData("//evil.example/x", null)]
    [InlineData("/\\evil.example", null)]
    [InlineData("relative/path", null)]
    [InlineData("ftp://example.org", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Safe_hrefs(string? href, string? expected) => Assert.Equal(expected, Links.SafeHref(href));

    [Theory]
    [InlineData("/media/3f2c8a41-5d1e-4b7a-9c60-2f8e1d0a7b55", true)]
    [InlineData("/media/3f2c8a41-5d1e-4b7a-9c60-2f8e1d0a7b55/800.webp", true)]
    [InlineData("/media/3f2c8a415d1e4b7a9c602f8e1d0a7b55/800.webp", true)]
    [InlineData("https://cdn.example/media/3f2c8a41-5d1e-4b7a-9c60-2f8e1d0a7b55", false)]
    [InlineData("/media/not-a-guid/800.webp", false)]
    [InlineData("/images/3f2c8a41-5d1e-4b7a-9c60-2f8e1d0a7b55", false)]
    public void Media_references(string url, bool isOurs)
    {
        Assert.Equal(isOurs, Links.TryParseMediaReference(url, out var id));
        Assert.Equal(isOurs ? Guid.Parse("3f2c8a41-5d1e-4b7a-9c60-2f8e1d0a7b55") : Guid.Empty, id);
    }
}

public class BodyInputTests
{
    [Fact]
    public void Exactly_one_format_is_required()
    {
        var errors = new ValidationErrors();

        Assert.Null(new BodyInput().ToBlocks("body", errors));
        Assert.Null(new BodyInput(Markdown: "a", Html: "<p>b</p>").ToBlocks("body", errors));

        Assert.Equal(["body"], errors.ToDictionary().Keys);
        Assert.Equal(2, errors.ToDictionary()["body"].Length);
    }

    [Fact]
    public void Typed_blocks_are_checked_with_json_paths()
    {
        var errors = new ValidationErrors();
        Block?[] blocks =
        [
            new ParagraphBlock([new Inline("ok"), new Inline("bad link", Href: "javascript:alert(1)")]),
            new HeadingBlock("", 7),
            null,
            new ListBlock([]),
            new EmbedBlock("ftp://example.org/x"),
            new ImageBlock(Guid.Empty),
            new ParagraphBlock([]),
            new DividerBlock(),
        ];

        Assert.Null(new BodyInput(Blocks: blocks).ToBlocks("body", errors));

        Assert.Equal(
            [
                "body.blocks[0].content[1].href",
                "body.blocks[1].level",
                "body.blocks[1].text",
                "body.blocks[2]",
                "body.blocks[3].items",
                "body.blocks[4].url",
                "body.blocks[5].imageId",
                "body.blocks[6].content",
            ],
            errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Valid_blocks_pass_through_unchanged()
    {
        var errors = new ValidationErrors();
        Block[] blocks = [new ParagraphBlock([new Inline("Hi", Href: "/about")]), new QuoteBlock([new Inline("Q")], "A", Pull: true)];

        var result = new BodyInput(Blocks: blocks).ToBlocks("body", errors);

        Assert.True(errors.IsEmpty);
        Assert.Equal(blocks, result);
    }

    [Fact]
    public void Markdown_is_converted()
    {
        var errors = new ValidationErrors();

        var result = new BodyInput(Markdown: "Hello *world*").ToBlocks("body", errors);

        Assert.True(errors.IsEmpty);
        Assert.Equal([new Inline("Hello "), new Inline("world", Italic: true)], Assert.IsType<ParagraphBlock>(Assert.Single(result!)).Content);
    }
}

public class LanguageTagsTests
{
    [Theory]
    [InlineData("en", "en")]
    [InlineData("EN-gb", "en-GB")]
    [InlineData("zh-hant-hk", "zh-Hant-HK")]
    [InlineData("yue", "yue")]
    [InlineData("es-419", "es-419")]
    [InlineData("de-CH-1996", "de-CH-1996")]
    [InlineData(" fr ", "fr")]
    [InlineData("qq", null)]
    [InlineData("english", null)]
    [InlineData("en_GB", null)]
    [InlineData("en-", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Tags_are_checked_and_normalised(string? tag, string? expected) => Assert.Equal(expected, LanguageTags.Normalize(tag));
}
