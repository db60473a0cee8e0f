using System.Buffers.Binary;
using Concentus;

namespace Broadsheet.Speech.Tests;

public sealed class EncoderTests
{
    private const string Text = "The council met on Tuesday to discuss the budget for next year.";
    private static readonly Lazy<SpeechResult> s_speech = new(() => Engines.Espeak.Synthesize(Text, Engines.EspeakVoice("espeak-en-gb"), CancellationToken.None));
    private static readonly Lazy<SpeechResult> s_fliteSpeech = new(() => Engines.Flite.Synthesize(Text, Engines.FliteVoice("flite-slt"), CancellationToken.None));

    [Fact]
    public void Mp3_encoded_piece_by_piece_is_the_same_file_as_encoded_at_once()
    {
        var speech = s_speech.Value;
        var encoder = new Mp3Encoder(48, quality: 7);
        using var whole = new MemoryStream();
        var atOnce = encoder.Encode(speech, whole);

        using var pieces = new MemoryStream();
        EncodedAudio inPieces;
        using (var session = encoder.Open(speech.SampleRate))
        {
            // Uneven pieces, some smaller than a frame, one empty, as a script's parts arrive.
            var at = 0;
            foreach (var size in new[] { 1, 500, 0, 1151, 40_000 })
            {
                var n = Math.Min(size, speech.Samples.Length - at);
                session.Write(speech.Samples.AsSpan(at, n));
                at += n;
            }
            session.Write(speech.Samples.AsSpan(at));
            inPieces = session.Finish(pieces);
            Assert.Throws<ObjectDisposedException>(() => session.Write(speech.Samples.AsSpan(0, 10)));
        }

        Assert.Equal(atOnce, inPieces);
        Assert.Equal(whole.ToArray(), pieces.ToArray());
    }

    [Fact]
    public void Mp3_starts_with_a_lame_info_frame_that_records_the_exact_length()
    {
        Assert.True(Mp3Encoder.IsAvailable, Mp3Encoder.UnavailableReason);
        var speech = s_speech.Value;
        using var output = new MemoryStream();
        var info = new Mp3Encoder(48).Encode(speech, output);
        var mp3 = output.ToArray();

        Assert.Equal("audio/mpeg", info.ContentType);
        Assert.Equal(mp3.Length, info.BytesWritten);
        Assert.Equal(speech.SampleRate, info.SampleRate);
        Assert.Equal(speech.DurationMs, info.DurationMs);
        Assert.True(info.GaplessInfoWritten);

        // Frame sync (11 set bits), MPEG-2 layer III, mono, 22.05 kHz.
        var first = Mp3Frame.Parse(mp3, 0);
        Assert.Equal(22050, first.SampleRate);
        Assert.Equal(576, first.SamplesPerFrame);
        Assert.True(first.Mono);

        // The Info/Xing tag sits after the side information and the LAME extension records delay and padding.
        var tag = 4 + first.SideInfoLength;
        var tagId = System.Text.Encoding.ASCII.GetString(mp3, tag, 4);
        Assert.Contains(tagId, new[] { "Info", "Xing" });
        var flags = BinaryPrimitives.ReadInt32BigEndian(mp3.AsSpan(tag + 4));
        Assert.Equal(0xF, flags & 0xF);
        var frames = BinaryPrimitives.ReadInt32BigEndian(mp3.AsSpan(tag + 8));
        var bytes = BinaryPrimitives.ReadInt32BigEndian(mp3.AsSpan(tag + 12));
        Assert.Equal(mp3.Length, bytes);
        var lame = tag + 120;
        Assert.Equal("LAME", System.Text.Encoding.ASCII.GetString(mp3, lame, 4));
        var delay = (mp3[lame + 21] << 4) | (mp3[lame + 22] >> 4);
        var padding = ((mp3[lame + 22] & 0xF) << 8) | mp3[lame + 23];
        Assert.Equal(info.EncoderDelaySamples, delay);
        Assert.Equal(info.PaddingSamples, padding);
        Assert.Equal(speech.Samples.Length, (frames * 576) - delay - padding);

        // Every frame after the tag is a valid frame, back to back to the end of the file.
        var count = 0;
        for (var offset = first.Length; offset < mp3.Length; count++)
        {
            var frame = Mp3Frame.Parse(mp3, offset);
            Assert.Equal(22050, frame.SampleRate);
            offset += frame.Length;
            Assert.True(offset <= mp3.Length, "last frame is truncated");
        }

        Assert.Equal(frames, count);

        // About 48 kbit/s on average.
        var kbps = mp3.Length * 8.0 / (speech.Samples.Length / (double)speech.SampleRate) / 1000;
        Assert.InRange(kbps, 30, 80);
    }

