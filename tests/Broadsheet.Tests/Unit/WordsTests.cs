using System.Text.Encodings.Web;
using Broadsheet.Rendering;

namespace Broadsheet.Tests.Unit;

public class WordsTests
{
    private static string Html(Phrase phrase)
    {
        using var writer = new StringWriter();
        phrase.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    [Fact]
    public void Traditional_Chinese_is_complete()
    {
        var missing = Words.KeysOf(Words.Fallback).Except(Words.KeysOf("zh-Hant")).Order().ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void No_table_has_a_key_English_lacks()
    {
        foreach (var language in Words.Languages)
            Assert.Empty(Words.KeysOf(language).Except(Words.KeysOf(Words.Fallback)));
    }

    [Theory]
    [InlineData("zh-Hant", "zh-Hant")]
    [InlineData("zh-TW", "zh-Hant")]
    [InlineData("zh-Hant-HK", "zh-Hant")]
    [InlineData("ZH-hk", "zh-Hant")]
    [InlineData("en-GB", "en")]
    [InlineData("fr", "en")]
    [InlineData(null, "en")]
    [InlineData("", "en")]
    public void A_language_tag_finds_its_table(string? tag, string table) => Assert.Equal(table, Words.For(tag).Language);

    [Fact]
    public void Own_words_are_not_marked_and_are_encoded() =>
        Assert.Equal("&#x5EE3;&#x544A;", Html(Words.For("zh-Hant")["ad.label"]));

    [Fact]
    public void A_fallback_is_marked_with_its_language()
    {
        var html = Html(new Phrase("Listen <now>", "en"));
        Assert.Equal("<span lang=\"en\">Listen &lt;now&gt;</span>", html);
    }

    [Fact]
    public void Holes_are_filled() => Assert.Equal("Reading Time: 3 minutes", Words.For("en").Format("article.reading-time", "3 minutes").Text);

    [Fact]
    public void An_unknown_key_throws() => Assert.Throws<KeyNotFoundException>(() => Words.For("en")["no.such.key"]);

    [Fact]
    public void A_malformed_line_names_file_and_line()
    {
        var error = Assert.Throws<FormatException>(() => Words.Parse("# c\na = b\nbroken\n", "x.words"));
        Assert.StartsWith("x.words:3:", error.Message);
        var twice = Assert.Throws<FormatException>(() => Words.Parse("a = b\na = c", "x.words"));
        Assert.Contains("'a' appears twice", twice.Message);
    }

    [Fact]
    public void Dates_read_in_the_language_and_the_zone()
    {
        var at = new DateTimeOffset(2026, 12, 6, 6, 5, 0, TimeSpan.Zero);
        var hongKong = TimeZoneInfo.FindSystemTimeZoneById("Asia/Hong_Kong");
        Assert.Equal("6 December 2026, 14:05", Words.For("en").Time(at, hongKong).Text);
        Assert.Equal("2026年12月6日 14:05", Words.For("zh-Hant").Time(at, hongKong).Text);
        Assert.Equal("6 December 2026, 06:05 UTC", Words.For("en").Time(at, TimeZoneInfo.Utc).Text);
    }

    [Fact]
    public void Counts_pick_one_or_other()
    {
        Assert.Equal("1 minute", Words.For("en").Count("article.minutes", 1).Text);
        Assert.Equal("4 minutes", Words.For("en").Count("article.minutes", 4).Text);
        Assert.Equal("4 分鐘", Words.For("zh-Hant").Count("article.minutes", 4).Text);
    }

    [Fact]
    public void Markup_goes_in_the_hole_and_text_around_it_is_encoded()
    {
        var link = new Microsoft.AspNetCore.Html.HtmlString("<a href=\"/t\">Oceans</a>");
        using var writer = new StringWriter();
        Words.For("zh-Hant").Around("reading-on.more-on", link).WriteTo(writer, HtmlEncoder.Default);
        Assert.Equal("&#x66F4;&#x591A;&#x95DC;&#x65BC;<a href=\"/t\">Oceans</a>&#x7684;&#x5831;&#x5C0E;", writer.ToString());
    }

    [Theory]
    [InlineData("zh-Hant", "en", "en")]
    [InlineData("en", "en-GB", null)]
    [InlineData("zh-TW", "zh-Hant", null)]
    [InlineData("en", "zh-Hant", "zh-Hant")]
    [InlineData("fr", "en", "en")]
    public void Lang_is_marked_only_where_the_language_changes(string around, string language, string? expected) =>
        Assert.Equal(expected, Words.LangIfOther(around, language));
}
