namespace Broadsheet.Speech.Tests;

public sealed class VoiceCatalogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Lists_every_available_voice_and_reports_no_problems_when_everything_is_installed()
    {
        var catalog = Engines.Catalog;
        Assert.Empty(catalog.Problems);
        Assert.Equal(Engines.Espeak.Voices.Count + Engines.Flite.Voices.Count, catalog.Voices.Count);
        Assert.Equal(catalog.Voices.Count, catalog.Voices.Select(v => v.Id).Distinct().Count());
    }

    [Fact]
    public void An_english_article_gets_all_english_voices_best_match_first()
    {
        var catalog = Engines.Catalog;
        var gb = catalog.VoicesFor("en-GB");
        var english = catalog.Voices.Where(v => v.Language.StartsWith("en", StringComparison.Ordinal)).ToList();

        Assert.Equal(english.Count, gb.Count);
        Assert.All(gb, v => Assert.StartsWith("en", v.Language, StringComparison.Ordinal));
        Assert.Equal(["espeak-en-gb", "espeak-en-gb-f"], gb.Take(2).Select(v => v.Id));
        Assert.Contains(gb, v => v.Id == "flite-awb");
        // Regional variants of en-GB come before other English regions.
        Assert.True(IndexOf(gb, "flite-awb") < IndexOf(gb, "flite-slt"));
        Assert.True(IndexOf(gb, "espeak-en-gb-x-rp") < IndexOf(gb, "espeak-en-us"));

        var us = catalog.VoicesFor("en-US");
        Assert.Equal(["espeak-en-us", "espeak-en-us-f", "flite-slt", "flite-rms", "flite-kal"], us.Take(5).Select(v => v.Id));
        Assert.True(IndexOf(us, "flite-kal") < IndexOf(us, "espeak-en-gb"));
    }

    [Theory]
    [InlineData("en-GB", "espeak-en-gb")]
    [InlineData("en_gb", "espeak-en-gb")]
    [InlineData("en", "espeak-en-gb")]
    [InlineData("en-US", "espeak-en-us")]
    [InlineData("en-AU", "espeak-en-gb")]
    [InlineData("yue", "espeak-yue")]
    [InlineData("zh-HK", "espeak-yue")]
    [InlineData("cmn", "espeak-cmn")]
    [InlineData("zh", "espeak-cmn")]
    [InlineData("zh-Hans-CN", "espeak-cmn")]
    [InlineData("fr", "espeak-fr-fr")]
    [InlineData("fr-CA", "espeak-fr-fr")]
    [InlineData("de-DE", "espeak-de")]
    public void Default_voice_per_language_prefers_espeak(string language, string expected) =>
        Assert.Equal(expected, Engines.Catalog.DefaultFor(language)?.Id);

    [Theory]
    [InlineData("tlh")]
    [InlineData("")]
    [InlineData("   ")]
    public void Unknown_languages_have_no_voice(string language)
    {
        Assert.Null(Engines.Catalog.DefaultFor(language));
        Assert.Empty(Engines.Catalog.VoicesFor(language));
    }

    [Fact]
    public void Finds_voices_by_id_and_synthesises_through_the_owning_engine()
    {
        var catalog = Engines.Catalog;
        var slt = catalog.Find("flite-slt");
        Assert.NotNull(slt);
        Assert.Same(slt, catalog.Find("FLITE-SLT"));
        Assert.Null(catalog.Find("flite-nobody"));
        Assert.Same(Engines.Flite, catalog.EngineFor(slt));
        Assert.Same(Engines.Espeak, catalog.EngineFor(catalog.Find("espeak-yue")!));

        var result = catalog.Synthesize("Hello there.", slt, Ct);
        Audio.AssertPlausibleSpeech(result, 2);
        Assert.Throws<ArgumentException>(() => catalog.EngineFor(new Voice("x-y", "x", "en", "X", "male")));
    }

    [Fact]
    public void Reports_missing_engines_and_keeps_the_others()
    {
        var missing = new EspeakNgEngine(["libespeak-ng-missing.so.3"]);
        var catalog = new VoiceCatalog([missing, Engines.Flite]);

        var problem = Assert.Single(catalog.Problems);
        Assert.Contains("libespeak-ng-missing.so.3", problem, StringComparison.Ordinal);
        Assert.All(catalog.Voices, v => Assert.Equal(FliteEngine.EngineName, v.Engine));
        Assert.Equal("flite-awb", catalog.DefaultFor("en-GB")?.Id);
        Assert.Null(catalog.DefaultFor("yue"));
    }

    [Fact]
    public void Duplicate_voice_ids_are_reported()
    {
        var catalog = new VoiceCatalog([Engines.Flite, new FliteEngine()]);
        Assert.Equal(4, catalog.Voices.Count);
        Assert.Equal(4, catalog.Problems.Count);
        Assert.All(catalog.Problems, p => Assert.Contains("already used", p, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en-GB", "en-GB", 100)]
    [InlineData("en-GB-scotland", "en-GB", 79)]
    [InlineData("en-GB", "en", 79)]
    [InlineData("en", "en-GB", 59)]
    [InlineData("en-US", "en-GB", 39)]
    [InlineData("fr-FR", "en-GB", 0)]
    [InlineData("yue", "zh-HK", 100)]
    [InlineData("cmn", "zh-HK", 10)]
    [InlineData("cmn", "zh-TW", 100)]
    public void Language_match_scores(string voiceLanguage, string requested, int score) =>
        Assert.Equal(score, VoiceCatalog.MatchScore(voiceLanguage, requested));

    private static int IndexOf(IReadOnlyList<Voice> voices, string id)
    {
        for (var i = 0; i < voices.Count; i++)
        {
            if (voices[i].Id == id)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"{id} not in list");
    }
}
