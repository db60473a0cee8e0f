namespace Broadsheet.Speech;

/// <summary>What an encoder wrote.</summary>
/// <param name="ContentType">MIME type, e.g. <c>audio/mpeg</c> or <c>audio/ogg; codecs=opus</c>.</param>
/// <param name="FileExtension">File extension without the dot: <c>mp3</c> or <c>opus</c>.</param>
/// <param name="SampleRate">Sample rate of the encoded stream (Opus: always 48000).</param>
/// <param name="DurationMs">Duration of the source audio in milliseconds (what a gapless-aware player plays).</param>
/// <param name="EncoderDelaySamples">Leading samples (at <paramref name="SampleRate"/>) the encoder puts before the audio:
/// LAME's encoder delay, or Opus pre-skip. Recorded in the file header when <paramref name="GaplessInfoWritten"/>.</param>
/// <param name="PaddingSamples">Trailing samples (at <paramref name="SampleRate"/>) after the audio.</param>
/// <param name="PlaybackDelaySamples">Samples heard before the audio when a player ignores the gapless information: for
/// MP3 the encoder delay plus the standard 529-sample decoder delay, for Opus the pre-skip.</param>
/// <param name="BytesWritten">Bytes written to the output stream.</param>
/// <param name="GaplessInfoWritten"><see langword="true"/> when the file tells decoders to trim the delay and padding
/// (a LAME/Xing "Info" frame for MP3, pre-skip and end granule for Ogg Opus).</param>
public sealed record EncodedAudio(
    string ContentType,
    string FileExtension,
    int SampleRate,
    int DurationMs,
    int EncoderDelaySamples,
    int PaddingSamples,
    int PlaybackDelaySamples,
    long BytesWritten,
    bool GaplessInfoWritten)
{
    /// <summary><see cref="EncoderDelaySamples"/> in milliseconds (rounded).</summary>
    public int EncoderDelayMs => ToMs(EncoderDelaySamples);

    /// <summary><see cref="PlaybackDelaySamples"/> in milliseconds (rounded).</summary>
    public int PlaybackDelayMs => ToMs(PlaybackDelaySamples);

    private int ToMs(int samples) => SampleRate <= 0 ? 0 : (int)Math.Round(samples * 1000.0 / SampleRate, MidpointRounding.AwayFromZero);
}
