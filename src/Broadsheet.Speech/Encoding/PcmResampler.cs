using Concentus;

namespace Broadsheet.Speech;

/// <summary>Sample-rate conversion of mono PCM with Concentus's Speex resampler, keeping the output time-aligned.</summary>
internal static class PcmResampler
{
    /// <summary>Resamples to <paramref name="outRate"/>. The result has round(n·out/in) samples and no added delay.</summary>
    public static short[] Resample(short[] samples, int inRate, int outRate, int quality = 5)
    {
        if (inRate == outRate)
        {
            return samples;
        }

        var expected = (int)Math.Round((long)samples.Length * (double)outRate / inRate);
        if (samples.Length == 0)
        {
            return [];
        }

        var resampler = ResamplerFactory.CreateResampler(1, inRate, outRate, quality, null);
        // Without this the output starts with the filter's latency worth of zeros.
        resampler.SkipZeroes();

        // Trailing zeros flush the filter tail so the last input samples come out.
        var tail = Math.Max(inRate / 50, 512);
        var input = new short[samples.Length + tail];
        samples.CopyTo(input, 0);
        var output = new short[expected + (int)((long)tail * outRate / inRate) + 1024];

        var consumed = 0;
        var produced = 0;
        while (consumed < input.Length && produced < output.Length)
        {
            var inLen = input.Length - consumed;
            var outLen = output.Length - produced;
            resampler.Process(0, input.AsSpan(consumed), ref inLen, output.AsSpan(produced), ref outLen);
            if (inLen == 0 && outLen == 0)
            {
                break;
            }

            consumed += inLen;
            produced += outLen;
        }

        var result = new short[expected];
        output.AsSpan(0, Math.Min(produced, expected)).CopyTo(result);
        return result;
    }
}
