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
    public static AssembledSpeech Synthesize(AudioScript script, Func<string, CancellationToken, SpeechResult> synthesize, CancellationToken ct) =>
        Synthesize(script, synthesize, null, ct);

    /// <summary>
    /// As <see cref="Synthesize(AudioScript, Func{string, CancellationToken, SpeechResult}, CancellationToken)"/>, and hands
    /// each part's assembled samples (the part and its pause), with the sample rate, to <paramref name="onSamples"/> as soon
    /// as the part is synthesised, so that encoding can keep pace with synthesis.
    /// </summary>
    public static AssembledSpeech Synthesize(AudioScript script, Func<string, CancellationToken, SpeechResult> synthesize, Action<short[], int>? onSamples, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(synthesize);
        var assembler = new SpeechAssembler();
        foreach (var part in script.Parts)
        {
            ct.ThrowIfCancellationRequested();
            foreach (var ready in assembler.Add(synthesize(part.Spoken, ct), part.PauseAfterMs))
            {
                onSamples?.Invoke(ready, assembler.SampleRate);
            }
        }
        return assembler.Build();
    }

    /// <summary>
    /// Puts the pieces back to back: each piece's trailing silence is trimmed to <see cref="KeptTailMs"/>, then
    /// <c>PauseAfterMs</c> of silence follows it. Each piece's marks move by the number of samples before it (converted
    /// once, so rounding never accumulates) and are clamped to the piece's kept length.
    /// </summary>
    public static AssembledSpeech Concatenate(IReadOnlyList<(SpeechResult Speech, int PauseAfterMs)> pieces)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        var assembler = new SpeechAssembler();
        foreach (var (speech, pause) in pieces)
        {
            assembler.Add(speech, pause);
        }
        return assembler.Build();
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

    internal static int SamplesFor(int ms, int rate) => (int)((long)Math.Max(0, ms) * rate / 1000);
}

/// <summary>
/// Assembles a recording piece by piece, as <see cref="SpeechAssembly.Concatenate"/> describes. <see cref="Add"/> returns
/// the samples it appended (none until the sample rate is known from a piece with audio), so they can be encoded at once.
/// </summary>
public sealed class SpeechAssembler
{
    private readonly List<short[]> chunks = [];
    private readonly List<PartMark> marks = [];
    private readonly List<(SpeechResult Speech, int PauseAfterMs)> waiting = [];
    private long length;
    private int part;

    /// <summary>The recording's sample rate: that of the first piece with audio (0 until then).</summary>
    public int SampleRate { get; private set; }

    /// <summary>Appends a piece and its pause; returns the samples appended (in order), empty while the rate is unknown.</summary>
    public IReadOnlyList<short[]> Add(SpeechResult speech, int pauseAfterMs)
    {
        ArgumentNullException.ThrowIfNull(speech);
        if (SampleRate == 0)
        {
            waiting.Add((speech, pauseAfterMs));
            if (speech.SampleRate <= 0)
            {
                return [];
            }
            SampleRate = speech.SampleRate;
            var appended = waiting.Select(w => Append(w.Speech, w.PauseAfterMs)).ToList();
            waiting.Clear();
            return appended;
        }
        return [Append(speech, pauseAfterMs)];
    }

    /// <summary>The recording so far: all samples back to back, and every piece's marks on one clock.</summary>
    public AssembledSpeech Build()
    {
        if (SampleRate == 0)
        {
            return new AssembledSpeech([], 22050, []);
        }
        var samples = new short[checked((int)length)];
        var at = 0;
        foreach (var chunk in chunks)
        {
            chunk.CopyTo(samples, at);
            at += chunk.Length;
        }
        return new AssembledSpeech(samples, SampleRate, marks.ToList());
    }

    private short[] Append(SpeechResult speech, int pauseAfterMs)
    {
        var rate = SampleRate;
        if (speech.Samples.Length > 0 && speech.SampleRate != rate)
        {
            throw new InvalidOperationException("The parts of one recording must share one sample rate.");
        }
        var kept = SpeechAssembly.KeptLength(speech.Samples, rate);
        var chunk = new short[kept + SpeechAssembly.SamplesFor(pauseAfterMs, rate)]; // the pause is already zeros
        Array.Copy(speech.Samples, 0, chunk, 0, kept);
        var offsetMs = (int)Math.Round(length * 1000.0 / rate);
        var endMs = (int)Math.Round((length + kept) * 1000.0 / rate);
        foreach (var mark in speech.Marks)
        {
            var start = Math.Min(offsetMs + mark.StartMs, endMs);
            marks.Add(new PartMark(part, mark with { StartMs = start, EndMs = Math.Clamp(offsetMs + mark.EndMs, start, endMs) }));
        }
        part++;
        length += chunk.Length;
        chunks.Add(chunk);
        return chunk;
    }
}
