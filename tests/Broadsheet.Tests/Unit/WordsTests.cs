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
}