    [Fact]
    public void Mp3_of_flite_audio_keeps_its_16khz_rate()
    {
        var speech = s_fliteSpeech.Value;
        using var output = new MemoryStream();
        var info = new Mp3Encoder(64, constantBitrate: true).Encode(speech, output);
        var mp3 = output.ToArray();
        var first = Mp3Frame.Parse(mp3, 0);
        Assert.Equal(16000, first.SampleRate);
        Assert.Equal(16000, info.SampleRate);
        Assert.True(info.GaplessInfoWritten);
        // CBR 64 kbit/s: 576 samples at 16 kHz = 288 bytes a frame.
        Assert.Equal(288, Mp3Frame.Parse(mp3, first.Length).Length);
        var seconds = speech.Samples.Length / 16000.0;
        Assert.InRange(mp3.Length, (int)(seconds * 8000 * 0.95), (int)((seconds * 8000 * 1.05) + 2000));
    }

    [Fact]
    public void Low_constant_bitrate_mp3_reports_that_it_has_no_gapless_tag()
    {
        // At 48 kbit/s and 22.05 kHz a CBR frame (156 bytes) is too small for the LAME tag; LAME leaves it out.
        using var output = new MemoryStream();
        var info = new Mp3Encoder(48, constantBitrate: true).Encode(s_speech.Value, output);
        Assert.False(info.GaplessInfoWritten);
        var mp3 = output.ToArray();
        Assert.Equal(0xFF, mp3[0]);
        Assert.Equal(0xE0, mp3[1] & 0xE0);

        // Players will hear the codec delay first (LAME's 576 + the decoder's 529 samples), so marks must move by it.
        var marks = SpeechTimings.ForEncodedAudio(s_speech.Value.Marks, info);
        Assert.Equal(576, info.EncoderDelaySamples);
        Assert.Equal(576 + 529, info.PlaybackDelaySamples);
        Assert.Equal(50, info.PlaybackDelayMs);
        Assert.Equal(info.PlaybackDelayMs, marks[0].StartMs - s_speech.Value.Marks[0].StartMs);
    }

    [Fact]
    public void Ogg_opus_round_trips_through_an_independent_parser_and_the_opus_decoder()
    {
        var speech = s_speech.Value;
        using var output = new MemoryStream();
        var info = new OggOpusEncoder().Encode(speech, output);
        var ogg = output.ToArray();
        Assert.Equal(ogg.Length, info.BytesWritten);
        Assert.Equal("audio/ogg; codecs=opus", info.ContentType);
        Assert.Equal(48000, info.SampleRate);

        var pages = OggReader.ReadPages(ogg); // checks capture pattern, version and every CRC
        Assert.True(pages.Count >= 4);
        Assert.All(pages, p => Assert.Equal(pages[0].Serial, p.Serial));
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Equal((uint)i, pages[i].Sequence);
            Assert.Equal(i == 0, (pages[i].Flags & 0x02) != 0); // BOS only on the first page
            Assert.Equal(i == pages.Count - 1, (pages[i].Flags & 0x04) != 0); // EOS only on the last page
        }

        var packets = OggReader.Packets(pages);
        // OpusHead alone on the first page, OpusTags on the second, audio from the third page on.
        var head = packets[0].Packet;
        Assert.Equal(0, packets[0].Page);
        Assert.Single(pages[0].Lacing);
        Assert.True(head.AsSpan(0, 8).SequenceEqual("OpusHead"u8));
        Assert.Equal(19, head.Length);
        Assert.Equal(1, head[8]);
        Assert.Equal(1, head[9]);
        var preSkip = BinaryPrimitives.ReadUInt16LittleEndian(head.AsSpan(10));
        Assert.Equal(info.EncoderDelaySamples, preSkip);
        Assert.InRange(preSkip, 1, 48000);
        Assert.Equal(22050u, BinaryPrimitives.ReadUInt32LittleEndian(head.AsSpan(12)));
        Assert.Equal(0, head[18]);
        Assert.True(packets[1].Packet.AsSpan(0, 8).SequenceEqual("OpusTags"u8));
        Assert.Equal(1, packets[1].Page);
        Assert.Equal(0, pages[0].Granule);
        Assert.Equal(0, pages[1].Granule);
        Assert.All(packets.Skip(2), p => Assert.True(p.Page >= 2));

