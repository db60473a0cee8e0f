namespace Broadsheet.Speech.Tests;

public sealed class FliteEngineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> VoiceIds => new(["flite-slt", "flite-awb", "flite-rms", "flite-kal"]);

    [Fact]
    public void Offers_the_four_english_voices()
    {
        var engine = Engines.Flite;
        Assert.Empty(engine.Problems);
        Assert.Equal(["flite-slt", "flite-awb", "flite-rms", "flite-kal"], engine.Voices.Select(v => v.Id));
        Assert.Equal("Slt, US English, female", Engines.FliteVoice("flite-slt").DisplayName);
        Assert.Equal("Awb, Scottish English, male", Engines.FliteVoice("flite-awb").DisplayName);
        Assert.Equal("Rms, US English, male", Engines.FliteVoice("flite-rms").DisplayName);
        Assert.Equal("Kal, US English, male", Engines.FliteVoice("flite-kal").DisplayName);
        Assert.Equal("en-US", Engines.FliteVoice("flite-slt").Language);
        Assert.Equal("en-GB-scotland", Engines.FliteVoice("flite-awb").Language);
        Assert.All(engine.Voices, v => Assert.Equal(FliteEngine.EngineName, v.Engine));
    }

    [Theory]
    [MemberData(nameof(VoiceIds))]
    public void Each_voice_speaks_with_word_timings(string voiceId)
    {
        const string text = "The quick brown fox jumps over the lazy dog.";
        var result = Engines.Flite.Synthesize(text, Engines.FliteVoice(voiceId), Ct);

        Audio.AssertPlausibleSpeech(result, 9);
        Audio.AssertWellFormedMarks(result, text);
        Assert.Equal(["The", "quick", "brown", "fox", "jumps", "over", "the", "lazy", "dog"], Audio.WordTexts(result, text));
        Assert.All(result.Words, w => Assert.True(w.EndMs - w.StartMs >= 40, $"{w} is too short to be a spoken word"));
        var sentence = Assert.Single(result.Sentences);
        Assert.Equal(text, sentence.TextOf(text));
    }

    [Fact]
    public void Word_marks_stay_correct_after_non_ascii_characters()
    {
        const string text = "Café owners in Zürich said the prices rose.";
        var result = Engines.Flite.Synthesize(text, Engines.FliteVoice("flite-slt"), Ct);

        Audio.AssertPlausibleSpeech(result, 8);
        Audio.AssertWellFormedMarks(result, text);
        Assert.Equal(["Café", "owners", "in", "Zürich", "said", "the", "prices", "rose"], Audio.WordTexts(result, text));
    }

    [Fact]
    public void Numbers_and_abbreviations_are_attributed_to_their_source_token()
    {
        const string text = "Prices rose 25% in 2023, said Dr. Smith. Nobody agreed!";
        var result = Engines.Flite.Synthesize(text, Engines.FliteVoice("flite-rms"), Ct);

        Audio.AssertWellFormedMarks(result, text);
        Assert.Equal(["Prices", "rose", "25%", "in", "2023", "said", "Dr", "Smith", "Nobody", "agreed"], Audio.WordTexts(result, text));
        var year = result.Words.Single(w => w.TextOf(text) == "2023");
        Assert.True(year.EndMs - year.StartMs > 600, $"\"twenty twenty three\" should take a while, took {year.EndMs - year.StartMs} ms");
        Assert.Equal(["Prices rose 25% in 2023, said Dr. Smith.", "Nobody agreed!"], result.Sentences.Select(s => s.TextOf(text)));
        var sentences = result.Sentences.ToList();
        Assert.True(sentences[1].StartMs >= sentences[0].EndMs);
    }

    [Fact]
    public void Every_word_of_a_news_paragraph_is_covered()
    {
        const string text = "Work will begin on the northern line before the end of the year. Staff had been waiting for years; " +
            "the union's spokesperson said it was \"long overdue\" — and 73% agreed.";
        var result = Engines.Flite.Synthesize(text, Engines.FliteVoice("flite-kal"), Ct);

        Audio.AssertWellFormedMarks(result, text);
        Audio.AssertEveryWordCovered(result, text);
        Assert.Equal(2, result.Sentences.Count());
    }

    [Fact]
    public void Curly_quotes_and_brackets_are_not_part_of_word_marks()
    {
        const string text = "He called it “nonsense” (really), and ‘odd’ — up 5%.";
        var result = Engines.Flite.Synthesize(text, Engines.FliteVoice("flite-kal"), Ct);
        Assert.Equal(["He", "called", "it", "nonsense", "really", "and", "odd", "up", "5%"], Audio.WordTexts(result, text));
    }

    [Fact]
    public void Word_times_follow_the_audio()
    {
        // Silence at the start (flite's leading pause) and energy inside the first word.
        const string text = "Welcome back.";
        var result = Engines.Flite.Synthesize(text, Engines.FliteVoice("flite-slt"), Ct);
        var first = result.Words.First();
        Assert.True(first.StartMs > 0, "flite starts each utterance with a short pause");
        var rate = result.SampleRate;
        var lead = Audio.Rms(result.Samples.AsSpan(0, first.StartMs * rate / 1000));
        var word = Audio.Rms(result.Samples.AsSpan(first.StartMs * rate / 1000, (first.EndMs - first.StartMs) * rate / 1000));
        Assert.True(word > 5 * Math.Max(lead, 1), $"word RMS {word:F0} vs leading pause {lead:F0}");
    }

    [Fact]
    public void Parallel_calls_match_sequential_calls()
    {
        // Timing is deterministic for every voice. The diphone voice (kal) is bit-exact; the clustergen voices (slt, awb,
        // rms) add random excitation noise (libc rand()), so their samples are compared by loudness envelope instead.
        string[] texts = ["Good evening.", "The markets closed higher on Friday.", "Café owners in Zürich said prices rose."];
        var voices = Engines.Flite.Voices;
        var jobs = Enumerable.Range(0, 12).Select(i => (Voice: voices[i % voices.Count], Text: texts[i % texts.Length])).ToArray();
        var sequential = jobs.Select(j => Engines.Flite.Synthesize(j.Text, j.Voice, Ct)).ToArray();
        var parallel = new SpeechResult[jobs.Length];
        Parallel.For(0, jobs.Length, new ParallelOptions { MaxDegreeOfParallelism = 6, CancellationToken = Ct }, i =>
            parallel[i] = Engines.Flite.Synthesize(jobs[i].Text, jobs[i].Voice, Ct));

        for (var i = 0; i < jobs.Length; i++)
        {
            Assert.Equal(sequential[i].Samples.Length, parallel[i].Samples.Length);
            Assert.Equal(sequential[i].Marks, parallel[i].Marks);
            if (jobs[i].Voice.Id == "flite-kal")
            {
                Assert.True(sequential[i].Samples.AsSpan().SequenceEqual(parallel[i].Samples), $"job {i} differs");
            }
            else
            {
                var correlation = Audio.EnvelopeCorrelation(sequential[i].Samples, parallel[i].Samples, sequential[i].SampleRate / 100);
                Assert.True(correlation > 0.95, $"job {i} ({jobs[i].Voice.Id}): envelope correlation {correlation:F3}");
            }
        }
    }

    [Fact]
    public void A_missing_library_makes_the_engine_unavailable_without_throwing()
    {
        var engine = new FliteEngine(["libflite-does-not-exist.so.7"]);
        Assert.False(engine.IsAvailable);
        Assert.Contains("libflite-does-not-exist.so.7", engine.UnavailableReason, StringComparison.Ordinal);
        Assert.Empty(engine.Voices);
        Assert.Equal(engine.UnavailableReason, Assert.Single(engine.Problems));
    }

    [Fact]
    public void Tokens_that_flite_rewrote_fall_back_to_the_next_chunk_of_text()
    {
        const string text = "Hello “wörld” 42";
        var tokens = new List<FliteEngine.FliteToken>
        {
            new("Hello", [new("hello", 0.1f, 0.4f)]),
            new("w?rld", [new("w", 0.4f, 0.5f), new("rld", 0.5f, 0.8f)]),
            new("42", [new("forty", 0.8f, 1.0f), new("two", 1.0f, 1.2f)]),
        };
        var words = FliteEngine.AlignTokens(text, tokens);
        Assert.Equal(["Hello", "wörld", "42"], words.Select(w => text.Substring(w.Start, w.Length)));
        Assert.Equal(0.4f, words[1].StartS);
        Assert.Equal(0.8f, words[1].EndS);
        Assert.Equal(1.2f, words[2].EndS);
    }

    [Fact]
    public void Short_tokens_are_not_matched_inside_longer_words()
    {
        // If flite dropped the token for "Canada", "a" must still map to the word "a", not to a letter inside "Canada".
        const string text = "Canada a day";
        var tokens = new List<FliteEngine.FliteToken>
        {
            new("a", [new("a", 0.1f, 0.2f)]),
            new("day", [new("day", 0.2f, 0.5f)]),
        };
        var words = FliteEngine.AlignTokens(text, tokens);
        Assert.Equal([7, 9], words.Select(w => w.Start));
    }
}
