namespace Broadsheet.Speech;

/// <summary>A voice offered by an <see cref="ISpeechEngine"/>.</summary>
/// <param name="Id">Stable, URL-safe identifier (lower-case letters, digits and dashes), e.g. <c>espeak-en-gb</c>, <c>flite-slt</c>.</param>
/// <param name="Engine">The <see cref="ISpeechEngine.Name"/> of the engine that owns the voice.</param>
/// <param name="Language">BCP 47 language tag, e.g. <c>en-GB</c>, <c>en-US</c>, <c>yue</c>, <c>cmn</c>, <c>fr</c>.</param>
/// <param name="DisplayName">Human-readable name, e.g. "Slt, US English, female".</param>
/// <param name="Gender"><c>male</c>, <c>female</c> or <c>unknown</c>.</param>
public sealed record Voice(string Id, string Engine, string Language, string DisplayName, string Gender);

/// <summary>The output of <see cref="ISpeechEngine.Synthesize"/>: mono 16-bit PCM and timing marks.</summary>
/// <param name="Samples">Mono signed 16-bit PCM samples.</param>
/// <param name="SampleRate">Samples per second.</param>
/// <param name="Marks">Word and sentence marks ordered by start time.</param>
public sealed record SpeechResult(short[] Samples, int SampleRate, IReadOnlyList<SpeechMark> Marks)
{
    /// <summary>Duration of <see cref="Samples"/> in milliseconds (rounded).</summary>
    public int DurationMs => SampleRate <= 0 ? 0 : (int)Math.Round(Samples.Length * 1000.0 / SampleRate);

    /// <summary>Only the word marks, in order.</summary>
    public IEnumerable<SpeechMark> Words => Marks.Where(m => m.Kind == SpeechMarkKind.Word);

    /// <summary>Only the sentence marks, in order.</summary>
    public IEnumerable<SpeechMark> Sentences => Marks.Where(m => m.Kind == SpeechMarkKind.Sentence);
}

/// <summary>The kind of a <see cref="SpeechMark"/>.</summary>
public enum SpeechMarkKind
{
    /// <summary>A spoken word (or a source token that expanded into several spoken words, such as a number).</summary>
    Word,

    /// <summary>A sentence.</summary>
    Sentence,
}

/// <summary>Links a range of the input text to the time span in which it is spoken.</summary>
/// <param name="Kind">Word or sentence.</param>
/// <param name="TextStart">UTF-16 index into the input string.</param>
/// <param name="TextLength">Length in UTF-16 code units.</param>
/// <param name="StartMs">Start time in milliseconds from the start of the audio.</param>
/// <param name="EndMs">End time in milliseconds (&gt;= <paramref name="StartMs"/>).</param>
public sealed record SpeechMark(SpeechMarkKind Kind, int TextStart, int TextLength, int StartMs, int EndMs)
{
    /// <summary>The exclusive UTF-16 end index of the text range.</summary>
    public int TextEnd => TextStart + TextLength;

    /// <summary>The marked text within <paramref name="text"/> (the string that was synthesised).</summary>
    public string TextOf(string text) => text.Substring(TextStart, TextLength);
}
