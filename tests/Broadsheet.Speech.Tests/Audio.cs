namespace Broadsheet.Speech.Tests;

/// <summary>Measurements and shared helpers for the tests.</summary>
internal static class Audio
{
    public static double Rms(ReadOnlySpan<short> samples)
    {
        if (samples.Length == 0)
        {
            return 0;
        }

        double sum = 0;
        foreach (var s in samples)
        {
            sum += (double)s * s;
        }

        return Math.Sqrt(sum / samples.Length);
    }

    /// <summary>Nearest-sample rate conversion, good enough for comparing loudness envelopes.</summary>
    public static short[] Decimate(short[] samples, int fromRate, int toRate)
    {
        var n = (int)((long)samples.Length * toRate / fromRate);
        var result = new short[n];
        for (var i = 0; i < n; i++)
        {
            result[i] = samples[(int)((long)i * fromRate / toRate)];
        }

        return result;
    }

    /// <summary>Pearson correlation of the RMS envelopes (windows of <paramref name="window"/> samples) of two signals.</summary>
    public static double EnvelopeCorrelation(short[] x, short[] y, int window)
    {
        var n = Math.Min(x.Length, y.Length) / window;
        var ex = new double[n];
        var ey = new double[n];
        for (var i = 0; i < n; i++)
        {
            ex[i] = Rms(x.AsSpan(i * window, window));
            ey[i] = Rms(y.AsSpan(i * window, window));
        }

        double mx = ex.Average(), my = ey.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            sxy += (ex[i] - mx) * (ey[i] - my);
            sxx += (ex[i] - mx) * (ex[i] - mx);
            syy += (ey[i] - my) * (ey[i] - my);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>Asserts the audio is speech-like: not silent, and lasting a plausible time for the number of words.</summary>
    public static void AssertPlausibleSpeech(SpeechResult result, int wordCount)
    {
        Assert.True(result.SampleRate is >= 8000 and <= 48000, $"sample rate {result.SampleRate}");
        var seconds = result.Samples.Length / (double)result.SampleRate;
        // Conversational speech is ~2–4 words/s; allow a wide band for robotic voices and pauses.
        Assert.InRange(seconds, wordCount / 6.0, (wordCount / 1.2) + 1.5);
        Assert.True(Rms(result.Samples) > 300, $"audio is (nearly) silent: RMS {Rms(result.Samples):F1}");
    }

    /// <summary>Marks are ordered, within the audio, and have non-empty text ranges inside the input.</summary>
    public static void AssertWellFormedMarks(SpeechResult result, string text)
    {
        var duration = result.DurationMs;
        var previousWordStart = -1;
        var previousWordTextStart = -1;
        foreach (var mark in result.Marks)
        {
            Assert.InRange(mark.TextStart, 0, text.Length - 1);
            Assert.InRange(mark.TextLength, 1, text.Length - mark.TextStart);
            Assert.InRange(mark.StartMs, 0, duration);
            Assert.InRange(mark.EndMs, mark.StartMs, duration);
            Assert.False(char.IsWhiteSpace(text[mark.TextStart]), $"mark starts with whitespace: {mark}");
            Assert.False(char.IsLowSurrogate(text[mark.TextStart]), $"mark starts inside a surrogate pair: {mark}");
            if (mark.Kind == SpeechMarkKind.Word)
            {
                Assert.True(mark.StartMs >= previousWordStart, $"word marks out of time order at {mark}");
                Assert.True(mark.TextStart > previousWordTextStart, $"word marks out of text order at {mark}");
                previousWordStart = mark.StartMs;
                previousWordTextStart = mark.TextStart;
            }
        }

        var words = result.Words.ToList();
        for (var i = 1; i < words.Count; i++)
        {
            Assert.True(words[i - 1].TextEnd <= words[i].TextStart, $"overlapping word ranges {words[i - 1]} / {words[i]}");
        }
    }

    /// <summary>Every whitespace-delimited word of <paramref name="text"/> that has a letter or digit is covered by a word mark.</summary>
    public static void AssertEveryWordCovered(SpeechResult result, string text)
    {
        var covered = new bool[text.Length];
        foreach (var w in result.Words)
        {
            for (var i = w.TextStart; i < w.TextEnd; i++)
            {
                covered[i] = true;
            }
        }

        foreach (System.Text.RegularExpressions.Match token in System.Text.RegularExpressions.Regex.Matches(text, @"\S+"))
        {
            var firstLetter = token.Value.TakeWhile(c => !char.IsLetterOrDigit(c)).Count();
            if (firstLetter < token.Length)
            {
                Assert.True(covered[token.Index + firstLetter], $"'{token.Value}' at {token.Index} has no word mark");
            }
        }
    }

    public static string[] WordTexts(SpeechResult result, string text) => [.. result.Words.Select(m => m.TextOf(text))];

    /// <summary>A tone burst in silence: <paramref name="silenceMs"/> of silence, then a 1 kHz tone.</summary>
    public static short[] ToneAfterSilence(int sampleRate, int silenceMs, int toneMs, int totalMs)
    {
        var samples = new short[sampleRate * totalMs / 1000];
        var start = sampleRate * silenceMs / 1000;
        var end = Math.Min(samples.Length, start + (sampleRate * toneMs / 1000));
        for (var i = start; i < end; i++)
        {
            samples[i] = (short)(12000 * Math.Sin(2 * Math.PI * 1000 * (i - start) / sampleRate));
        }

        return samples;
    }

    /// <summary>First sample whose short-time (1 ms) RMS exceeds <paramref name="threshold"/>.</summary>
    public static int Onset(short[] samples, int sampleRate, double threshold)
    {
        var window = Math.Max(1, sampleRate / 1000);
        for (var i = 0; i + window <= samples.Length; i++)
        {
            if (Rms(samples.AsSpan(i, window)) > threshold)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>Engines are process-wide (the native libraries keep global state), so tests share one set.</summary>
internal static class Engines
{
    private static readonly Lazy<EspeakNgEngine> s_espeak = new(() => new EspeakNgEngine());
    private static readonly Lazy<FliteEngine> s_flite = new(() => new FliteEngine());
    private static readonly Lazy<VoiceCatalog> s_catalog = new(() => new VoiceCatalog([Espeak, Flite]));

    /// <summary>eSpeak NG; fails the test (no skipping) when it is not installed.</summary>
    public static EspeakNgEngine Espeak
    {
        get
        {
            var e = s_espeak.Value;
            Assert.True(e.IsAvailable, $"eSpeak NG must be installed (apt-get install libespeak-ng1 espeak-ng-data): {e.UnavailableReason}");
            return e;
        }
    }

    /// <summary>Flite; fails the test (no skipping) when it is not installed.</summary>
    public static FliteEngine Flite
    {
        get
        {
            var f = s_flite.Value;
            Assert.True(f.IsAvailable, $"Flite must be installed (apt-get install flite1-dev / libflite1): {f.UnavailableReason}");
            return f;
        }
    }

    public static VoiceCatalog Catalog => s_catalog.Value;

    public static Voice EspeakVoice(string id) =>
        Espeak.Voices.SingleOrDefault(v => v.Id == id) ?? throw new InvalidOperationException($"eSpeak voice {id} missing");

    public static Voice FliteVoice(string id) =>
        Flite.Voices.SingleOrDefault(v => v.Id == id) ?? throw new InvalidOperationException($"Flite voice {id} missing");
}
