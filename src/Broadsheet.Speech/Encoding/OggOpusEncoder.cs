using System.Buffers.Binary;
using Concentus;
using Concentus.Enums;

namespace Broadsheet.Speech;

/// <summary>
/// Encodes mono 16-bit PCM to Ogg Opus (RFC 7845) with Concentus, resampling to 48 kHz when needed. The container is
/// written by this library: OpusHead (with the encoder lookahead as pre-skip), OpusTags, then audio pages whose
/// granule positions count 48 kHz samples; the last page carries the end-of-stream flag and a granule position of
/// pre-skip + source length, so players trim both ends and the duration is exact.
/// </summary>
/// <remarks>Instances are immutable and thread-safe; each call to <c>Encode</c> uses its own Opus encoder.</remarks>
public sealed class OggOpusEncoder
{
    /// <summary>Opus always runs at 48 kHz in Ogg (granule positions are 48 kHz samples).</summary>
    public const int OpusSampleRate = 48000;

    private const int FrameSize = 960; // 20 ms at 48 kHz
    private const int MaxPacket = 1275 * 3;
    private const int PageTargetBytes = 4096;

    /// <summary>Creates an encoder.</summary>
    /// <param name="bitrate">Target bitrate in bit/s (VBR); 24–32 kbit/s is transparent-enough for mono speech.</param>
    /// <param name="voip">Use the VOIP application (tuned for intelligibility at low bitrates) instead of AUDIO (fidelity).</param>
    /// <param name="complexity">Encoder complexity 0–10 (higher is slower and slightly better).</param>
    public OggOpusEncoder(int bitrate = 32000, bool voip = false, int complexity = 8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bitrate, 6000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bitrate, 510000);
        ArgumentOutOfRangeException.ThrowIfLessThan(complexity, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(complexity, 10);
        Bitrate = bitrate;
        Voip = voip;
        Complexity = complexity;
    }

    /// <summary>Target bitrate in bit/s.</summary>
    public int Bitrate { get; }

    /// <summary><see langword="true"/> for the VOIP application, <see langword="false"/> for AUDIO.</summary>
    public bool Voip { get; }

    /// <summary>Encoder complexity 0–10.</summary>
    public int Complexity { get; }

    /// <summary>Encodes a synthesis result.</summary>
    public EncodedAudio Encode(SpeechResult speech, Stream output)
    {
        ArgumentNullException.ThrowIfNull(speech);
        return Encode(speech.Samples, speech.SampleRate, output);
    }

    /// <summary>Encodes mono PCM at any rate to Ogg Opus on <paramref name="output"/> (need not be seekable).</summary>
    public EncodedAudio Encode(short[] samples, int sampleRate, Stream output)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1000);

        var pcm = PcmResampler.Resample(samples, sampleRate, OpusSampleRate);
        var encoder = OpusCodecFactory.CreateEncoder(OpusSampleRate, 1, Voip ? OpusApplication.OPUS_APPLICATION_VOIP : OpusApplication.OPUS_APPLICATION_AUDIO, null);
        encoder.Bitrate = Bitrate;
        encoder.Complexity = Complexity;
        encoder.UseVBR = true;
        encoder.SignalType = OpusSignal.OPUS_SIGNAL_VOICE;
        var preSkip = encoder.Lookahead;

        var writer = new OggPageWriter(output, SerialFor(samples, sampleRate));
        writer.WritePacket(OpusHead(preSkip, sampleRate), 0);
        writer.FlushPage(false);
        writer.WritePacket(OpusTags(encoder.GetVersionString()), 0);
        writer.FlushPage(false);

        // Decoders drop the first preSkip samples, so encode preSkip + n samples (zero-padded to whole frames).
        var total = pcm.Length + preSkip;
        var frames = Math.Max(1, (total + FrameSize - 1) / FrameSize);
        var frame = new short[FrameSize];
        var packet = new byte[MaxPacket];
        for (var f = 0; f < frames; f++)
        {
            var start = f * FrameSize;
            Array.Clear(frame);
            if (start < pcm.Length)
            {
                pcm.AsSpan(start, Math.Min(FrameSize, pcm.Length - start)).CopyTo(frame);
            }

            var length = encoder.Encode(frame, FrameSize, packet, packet.Length);
            if (length < 0)
            {
                throw new InvalidOperationException($"Opus encoding failed ({length}).");
            }

            if (writer.PendingBodyBytes >= PageTargetBytes)
            {
                writer.FlushPage(false);
            }

            writer.WritePacket(packet.AsSpan(0, length), (long)(f + 1) * FrameSize);
        }

        // End trimming: the last granule position is the true end of the audio.
        writer.FlushPage(true, (long)preSkip + pcm.Length);

        return new EncodedAudio(
            "audio/ogg; codecs=opus",
            "opus",
            OpusSampleRate,
            (int)Math.Round(samples.Length * 1000.0 / sampleRate),
            preSkip,
            (frames * FrameSize) - total,
            preSkip,
            writer.BytesWritten,
            true);
    }

    /// <summary>The OpusHead identification header (RFC 7845 §5.1), mono, channel mapping family 0.</summary>
    internal static byte[] OpusHead(int preSkip, int inputSampleRate)
    {
        var head = new byte[19];
        "OpusHead"u8.CopyTo(head);
        head[8] = 1; // version
        head[9] = 1; // channels
        BinaryPrimitives.WriteUInt16LittleEndian(head.AsSpan(10), checked((ushort)preSkip));
        BinaryPrimitives.WriteUInt32LittleEndian(head.AsSpan(12), (uint)inputSampleRate);
        BinaryPrimitives.WriteInt16LittleEndian(head.AsSpan(16), 0); // output gain
        head[18] = 0; // mapping family
        return head;
    }

    /// <summary>The OpusTags comment header (RFC 7845 §5.2).</summary>
    internal static byte[] OpusTags(string encoderVersion)
    {
        var vendor = System.Text.Encoding.UTF8.GetBytes($"Broadsheet.Speech ({encoderVersion})");
        var comment = System.Text.Encoding.UTF8.GetBytes("ENCODER=Broadsheet.Speech");
        var tags = new byte[8 + 4 + vendor.Length + 4 + 4 + comment.Length];
        "OpusTags"u8.CopyTo(tags);
        var span = tags.AsSpan(8);
        BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)vendor.Length);
        vendor.CopyTo(span[4..]);
        span = span[(4 + vendor.Length)..];
        BinaryPrimitives.WriteUInt32LittleEndian(span, 1);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)comment.Length);
        comment.CopyTo(span[8..]);
        return tags;
    }

    /// <summary>A stream serial derived from the content, so the same audio always gives the same bytes.</summary>
    private static uint SerialFor(short[] samples, int sampleRate)
    {
        var hash = 2166136261u ^ (uint)sampleRate;
        var step = Math.Max(1, samples.Length / 4096);
        for (var i = 0; i < samples.Length; i += step)
        {
            hash = (hash ^ (ushort)samples[i]) * 16777619u;
        }

        return hash ^ (uint)samples.Length;
    }
}