        // Decode every audio packet; granule positions are monotonic and equal the samples decoded so far.
        var decoder = OpusCodecFactory.CreateDecoder(48000, 1, null);
        var decoded = new List<short>();
        var buffer = new short[5760];
        var previousGranule = 0L;
        var pageOfLastPacket = -1;
        foreach (var (packet, page) in packets.Skip(2))
        {
            var n = decoder.Decode(packet, buffer, buffer.Length, false);
            Assert.Equal(960, n);
            decoded.AddRange(buffer.AsSpan(0, n).ToArray());
            if (page != pageOfLastPacket && pageOfLastPacket >= 0)
            {
                // A new page started: the previous page's granule counts the samples of the packets it completed.
                Assert.True(pages[pageOfLastPacket].Granule >= previousGranule);
                previousGranule = pages[pageOfLastPacket].Granule;
            }

            pageOfLastPacket = page;
            if (page < pages.Count - 1)
            {
                Assert.True(pages[page].Granule >= decoded.Count - ((long)packets.Count(p => p.Page == page) * 960));
            }
        }

        for (var i = 2; i < pages.Count - 1; i++)
        {
            var samplesThroughPage = packets.Skip(2).Count(p => p.Page <= i) * 960L;
            Assert.Equal(samplesThroughPage, pages[i].Granule);
        }

        // The last granule is pre-skip + the source length at 48 kHz: players trim the padding exactly.
        var expected48k = (long)Math.Round(speech.Samples.Length * 48000.0 / speech.SampleRate);
        var finalGranule = pages[^1].Granule;
        Assert.Equal(preSkip + expected48k, finalGranule);
        Assert.True(finalGranule <= decoded.Count && finalGranule > decoded.Count - 960);
        Assert.True(finalGranule > pages[^2].Granule);

        var pcm = decoded.Skip(preSkip).Take((int)(finalGranule - preSkip)).ToArray();
        Assert.Equal(expected48k, pcm.Length);
        Assert.Equal(speech.DurationMs, (int)Math.Round(pcm.Length / 48.0));
        Assert.True(Audio.Rms(pcm) > 0.5 * Audio.Rms(speech.Samples), $"decoded RMS {Audio.Rms(pcm):F0} vs source {Audio.Rms(speech.Samples):F0}");
        // Same loudness contour as the source (10 ms windows at each rate).
        var correlation = Audio.EnvelopeCorrelation(Audio.Decimate(pcm, 48000, speech.SampleRate), speech.Samples, speech.SampleRate / 100);
        Assert.True(correlation > 0.95, $"envelope correlation {correlation:F3}");

