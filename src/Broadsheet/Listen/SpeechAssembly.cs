using Broadsheet.Speech;

namespace Broadsheet.Listen;

/// <summary>A mark of an assembled article: <see cref="Mark"/> times are from the start of the whole audio, its text range is in part <see cref="Part"/>'s spoken text.</summary>
public readonly record struct PartMark(int Part, SpeechMark Mark);

/// <summary>One article's speech: all parts' PCM back to back with their pauses, and every part's marks on one clock.</summary>
public sealed record AssembledSpeech(short[] Samples, int SampleRate, IReadOnlyList<PartMark> Marks)
{
    public int DurationMs => SampleRate <= 0 ? 0 : (int)Math.Round(Samples.Length * 1000.0 / SampleRate);
}

/// <summary>Joins separately synthesised script parts into one recording.</summary>
public static class SpeechAssembly
{
    /// <summary>Below this amplitude a sample counts as silence when trimming a part's tail.</summary>
    internal const int SilenceThreshold = 256;

    /// <summary>Of an engine's trailing silence this much is kept; the script's own pause follows it.</summary>
    internal const int KeptTailMs = 40;

    /// <summary>Synthesises every part of <paramref name="script"/> in order with <paramref name="synthesize"/> and assembles them.</summary>
    public static AssembledSpeech Synthesize(AudioScript script, Func<string, CancellationToken, SpeechResult> synthesize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(synthesize);
        var pieces = new List<(SpeechResult Speech, int PauseAfterMs)>(script.Parts.Count);
        foreach (var part in script.Parts)
        {
            ct.ThrowIfCancellationRequested();
            pieces.Add((synthesize(part.Spoken, ct), part.PauseAfterMs));
        }
        return Concatenate(pieces);
    }

    /// <summary>
    /// Puts the pieces back to back: each piece's trailing silence is trimmed to <see cref="KeptTailMs"/>, then
    /// <c>PauseAfterMs</c> of silence follows it. Each piece's marks move by the number of samples before it (converted
    /// once, so rounding never accumulates) and are clamped to the piece's kept length.
    /// </summary>
    public static AssembledSpeech Concatenate(IReadOnlyList<(SpeechResult Speech, int PauseAfterMs)> pieces)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        var rate = pieces.Select(p => p.Speech.SampleRate).FirstOrDefault(r => r > 0);
        if (rate == 0)
        {
            return new AssembledSpeech([], 22050, []);
        }
        if (pieces.Any(p => p.Speech.Samples.Length > 0 && p.Speech.SampleRate != rate))
        {
            throw new InvalidOperationException("The parts of one recording must share one sample rate.");
        }

        var lengths = pieces.Select(p => KeptLength(p.Speech.Samples, rate)).ToArray();
        var total = 0L;
        for (var i = 0; i < pieces.Count; i++)
        {
            total += lengths[i] + SamplesFor(pieces[i].PauseAfterMs, rate);
        }

        var samples = new short[checked((int)total)];
        var marks = new List<PartMark>();
        var at = 0;
        for (var i = 0; i < pieces.Count; i++)
        {
            var speech = pieces[i].Speech;
            Array.Copy(speech.Samples, 0, samples, at, lengths[i]);
            var offsetMs = (int)Math.Round(at * 1000.0 / rate);
            var endMs = (int)Math.Round((at + lengths[i]) * 1000.0 / rate);
            foreach (var mark in speech.Marks)
            {
                var start = Math.Min(offsetMs + mark.StartMs, endMs);
                marks.Add(new PartMark(i, mark with { StartMs = start, EndMs = Math.Clamp(offsetMs + mark.EndMs, start, endMs) }));
            }
            at += lengths[i] + SamplesFor(pieces[i].PauseAfterMs, rate); // the pause is already zeros
        }
        return new AssembledSpeech(samples, rate, marks);
    }

    /// <summary>The samples up to the last audible one, plus <see cref="KeptTailMs"/> of what followed it.</summary>
    internal static int KeptLength(short[] samples, int rate)
    {
        var last = samples.Length - 1;
        while (last >= 0 && Math.Abs((int)samples[last]) < SilenceThreshold)
        {
            last--;
        }
        return Math.Min(samples.Length, last + 1 + SamplesFor(KeptTailMs, rate));
    }

    private static int SamplesFor(int ms, int rate) => (int)((long)Math.Max(0, ms) * rate / 1000);
}
