using Broadsheet.Listen;

namespace Broadsheet.Tests.Listen;

public class TextNormalisersTests
{
    [Theory]
    [InlineData("en", "en")]
    [InlineData("en-GB", "en")]
    [InlineData("EN-us", "en")]
    [InlineData("en_GB", "en")]
    [InlineData("fr-FR", "und")]
    [InlineData("zh-Hant-HK", "und")]
    [InlineData("", "und")]
    public void Chooses_by_primary_subtag(string language, string chosen) =>
        Assert.Equal(chosen, TextNormalisers.Default.For(language).Language);

    [Fact]
    public void Uses_a_normaliser_added_for_another_language()
    {
        var normalisers = new TextNormalisers([new EnglishNormaliser(), new UpperCaseNormaliser()]);

        var script = Broadsheet.Listen.AudioScript.Build("Bonjour", [], [], "fr-CA", normalisers);

        Assert.Equal("BONJOUR", script.Parts[0].Spoken);
        Assert.Equal("Bonjour", script.Parts[0].Locate(2).Range.Of("Bonjour"));
    }

    [Fact]
    public void Passes_other_languages_through_unchanged()
    {
        var text = new PassThroughNormaliser().Normalise("Le 12 mars, M. Dupont  a payé 5 €.");

        Assert.Equal(text.Source, text.Spoken);
        Assert.Equal(new TextRange(3, 5), text.Map.ToOriginal(new TextRange(3, 5)));
    }

    // A stand-in language rule: says the whole text in capitals, mapped as one span.
    private sealed class UpperCaseNormaliser : ITextNormaliser
    {
        public string Language => "fr";

        public NormalisedText Normalise(string text)
        {
            var spoken = new SpokenTextBuilder(text);
            spoken.Say(text.ToUpperInvariant(), 0, text.Length);
            return spoken.Build();
        }
    }
}
