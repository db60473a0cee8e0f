using Broadsheet.Articles;
using Broadsheet.Listen;
using Broadsheet.Speech;

namespace Broadsheet.Tests.Listen;

public sealed class AudioAssemblyTests
{
    private static short[] Tone(int samples, short level = 8000) => [.. Enumerable.Range(0, samples).Select(i => (short)(i % 2 == 0 ? level : -level))];

    [Fact]
    public void Parts_are_joined_with_their_pauses_and_marks_move_by_the_samples_before_them()
    {
        // 1000 Hz sample rate: one sample per millisecond keeps the arithmetic visible.
        var a = new SpeechResult(Tone(300), 1000, [new SpeechMark(SpeechMarkKind.Word, 0, 3, 10, 120), new SpeechMark(SpeechMarkKind.Word, 4, 2, 150, 290)]);
        var b = new SpeechResult(Tone(200), 1000, [new SpeechMark(SpeechMarkKind.Word, 0, 5, 0, 190)]);
        var speech = SpeechAssembly.Concatenate([(a, 500), (b, 0)]);

        Assert.Equal(300 + 500 + 200, speech.Samples.Length);
        Assert.Equal(1000, speech.DurationMs);
        Assert.All(speech.Samples.AsSpan(300, 500).ToArray(), s => Assert.Equal(0, s));
        Assert.Equal(
            [(0, 10, 120), (0, 150, 290), (1, 800, 990)],
            speech.Marks.Select(m => (m.Part, m.Mark.StartMs, m.Mark.EndMs)));
        Assert.Equal((0, 5), (speech.Marks[2].Mark.TextStart, speech.Marks[2].Mark.TextLength));
    }

    [Fact]
    public void Pieces_handed_out_while_assembling_add_up_to_the_recording()
    {
        var silent = new SpeechResult([], 0, []); // an engine that said nothing for one part: its pause still counts
        var a = new SpeechResult(Tone(100).Concat(new short[400]).ToArray(), 1000, [new SpeechMark(SpeechMarkKind.Word, 0, 3, 0, 480)]);
        var b = new SpeechResult(Tone(200), 1000, [new SpeechMark(SpeechMarkKind.Word, 0, 5, 0, 190)]);
        var assembler = new SpeechAssembler();

        Assert.Empty(assembler.Add(silent, 250));
        Assert.Equal(0, assembler.SampleRate);
        var first = assembler.Add(a, 300);
        Assert.Equal([250, 100 + SpeechAssembly.KeptTailMs + 300], first.Select(p => p.Length));
        var second = Assert.Single(assembler.Add(b, 0));
        var speech = assembler.Build();

        Assert.Equal(first.Append(second).SelectMany(p => p), speech.Samples);
        Assert.Equal(SpeechAssembly.Concatenate([(silent, 250), (a, 300), (b, 0)]), speech, new AssembledSpeechComparer());
        Assert.Equal([1, 2], speech.Marks.Select(m => m.Part));
        Assert.Equal(250, speech.Marks[0].Mark.StartMs);
    }

    private sealed class AssembledSpeechComparer : IEqualityComparer<AssembledSpeech>
    {
        public bool Equals(AssembledSpeech? x, AssembledSpeech? y) =>
            x is not null && y is not null && x.SampleRate == y.SampleRate && x.Samples.SequenceEqual(y.Samples) && x.Marks.SequenceEqual(y.Marks);

        public int GetHashCode(AssembledSpeech obj) => obj.Samples.Length;
    }

    [Fact]
    public void An_engines_trailing_silence_is_trimmed_so_the_scripts_pause_is_the_pause_heard()
    {
        var samples = Tone(100).Concat(new short[400]).ToArray();
        var a = new SpeechResult(samples, 1000, [new SpeechMark(SpeechMarkKind.Word, 0, 3, 0, 480)]);
        var b = new SpeechResult(Tone(100), 1000, [new SpeechMark(SpeechMarkKind.Word, 0, 3, 0, 100)]);
        var speech = SpeechAssembly.Concatenate([(a, 300), (b, 0)]);

        var kept = 100 + SpeechAssembly.KeptTailMs;
        Assert.Equal(kept + 300 + 100, speech.Samples.Length);
        Assert.Equal(kept, speech.Marks[0].Mark.EndMs); // clamped to what is kept
        Assert.Equal(kept + 300, speech.Marks[1].Mark.StartMs);
    }

    [Fact]
    public void Offsets_are_computed_from_sample_counts_so_rounding_never_accumulates()
    {
        // 22050 Hz: 1001 samples is 45.397 ms; after 40 parts a per-part rounding would drift by ~16 ms.
        var parts = Enumerable.Range(0, 40).Select(_ => (new SpeechResult(Tone(1001), 22050, [new SpeechMark(SpeechMarkKind.Word, 0, 1, 0, 10)]), 0)).ToList();
        var speech = SpeechAssembly.Concatenate(parts);
        var last = speech.Marks[^1].Mark.StartMs;
        Assert.Equal((int)Math.Round(39 * 1001 * 1000.0 / 22050), last);
    }

    [Fact]
    public void Parts_with_different_sample_rates_are_refused()
    {
        var a = new SpeechResult(Tone(10), 16000, []);
        var b = new SpeechResult(Tone(10), 22050, []);
        Assert.Throws<InvalidOperationException>(() => SpeechAssembly.Concatenate([(a, 0), (b, 0)]));
    }

    [Fact]
    public void Real_espeak_speech_of_a_script_maps_every_word_to_its_page_text()
    {
        var script = AudioScript.Build(
            "Council backs £12m ferry plan",
            ["Vote passed on Tuesday"],
            [new ParagraphBlock([new Inline("Dr. Smith said the "), new Inline("ferry", Bold: true), new Inline(" will carry 300 people.")]), new ListBlock([[new Inline("Tenders open in March.")], [new Inline("Work starts in May.")]])],
            "en");
        var catalog = VoiceCatalog.CreateDefault();
        var voice = catalog.Find("espeak-en-gb")!;
        var speech = SpeechAssembly.Synthesize(script, (text, ct) => catalog.Synthesize(text, voice, ct), TestContext.Current.CancellationToken);
        var timings = AudioTimings.Build(script, speech);

        Assert.Equal(["h", "s0", "b0.0", "b1.0", "b1.1"], timings.Places);
        var words = timings.Words.Select(w => timings.Texts[w.Place][w.Start..w.End]).ToList();
        Assert.All(words, w => Assert.Matches(@"^[\p{L}\p{N}£][\p{L}\p{N}£ .]*$", w));
        // Key words in reading order (the engine may read short pairs such as "in the" as one word).
        var at = 0;
        foreach (var expected in new[] { "Council", "£12m", "ferry", "Tuesday", "Smith", "ferry", "300", "people", "Tenders", "March", "Work", "May" })
        {
            var found = words.FindIndex(at, w => w.Split(' ').Contains(expected));
            Assert.True(found >= 0, $"'{expected}' not read after word {at}: {string.Join(" | ", words)}");
            at = found + 1;
        }
        Assert.True(timings.Words.Zip(timings.Words.Skip(1)).All(p => p.First.StartMs <= p.Second.StartMs));
        Assert.True(timings.Words[^1].EndMs <= speech.DurationMs);
        // The summary starts after the headline's pause.
        var headlineEnd = timings.Words.Where(w => w.Place == 0).Max(w => w.EndMs);
        Assert.True(timings.Words.First(w => w.Place == 1).StartMs - headlineEnd >= ScriptPauses.AfterHeadline);
        Assert.Equal(5, timings.Sentences.Select(s => s.Place).Distinct().Count());
    }
}
