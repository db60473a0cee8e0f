using System.Text.RegularExpressions;

namespace Broadsheet.Speech.Tests;

public sealed partial class EspeakNgEngineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex UrlSafeId();

    [Fact]
    public void Offers_male_and_female_voices_for_english_and_chinese_voices()
    {
        var engine = Engines.Espeak;
        Assert.Equal(22050, engine.SampleRate);
        Assert.False(string.IsNullOrEmpty(engine.Version));

        var ids = engine.Voices.Select(v => v.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(engine.Voices, v =>
        {
            Assert.Matches(UrlSafeId(), v.Id);
            Assert.StartsWith("espeak-", v.Id, StringComparison.Ordinal);
            Assert.Equal(EspeakNgEngine.EngineName, v.Engine);
            Assert.Contains(v.Gender, new[] { "male", "female", "unknown" });
            Assert.DoesNotContain('_', v.DisplayName);
        });

        var gb = Engines.EspeakVoice("espeak-en-gb");
        Assert.Equal("en-GB", gb.Language);
        Assert.Equal("male", gb.Gender);
        Assert.Equal("English (Great Britain), male", gb.DisplayName);
        var gbFemale = Engines.EspeakVoice("espeak-en-gb-f");
        Assert.Equal("female", gbFemale.Gender);
        Assert.Equal("en-GB", gbFemale.Language);
        Assert.Equal("en-US", Engines.EspeakVoice("espeak-en-us").Language);
        Assert.Equal("female", Engines.EspeakVoice("espeak-en-us-f").Gender);
        Assert.Equal("yue", Engines.EspeakVoice("espeak-yue").Language);
        Assert.Equal("cmn", Engines.EspeakVoice("espeak-cmn").Language);
        Assert.True(engine.Voices.Count(v => v.Language == "fr-FR") >= 2);
        Assert.Empty(engine.Problems);
    }

    [Fact]
    public void Word_marks_index_a_plain_english_sentence()
    {
        const string text = "The quick brown fox jumps over the lazy dog.";
        var result = Engines.Espeak.Synthesize(text, Engines.EspeakVoice("espeak-en-gb"), Ct);

        Audio.AssertPlausibleSpeech(result, 9);
        Audio.AssertWellFormedMarks(result, text);
        Assert.Equal(["The", "quick", "brown", "fox", "jumps", "over", "the", "lazy", "dog"], Audio.WordTexts(result, text));
        var sentence = Assert.Single(result.Sentences);
        Assert.Equal(text, sentence.TextOf(text));

        // Words start where eSpeak says and each ends where the next begins (or at the end of the sentence/audio).
        var words = result.Words.ToList();
        Assert.Equal(0, words[0].StartMs);
        for (var i = 0; i + 1 < words.Count; i++)
        {
            Assert.True(words[i].EndMs <= words[i + 1].StartMs);
            Assert.True(words[i].EndMs > words[i].StartMs);
        }

        Assert.True(words[^1].EndMs > result.DurationMs - 400, "last word should run to about the end of the audio");
    }

    [Fact]
    public void Word_marks_stay_correct_after_non_ascii_characters()
    {
        const string text = "Café owners in Zürich said the prices rose.";
        var result = Engines.Espeak.Synthesize(text, Engines.EspeakVoice("espeak-en-us"), Ct);

        Audio.AssertPlausibleSpeech(result, 8);
        Audio.AssertWellFormedMarks(result, text);
        Assert.Equal(["Café", "owners", "in", "Zürich", "said", "the", "prices", "rose"], Audio.WordTexts(result, text));
    }

    [Fact]
    public void Word_marks_use_utf16_indices_after_characters_outside_the_bmp()
    {
        // 😀 and 𠀀 (U+20000, a CJK Extension B ideograph) are one code point but two UTF-16 units each.
        const string text = "Shares 😀 rose in 𠀀 Zürich and Geneva today.";
        var result = Engines.Espeak.Synthesize(text, Engines.EspeakVoice("espeak-en-gb"), Ct);

        Audio.AssertWellFormedMarks(result, text);
        var words = Audio.WordTexts(result, text);
        Assert.Equal("Shares", words[0]);
        Assert.Equal(["rose", "in"], words.SkipWhile(w => w != "rose").Take(2));
        Assert.Equal(["Zürich", "and", "Geneva", "today"], words[^4..]);
    }

    [Fact]
    public void Mandarin_marks_index_each_character()
    {
        const string text = "今天天气很好。我们去公园吧。";
        var result = Engines.Espeak.Synthesize(text, Engines.EspeakVoice("espeak-cmn"), Ct);

        Audio.AssertPlausibleSpeech(result, 6);
        Audio.AssertWellFormedMarks(result, text);
        var expected = text.Where(c => c is not '。').Select(c => c.ToString()).ToArray();
        Assert.Equal(expected, Audio.WordTexts(result, text));
        Assert.Equal(["今天天气很好。", "我们去公园吧。"], result.Sentences.Select(s => s.TextOf(text)));
    }

    [Fact]
    public void Mandarin_marks_index_correctly_after_a_supplementary_ideograph_and_latin_words()
    {
        const string text = "我在𠀀北京说 hello 了。";
        var result = Engines.Espeak.Synthesize(text, Engines.EspeakVoice("espeak-cmn"), Ct);

        Audio.AssertWellFormedMarks(result, text);
        var words = Audio.WordTexts(result, text);
        Assert.Equal(["我", "在", "𠀀", "北", "京", "说", "hello", "了"], words);
    }

    [Fact]
    public void Cantonese_voice_speaks_traditional_chinese()
    {
        const string text = "今日天氣好好。";
        var result = Engines.Espeak.Synthesize(text, Engines.EspeakVoice("espeak-yue"), Ct);

        Audio.AssertPlausibleSpeech(result, 3);
        Assert.Equal(["今", "日", "天", "氣", "好", "好"], Audio.WordTexts(result, text));
    }

    [Fact]
    public void Sentence_marks_cover_each_sentence_and_numbers_map_to_their_source_token()
    {
        const string text = "Prices rose 25.5% in 2023, the U.S. agency said. Mr Smith disagreed!";
        var result = Engines.Espeak.Synthesize(text, Engines.EspeakVoice("espeak-en-gb"), Ct);

        Audio.AssertWellFormedMarks(result, text);
        Assert.Equal(["Prices rose 25.5% in 2023, the U.S. agency said.", "Mr Smith disagreed!"], result.Sentences.Select(s => s.TextOf(text)));
        var words = Audio.WordTexts(result, text);
        Assert.Contains("25.5%", words);
        Assert.Contains("2023", words);
        Assert.Contains("U.S", words);
        Assert.Equal(["Mr", "Smith", "disagreed"], words[^3..]);
        // The expanded number "two thousand and twenty-three" is one mark that lasts a while.
        var year = result.Words.Single(w => w.TextOf(text) == "2023");
        Assert.True(year.EndMs - year.StartMs > 500, $"2023 lasted only {year.EndMs - year.StartMs} ms");
    }

    [Fact]
    public void Every_word_of_a_news_paragraph_is_covered_including_word_pairs_espeak_speaks_as_one()
    {
        const string text = "Work will begin on the northern line before the end of the year. Staff had been waiting for years; " +
            "the union's spokesperson said it was \"long overdue\" — and 73% agreed.";
        var result = Engines.Espeak.Synthesize(text, Engines.EspeakVoice("espeak-en-gb"), Ct);

        Audio.AssertWellFormedMarks(result, text);
        Audio.AssertEveryWordCovered(result, text);
        var words = Audio.WordTexts(result, text);
        // eSpeak reads "on the" and "of the" as single dictionary entries: one mark covers both words.
        Assert.Contains("on the", words);
        Assert.Contains("northern", words);
        Assert.Contains("union's", words);
        Assert.Contains("73%", words);
        Assert.Contains("agreed", words);
    }

    [Fact]
    public void Curly_quotes_and_brackets_are_not_part_of_word_marks()
    {
        const string text = "He called it “nonsense” (really), and ‘odd’ — up 5%.";
        var result = Engines.Espeak.Synthesize(text, Engines.EspeakVoice("espeak-en-us"), Ct);
        Audio.AssertWellFormedMarks(result, text);
        Audio.AssertEveryWordCovered(result, text);
        var words = Audio.WordTexts(result, text);
        Assert.Contains("nonsense", words);
        Assert.Contains("really", words);
        Assert.Contains("odd", words);
        Assert.Equal("5%", words[^1]);
    }

    [Fact]
    public void Female_variant_differs_from_the_male_voice()
    {
        const string text = "Good morning.";
        var male = Engines.Espeak.Synthesize(text, Engines.EspeakVoice("espeak-en-gb"), Ct);
        var female = Engines.Espeak.Synthesize(text, Engines.EspeakVoice("espeak-en-gb-f"), Ct);
        Assert.False(male.Samples.AsSpan().SequenceEqual(female.Samples));
        Audio.AssertPlausibleSpeech(female, 2);
    }

    [Fact]
    public void Parallel_calls_give_the_same_results_as_sequential_calls()
    {
        // eSpeak NG is not bit-for-bit repeatable even sequentially within one process (its pitch-flutter phase, gain
        // control and breath noise are static state that carries over between messages), so "the same" means: identical
        // mark text ranges, the same length and mark times to within tens of milliseconds (sequential repeats measured up
        // to ±44 ms), and the same loudness envelope.
        // Unserialised access to the global synthesiser would mix voices and buffers and fail all three.
        string[] voices = ["espeak-en-gb", "espeak-en-us-f", "espeak-cmn", "espeak-en-gb-f", "espeak-yue", "espeak-fr-fr"];
        string[] texts =
        [
            "The council met on Tuesday to discuss the budget.",
            "Café owners in Zürich said prices rose.",
            "今天天气很好。",
            "Rain is expected across the north by evening.",
            "今日天氣好好。",
            "Le gouvernement a annoncé de nouvelles mesures.",
        ];
        var jobs = Enumerable.Range(0, 24).Select(i => (Voice: Engines.EspeakVoice(voices[i % voices.Length]), Text: texts[i % texts.Length])).ToArray();

        var sequential = jobs.Take(voices.Length).Select(j => Engines.Espeak.Synthesize(j.Text, j.Voice, Ct)).ToArray();
        var parallel = new SpeechResult[jobs.Length];
        Parallel.For(0, jobs.Length, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Ct }, i =>
            parallel[i] = Engines.Espeak.Synthesize(jobs[i].Text, jobs[i].Voice, Ct));

        for (var i = 0; i < jobs.Length; i++)
        {
            var expected = sequential[i % voices.Length];
            var actual = parallel[i];
            var job = $"job {i} ({jobs[i].Voice.Id})";
            Assert.Equal(expected.SampleRate, actual.SampleRate);
            Assert.Equal(
                expected.Marks.Select(m => (m.Kind, m.TextStart, m.TextLength)),
                actual.Marks.Select(m => (m.Kind, m.TextStart, m.TextLength)));
            Assert.True(Math.Abs(expected.Samples.Length - actual.Samples.Length) <= expected.Samples.Length / 50, $"{job}: {actual.Samples.Length} samples, expected ~{expected.Samples.Length}");
            foreach (var (e, a) in expected.Marks.Zip(actual.Marks))
            {
                Assert.True(Math.Abs(e.StartMs - a.StartMs) <= 80 && Math.Abs(e.EndMs - a.EndMs) <= 80, $"{job}: mark {a} vs {e}");
            }

            var correlation = Audio.EnvelopeCorrelation(expected.Samples, actual.Samples, expected.SampleRate / 100);
            Assert.True(correlation > 0.9, $"{job}: loudness envelope correlation {correlation:F3}");
        }

        // The check discriminates: the same text in another voice does not pass it.
        var other = Engines.Espeak.Synthesize(texts[0], Engines.EspeakVoice("espeak-en-us-f"), Ct);
        Assert.True(
            Math.Abs(other.Samples.Length - sequential[0].Samples.Length) > sequential[0].Samples.Length / 50
            || Audio.EnvelopeCorrelation(sequential[0].Samples, other.Samples, 220) < 0.9);
    }

    [Fact]
    public void Cancellation_stops_synthesis()
    {
        var voice = Engines.EspeakVoice("espeak-en-gb");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Engines.Espeak.Synthesize("Hello.", voice, cancelled.Token));

        var longText = string.Join(' ', Enumerable.Repeat("This sentence is repeated to make a long text.", 400));
        using var soon = new CancellationTokenSource(TimeSpan.FromMilliseconds(30));
        var started = DateTime.UtcNow;
        Assert.ThrowsAny<OperationCanceledException>(() => Engines.Espeak.Synthesize(longText, voice, soon.Token));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(3), "cancellation should stop synthesis early");

        // The engine is still usable afterwards.
        Audio.AssertPlausibleSpeech(Engines.Espeak.Synthesize("Still working.", voice, Ct), 2);
    }

    [Fact]
    public void Empty_text_gives_no_marks()
    {
        var result = Engines.Espeak.Synthesize("", Engines.EspeakVoice("espeak-en-gb"), Ct);
        Assert.Empty(result.Marks);
        Assert.Equal(22050, result.SampleRate);
    }

    [Fact]
    public void Rejects_voices_of_other_engines()
    {
        var foreign = new Voice("flite-slt", FliteEngine.EngineName, "en-US", "Slt", "female");
        Assert.Throws<ArgumentException>(() => Engines.Espeak.Synthesize("Hi.", foreign, Ct));
    }

    [Fact]
    public void A_missing_library_makes_the_engine_unavailable_without_throwing()
    {
        var engine = new EspeakNgEngine(["libespeak-ng-does-not-exist.so.9"]);
        Assert.False(engine.IsAvailable);
        Assert.Contains("libespeak-ng-does-not-exist.so.9", engine.UnavailableReason, StringComparison.Ordinal);
        Assert.Empty(engine.Voices);
        Assert.NotEmpty(engine.Problems);
        Assert.Throws<InvalidOperationException>(() => engine.Synthesize("Hi.", new Voice("espeak-en-gb", "espeak-ng", "en-GB", "x", "male"), Ct));
    }

    [Theory]
    [InlineData("en-gb", "en-GB")]
    [InlineData("en-gb-x-rp", "en-GB-x-rp")]
    [InlineData("cmn-latn-pinyin", "cmn-Latn-pinyin")]
    [InlineData("en-029", "en-029")]
    [InlineData("yue", "yue")]
    [InlineData("en-us-nyc", "en-US-nyc")]
    public void Language_codes_are_normalised_to_bcp47_case(string espeak, string bcp47) =>
        Assert.Equal(bcp47, EspeakNgEngine.ToBcp47(espeak));
}
