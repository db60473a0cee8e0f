namespace Broadsheet.Speech;

/// <summary>
/// Encodes mono 16-bit PCM to MP3 with LAME (<c>libmp3lame.so.0</c>), including the LAME/Xing tag frame that records
/// the exact length, encoder delay and padding (and, for average bitrate, a seek table) for exact-duration playback.
/// </summary>
/// <remarks>
/// The default is average bitrate (ABR): LAME then writes its tag in a 64/128 kbit/s header frame, which always has
/// room for it. In constant-bitrate mode the tag lives in a frame of the chosen bitrate, and at low bitrates with
/// 22.05/24 kHz input (e.g. 48 kbit/s) it does not fit and LAME leaves it out; <see cref="EncodedAudio.GaplessInfoWritten"/>
/// tells which happened.
/// </remarks>
/// <remarks>Instances are immutable and thread-safe; each call to <c>Encode</c> uses its own LAME handle.</remarks>
public sealed class Mp3Encoder
{
    /// <summary>Library names tried, in order.</summary>
    public static readonly IReadOnlyList<string> DefaultLibraryNames = ["libmp3lame.so.0", "libmp3lame.so", "mp3lame"];

    /// <summary>The MPEG layer III decoder delay (528 + 1 samples) that decoders add in front of LAME's encoder delay.</summary>
    public const int DecoderDelaySamples = 529;

    private static readonly int[] MpegSampleRates = [8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000];
    private static readonly int[] MpegBitrates = [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 192, 224, 256, 320];

    // LAME initialises some global tables lazily in lame_init_params; keep set-up serial to be safe.
    private static readonly Lock s_setup = new();
    private static readonly Lazy<(LameNative? Lib, string? Error)> s_lib = new(() =>
    {
        var lib = LameNative.TryLoad(DefaultLibraryNames, out var error);
        return (lib, lib is null ? $"LAME could not be loaded ({error}). Install the Debian package libmp3lame0." : null);
    });

    /// <summary>Creates an encoder.</summary>
    /// <param name="bitrateKbps">(Average) bitrate in kbit/s; 48 or 64 is plenty for mono speech.</param>
    /// <param name="constantBitrate"><see langword="true"/> for CBR, <see langword="false"/> (default) for ABR.</param>
    /// <param name="quality">LAME's algorithm quality, 0 (best, slowest) to 9 (fastest); 5 is LAME's usual choice, 7 is
    /// about twice as fast and still clean for speech.</param>
    public Mp3Encoder(int bitrateKbps = 48, bool constantBitrate = false, int quality = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 9);
        Quality = quality;
        if (Array.IndexOf(MpegBitrates, bitrateKbps) < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bitrateKbps), bitrateKbps, "Not an MPEG audio bitrate.");
        }

        BitrateKbps = bitrateKbps;
        ConstantBitrate = constantBitrate;
    }

    /// <summary>LAME's algorithm quality, 0 (best) to 9 (fastest).</summary>
    public int Quality { get; }

    /// <summary>The (average) bitrate in kbit/s.</summary>
    public int BitrateKbps { get; }

    /// <summary><see langword="true"/> for constant bitrate, <see langword="false"/> for average bitrate.</summary>
    public bool ConstantBitrate { get; }

    /// <summary><see langword="true"/> when libmp3lame can be loaded.</summary>
    public static bool IsAvailable => s_lib.Value.Lib is not null;

    /// <summary>Why LAME is unavailable, or <see langword="null"/>.</summary>
    public static string? UnavailableReason => s_lib.Value.Error;

    /// <summary>The LAME version, or <see langword="null"/> when unavailable.</summary>
    public static unsafe string? LameVersion => s_lib.Value.Lib is { } lib ? Utf8.FromPointer(lib.GetVersion()) : null;

    /// <summary>Encodes a synthesis result.</summary>
    public EncodedAudio Encode(SpeechResult speech, Stream output)
    {
        ArgumentNullException.ThrowIfNull(speech);
        return Encode(speech.Samples, speech.SampleRate, output);
    }

    /// <summary>Encodes mono PCM to <paramref name="output"/> (which need not be seekable).</summary>
    /// <exception cref="InvalidOperationException">LAME is unavailable or failed.</exception>
    public EncodedAudio Encode(short[] samples, int sampleRate, Stream output)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(output);
        using var session = Open(sampleRate);
        session.Write(samples);
        return session.Finish(output);
    }

    /// <summary>
    /// Starts an encoding that takes its PCM piece by piece (<see cref="Mp3EncodingSession.Write"/>), so that encoding
    /// can run while the rest is still being synthesised; <see cref="Mp3EncodingSession.Finish"/> writes the file.
    /// </summary>
    /// <exception cref="InvalidOperationException">LAME is unavailable or failed.</exception>
    public unsafe Mp3EncodingSession Open(int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 8000);
        var lib = s_lib.Value.Lib ?? throw new InvalidOperationException(s_lib.Value.Error);
        var gfp = lib.Init();
        if (gfp == 0)
        {
            throw new InvalidOperationException("lame_init failed.");
        }
        try
        {
            lock (s_setup)
            {
                Check(lib.SetNumChannels(gfp, 1), "lame_set_num_channels");
                Check(lib.SetInSampleRate(gfp, sampleRate), "lame_set_in_samplerate");
                // Keep the source rate when MPEG allows it: no resampling, and sample-exact timings.
                if (Array.IndexOf(MpegSampleRates, sampleRate) >= 0)
                {
                    Check(lib.SetOutSampleRate(gfp, sampleRate), "lame_set_out_samplerate");
                }

                Check(lib.SetMode(gfp, LameNative.ModeMono), "lame_set_mode");
                if (ConstantBitrate)
                {
                    Check(lib.SetVbr(gfp, LameNative.VbrOff), "lame_set_VBR");
                    Check(lib.SetBitrate(gfp, BitrateKbps), "lame_set_brate");
                }
                else
                {
                    Check(lib.SetVbr(gfp, LameNative.VbrAbr), "lame_set_VBR");
                    Check(lib.SetVbrMeanBitrate(gfp, BitrateKbps), "lame_set_VBR_mean_bitrate_kbps");
                }

                Check(lib.SetQuality(gfp, Quality), "lame_set_quality");
                Check(lib.SetWriteVbrTag(gfp, 1), "lame_set_bWriteVbrTag");
                Check(lib.InitParams(gfp), "lame_init_params");
            }
            return new Mp3EncodingSession(lib, gfp, sampleRate);
        }
        catch
        {
            _ = lib.Close(gfp);
            throw;
        }
    }

    internal static void Check(int rc, string call)
    {
        if (rc < 0)
        {
            throw new InvalidOperationException($"{call} failed with {rc}.");
        }
    }
}