        // 32 kbit/s VBR on average (plus a few hundred bytes of headers).
        var kbps = (ogg.Length - 200) * 8.0 / (pcm.Length / 48000.0) / 1000;
        Assert.InRange(kbps, 16, 48);
    }

    [Theory]
    [InlineData(22050)]
    [InlineData(16000)]
    [InlineData(48000)]
    public void Ogg_opus_keeps_audio_aligned_after_pre_skip(int sampleRate)
    {
        // 500 ms of silence, then a tone: after decoding and dropping pre-skip the tone starts at 500 ms.
        var source = Audio.ToneAfterSilence(sampleRate, 500, 300, 1000);
        using var output = new MemoryStream();
        var info = new OggOpusEncoder(bitrate: 48000).Encode(source, sampleRate, output);
        var packets = OggReader.Packets(OggReader.ReadPages(output.ToArray()));
        var decoder = OpusCodecFactory.CreateDecoder(48000, 1, null);
        var pcm = new List<short>();
        var buffer = new short[5760];
        foreach (var (packet, _) in packets.Skip(2))
        {
            pcm.AddRange(buffer.AsSpan(0, decoder.Decode(packet, buffer, buffer.Length, false)).ToArray());
        }

        var trimmed = pcm.Skip(info.EncoderDelaySamples).Take(48000).ToArray();
        var onset = Audio.Onset(trimmed, 48000, 2000);
        Assert.InRange(onset, 24000 - 96, 24000 + 96); // within 2 ms
        Assert.Equal(1000, info.DurationMs);
    }

    [Fact]
    public void Encoders_accept_empty_audio()
    {
        using var mp3 = new MemoryStream();
        var mp3Info = new Mp3Encoder().Encode([], 22050, mp3);
        Assert.Equal(0, mp3Info.DurationMs);
        Assert.Equal(mp3.Length, mp3Info.BytesWritten);

        using var opus = new MemoryStream();
        var opusInfo = new OggOpusEncoder().Encode([], 22050, opus);
        Assert.Equal(0, opusInfo.DurationMs);
        var pages = OggReader.ReadPages(opus.ToArray());
        Assert.Equal(opusInfo.EncoderDelaySamples, pages[^1].Granule); // nothing after pre-skip
        Assert.Equal(0x04, pages[^1].Flags & 0x04);
    }

    [Fact]
    public void Ogg_writer_splits_large_packets_across_pages()
    {
        using var output = new MemoryStream();
        var writer = new OggPageWriter(output, 1234);
        var big = Enumerable.Range(0, 255 * 300).Select(i => (byte)i).ToArray(); // needs 301 lacing values
        var exact = new byte[255 * 2]; // a multiple of 255 needs a terminating 0 lacing value
        writer.WritePacket([1, 2, 3], 0);
        writer.FlushPage(false);
        writer.WritePacket(big, 960);
        writer.WritePacket(exact, 1920);
        writer.FlushPage(true);

        var pages = OggReader.ReadPages(output.ToArray());
        Assert.Equal(3, pages.Count);
        Assert.Equal(255, pages[1].Lacing.Length);
        Assert.Equal(-1, pages[1].Granule); // no packet ends on this page
        Assert.Equal(0x01 | 0x04, pages[2].Flags);
        Assert.Equal(1920, pages[2].Granule);
        var packets = OggReader.Packets(pages);
        Assert.Equal(3, packets.Count);
        Assert.Equal(big, packets[1].Packet);
        Assert.Equal(exact, packets[2].Packet);
        Assert.Equal(0, packets[2].Packet[^1]);
    }

    [Fact]
    public void Ogg_crc_matches_the_reference_check_value()
    {
        Assert.Equal(0x89A1897Fu, OggCrc.Compute("123456789"u8));
        Assert.Equal(OggReader.BitwiseCrc("OggS and some more bytes"u8), OggCrc.Compute("OggS and some more bytes"u8));
    }

    [Fact]
    public void Wav_writer_writes_a_canonical_header()
    {
        using var output = new MemoryStream();
        var written = WavWriter.Write([1, -1, 300], 16000, output);
        var wav = output.ToArray();
        Assert.Equal(50, written);
        Assert.Equal(50, wav.Length);
        Assert.True(wav.AsSpan(0, 4).SequenceEqual("RIFF"u8));
        Assert.Equal(16000, BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(24)));
        Assert.Equal(6, BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(40)));
        Assert.Equal(300, BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(48)));
    }

    /// <summary>An MPEG audio layer III frame header.</summary>
    private sealed record Mp3Frame(int SampleRate, int SamplesPerFrame, int Length, bool Mono, int SideInfoLength)
    {
        private static readonly int[] Mpeg1Bitrates = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
        private static readonly int[] Mpeg2Bitrates = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];

        public static Mp3Frame Parse(byte[] data, int offset)
        {
            Assert.True(offset + 4 <= data.Length);
            Assert.True(data[offset] == 0xFF && (data[offset + 1] & 0xE0) == 0xE0, $"no frame sync at {offset}");
            var version = (data[offset + 1] >> 3) & 3; // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5
            Assert.NotEqual(1, version);
            Assert.Equal(1, (data[offset + 1] >> 1) & 3); // layer III
            var bitrateIndex = data[offset + 2] >> 4;
            var rateIndex = (data[offset + 2] >> 2) & 3;
            Assert.InRange(bitrateIndex, 1, 14);
            Assert.InRange(rateIndex, 0, 2);
            var padding = (data[offset + 2] >> 1) & 1;
            var mono = (data[offset + 3] >> 6) == 3;
            int[] rates = version switch { 3 => [44100, 48000, 32000], 2 => [22050, 24000, 16000], _ => [11025, 12000, 8000] };
            var sampleRate = rates[rateIndex];
            var mpeg1 = version == 3;
            var bitrate = (mpeg1 ? Mpeg1Bitrates : Mpeg2Bitrates)[bitrateIndex] * 1000;
            var length = ((mpeg1 ? 144 : 72) * bitrate / sampleRate) + padding;
            var sideInfo = mpeg1 ? (mono ? 17 : 32) : (mono ? 9 : 17);
            return new Mp3Frame(sampleRate, mpeg1 ? 1152 : 576, length, mono, sideInfo);
        }
    }
}
