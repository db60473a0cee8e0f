using Broadsheet.Articles;

namespace Broadsheet.Tests.Unit;

public class SlugsTests
{
    [Theory]
    [InlineData("North Korea 'squandered' chance", "north-korea-squandered-chance")]
    [InlineData("Kim Jong-un’s talks", "kim-jong-uns-talks")]
    [InlineData("Café crème à Zürich", "cafe-creme-a-zurich")]
    [InlineData("  --Hello,   World!--  ", "hello-world")]
    [InlineData("US$2.5bn deal", "us-2-5bn-deal")]
    [InlineData("East Asia", "east-asia")]
    [InlineData("ＦＵＬＬ width", "full-width")]
    public void Slug_from_text(string text, string slug) => Assert.Equal(slug, Slugs.From(text));

    [Fact]
    public void Scripts_without_ascii_form_keep_their_letters()
    {
        Assert.Equal("北韓-talks", Slugs.From("北韓 talks"));
        Assert.Equal("북한", Slugs.From("북한"));
        Assert.Equal("がっこう", Slugs.From("がっこう"));
        Assert.Equal("हिन्दी-news", Slugs.From("हिन्दी News"));
        Assert.True(Slugs.From("북한 외교").IsNormalized(System.Text.NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("")]
    [InlineData("!!! ???")]
    [InlineData("'’")]
    public void Text_without_letters_gives_untitled(string text) => Assert.Equal("untitled", Slugs.From(text));

    [Fact]
    public void Long_text_is_cut_on_a_word_boundary()
    {
        var headline = string.Join(' ', Enumerable.Repeat("negotiations", 12));

        var slug = Slugs.From(headline);

        Assert.True(slug.Length <= Slugs.MaxLength);
        Assert.Equal(string.Join('-', Enumerable.Repeat("negotiations", slug.Split('-').Length)), slug);
        Assert.False(slug.EndsWith('-'));
    }

    [Fact]
    public void A_single_long_word_is_cut_at_the_limit()
    {
        var slug = Slugs.From(new string('a', 200), maxLength: 30);

        Assert.Equal(new string('a', 30), slug);
    }

    [Fact]
    public void A_slug_is_its_own_slug()
    {
        foreach (var text in new[] { "North Korea", "Café crème", "asia/east-asia", "US$2.5bn" })
        {
            var slug = Slugs.From(text);
            Assert.Equal(slug, Slugs.From(slug));
        }
    }
}