/// <summary>
/// One MP3 being encoded from PCM that arrives in pieces. Not thread-safe: one thread writes, then finishes.
/// The MP3 is kept in memory until <see cref="Finish"/>, because its first frame is rewritten with the LAME tag then.
/// </summary>
public sealed class Mp3EncodingSession : IDisposable
{
    private const int Chunk = 1152 * 32;
    private readonly LameNative lib;
    private readonly nint gfp;
    private readonly MemoryStream mp3 = new();
    private readonly byte[] buffer = new byte[(int)(1.25 * Chunk) + 7200];
    private long samplesWritten;
    private bool closed;

    internal Mp3EncodingSession(LameNative lib, nint gfp, int sampleRate)
    {
        this.lib = lib;
        this.gfp = gfp;
        SampleRate = sampleRate;
    }

    /// <summary>The input sample rate.</summary>
    public int SampleRate { get; }

    /// <summary>Encodes the next mono samples.</summary>
    public unsafe void Write(ReadOnlySpan<short> samples)
    {
        ObjectDisposedException.ThrowIf(closed, this);
        fixed (short* pcm = samples)
        fixed (byte* outBuf = buffer)
        {
            for (var offset = 0; offset < samples.Length; offset += Chunk)
            {
                var n = Math.Min(Chunk, samples.Length - offset);
                var written = lib.EncodeBuffer(gfp, pcm + offset, pcm + offset, n, outBuf, buffer.Length);
                Mp3Encoder.Check(written, "lame_encode_buffer");
                mp3.Write(buffer, 0, written);
            }
        }
        samplesWritten += samples.Length;
    }

    /// <summary>Flushes the encoder, puts the LAME tag in front and copies the file to <paramref name="output"/>.</summary>
    public unsafe EncodedAudio Finish(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ObjectDisposedException.ThrowIf(closed, this);
        fixed (byte* outBuf = buffer)
        {
            var flushed = lib.EncodeFlush(gfp, outBuf, buffer.Length);
            Mp3Encoder.Check(flushed, "lame_encode_flush");
            mp3.Write(buffer, 0, flushed);
        }

        // LAME wrote an empty first frame; replace it with the final Info/LAME tag (exact frame count, delay, padding).
        var tagSize = (int)lib.GetLameTagFrame(gfp, null, 0);
        var gapless = false;
        if (tagSize > 0 && tagSize <= mp3.Length)
        {
            var tag = new byte[tagSize];
            fixed (byte* t = tag)
            {
                var copied = (int)lib.GetLameTagFrame(gfp, t, (nuint)tag.Length);
                if (copied == tagSize)
                {
                    mp3.Position = 0;
                    mp3.Write(tag, 0, tag.Length);
                    gapless = true;
                }
            }
        }

        var outRate = lib.GetOutSampleRate(gfp);
        var delay = lib.GetEncoderDelay(gfp);
        var padding = lib.GetEncoderPadding(gfp);
        mp3.Position = 0;
        mp3.CopyTo(output);
        var result = new EncodedAudio(
            "audio/mpeg",
            "mp3",
            outRate,
            (int)Math.Round(samplesWritten * 1000.0 / SampleRate),
            delay,
            padding,
            delay + Mp3Encoder.DecoderDelaySamples,
            mp3.Length,
            gapless);
        Dispose();
        return result;
    }

    /// <summary>Releases the LAME handle (also after a failure half way).</summary>
    public unsafe void Dispose()
    {
        if (!closed)
        {
            closed = true;
            _ = lib.Close(gfp);
            mp3.Dispose();
        }
    }
}
