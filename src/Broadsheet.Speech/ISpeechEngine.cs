namespace Broadsheet.Speech;

/// <summary>
/// A text-to-speech engine that turns plain text into mono 16-bit PCM plus word and sentence timings.
/// </summary>
/// <remarks>
/// <para>
/// This is the extension point for speech back ends. The built-in implementations wrap native, offline
/// engines (<see cref="EspeakNgEngine"/>, <see cref="FliteEngine"/>); a remote or cloud voice can be added by
/// implementing this interface and handing the instance to <see cref="VoiceCatalog"/>.
/// </para>
/// <para>Contract for implementers:</para>
/// <list type="bullet">
/// <item><description>Construction must never throw because the engine is missing: probe once, then report
/// <see cref="IsAvailable"/> = <see langword="false"/> and a human-readable <see cref="UnavailableReason"/>.</description></item>
/// <item><description><see cref="Voices"/> is fixed after construction and is empty when the engine is unavailable.
/// Voice ids are stable, URL-safe (lower-case letters, digits, dashes), prefixed with the engine
/// (<c>espeak-en-gb</c>, <c>flite-slt</c>) and unique across engines.</description></item>
/// <item><description>Problems that leave the engine usable (a missing voice) can be reported through
/// <see cref="ISpeechEngineDiagnostics"/>, which <see cref="VoiceCatalog"/> collects.</description></item>
/// <item><description><see cref="Synthesize"/> must be safe to call from several threads at once (serialise internally
/// if the underlying library is not thread-safe) and must honour the cancellation token.</description></item>
/// <item><description>Marks are ordered by <see cref="SpeechMark.StartMs"/>; their text ranges are UTF-16 indices into the
/// exact string passed to <see cref="Synthesize"/>.</description></item>
/// </list>
/// </remarks>
public interface ISpeechEngine
{
    /// <summary>Short, stable engine name (used as <see cref="Voice.Engine"/>), e.g. <c>espeak-ng</c>.</summary>
    string Name { get; }

    /// <summary><see langword="true"/> when the engine was found and initialised at construction time.</summary>
    bool IsAvailable { get; }

    /// <summary>Why the engine is unavailable (missing library, missing data…), or <see langword="null"/> when it is available.</summary>
    string? UnavailableReason { get; }

    /// <summary>The voices this engine offers; empty when <see cref="IsAvailable"/> is <see langword="false"/>.</summary>
    IReadOnlyList<Voice> Voices { get; }

    /// <summary>Synthesises <paramref name="text"/> (plain text, not SSML) with <paramref name="voice"/>.</summary>
    /// <param name="text">Plain text to speak.</param>
    /// <param name="voice">One of this engine's <see cref="Voices"/>.</param>
    /// <param name="ct">Cancels synthesis; an <see cref="OperationCanceledException"/> is thrown when cancelled.</param>
    /// <returns>Mono 16-bit PCM and word/sentence marks.</returns>
    /// <exception cref="InvalidOperationException">The engine is unavailable.</exception>
    /// <exception cref="ArgumentException">The voice does not belong to this engine.</exception>
    SpeechResult Synthesize(string text, Voice voice, CancellationToken ct);
}
