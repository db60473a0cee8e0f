namespace Broadsheet.Speech;

/// <summary>Helpers to keep speech marks in step with encoded audio.</summary>
public static class SpeechTimings
{
    /// <summary>Moves every mark by <paramref name="offsetMs"/> (may be negative); times are clamped at 0.</summary>
    public static IReadOnlyList<SpeechMark> Shift(IReadOnlyList<SpeechMark> marks, int offsetMs)
    {
        ArgumentNullException.ThrowIfNull(marks);
        if (offsetMs == 0)
        {
            return marks;
        }

        return [.. marks.Select(m => m with { StartMs = Math.Max(0, m.StartMs + offsetMs), EndMs = Math.Max(0, m.EndMs + offsetMs) })];
    }

    /// <summary>
    /// Marks as they line up with <paramref name="audio"/> when played. A player that honours the file's gapless
    /// information (LAME "Info" tag, Opus pre-skip) plays the source exactly and the marks are unchanged; otherwise the
    /// codec delay (<see cref="EncodedAudio.PlaybackDelayMs"/>) is heard first and every mark is shifted later by it.
    /// </summary>
    /// <param name="marks">Marks from <see cref="SpeechResult.Marks"/>.</param>
    /// <param name="audio">What the encoder reported.</param>
    /// <param name="playerTrimsDelay">Whether the target player honours gapless information (browsers do for Opus and for MP3 with a LAME tag).</param>
    public static IReadOnlyList<SpeechMark> ForEncodedAudio(IReadOnlyList<SpeechMark> marks, EncodedAudio audio, bool playerTrimsDelay = true)
    {
        ArgumentNullException.ThrowIfNull(audio);
        return playerTrimsDelay && audio.GaplessInfoWritten ? marks : Shift(marks, audio.PlaybackDelayMs);
    }

    /// <summary>Clamps mark times to <c>[0, durationMs]</c> (e.g. after shifting or trimming audio).</summary>
    public static IReadOnlyList<SpeechMark> ClampTo(IReadOnlyList<SpeechMark> marks, int durationMs)
    {
        ArgumentNullException.ThrowIfNull(marks);
        return [.. marks.Select(m => m with { StartMs = Math.Clamp(m.StartMs, 0, durationMs), EndMs = Math.Clamp(m.EndMs, 0, durationMs) })];
    }
}
