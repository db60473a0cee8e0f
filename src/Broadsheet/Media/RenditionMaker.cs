using SkiaSharp;

namespace Broadsheet.Media;

/// <summary>Resizes a decoded image to each rendition width and encodes WebP and JPEG files.</summary>
internal static class RenditionMaker
{
    public const string Webp = "webp";
    public const string Jpeg = "jpeg";

    private static readonly SKSamplingOptions Cubic = new(SKCubicResampler.Mitchell);

    /// <summary>The widths to make for an image this wide: never wider than the original, always at least one.</summary>
    public static IReadOnlyList<int> WidthsFor(int originalWidth, IReadOnlyList<int> configured)
    {
        var widths = configured.Where(w => w > 0 && w < originalWidth).Distinct().ToList();
        // Between the largest configured width and the original there is detail worth keeping for wide screens.
        if (configured.Count == 0 || originalWidth <= configured.Max())
        {
            widths.Add(originalWidth);
        }
        widths.Sort();
        return widths;
    }

    /// <summary>Writes the renditions into <paramref name="folder"/>; returns them with paths relative to the media root.</summary>
    public static List<Rendition> Make(DecodedImage image, IReadOnlyList<int> configuredWidths, MediaOptions options, string id, string folder, bool flush, CancellationToken ct)
    {
        var renditions = new List<Rendition>();
        SKBitmap current = image.Bitmap;
        try
        {
            // Largest first, each resized from the one before: cubic filtering from a source at most about
            // twice as wide keeps detail without aliasing, and each step is cheaper than starting over.
            foreach (var width in WidthsFor(image.Width, configuredWidths).Reverse())
            {
                ct.ThrowIfCancellationRequested();
                var height = Math.Max(1, (int)Math.Round((double)image.Height * width / image.Width));
                var next = Resize(current, width, height);
                if (!ReferenceEquals(current, image.Bitmap) && !ReferenceEquals(current, next))
                {
                    current.Dispose();
                }
                current = next;

                renditions.Add(Write(current, Webp, $"{width}.webp", id, folder, flush, p => p.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, options.WebpQuality))));
                renditions.Add(WriteJpeg(current, image.Opaque, options.JpegQuality, Jpeg, $"{width}.jpg", id, folder, flush));
            }
        }
        finally
        {
            if (!ReferenceEquals(current, image.Bitmap))
            {
                current.Dispose();
            }
        }
        renditions.Sort((a, b) => a.Width != b.Width ? a.Width.CompareTo(b.Width) : string.CompareOrdinal(a.Format, b.Format));
        return renditions;
    }

    internal static SKBitmap Resize(SKBitmap source, int width, int height)
    {
        if (source.Width == width && source.Height == height)
        {
            return source;
        }
        var current = source;
        // Halving with bilinear sampling averages each 2×2 block exactly; a cubic pass then lands on the final size.
        while (current.Width >= width * 3)
        {
            var half = Scale(current, current.Width / 2, Math.Max(1, current.Height / 2), new SKSamplingOptions(SKFilterMode.Linear));
            if (!ReferenceEquals(current, source))
            {
                current.Dispose();
            }
            current = half;
        }
        var result = Scale(current, width, height, Cubic);
        if (!ReferenceEquals(current, source))
        {
            current.Dispose();
        }
        return result;
    }

    private static SKBitmap Scale(SKBitmap source, int width, int height, SKSamplingOptions sampling)
    {
        var target = new SKBitmap(source.Info.WithSize(width, height));
        if (!source.ScalePixels(target, sampling))
        {
            target.Dispose();
            throw new InvalidOperationException($"Could not scale an image to {width}x{height}.");
        }
        return target;
    }

    private static SKBitmap OnWhite(SKBitmap source)
    {
        var flat = new SKBitmap(source.Info.WithAlphaType(SKAlphaType.Opaque));
        using var canvas = new SKCanvas(flat);
        canvas.Clear(SKColors.White);
        canvas.DrawBitmap(source, 0, 0, SKSamplingOptions.Default, null);
        return flat;
    }

    /// <summary>Writes <paramref name="bitmap"/> as a JPEG named <paramref name="name"/> (transparent areas on white), recorded with <paramref name="format"/>.</summary>
    internal static Rendition WriteJpeg(SKBitmap bitmap, bool opaque, int quality, string format, string name, string id, string folder, bool flush)
    {
        using var flat = opaque ? null : OnWhite(bitmap);
        return Write(flat ?? bitmap, format, name, id, folder, flush,
            p => p.Encode(new SKJpegEncoderOptions(quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore)));
    }

    private static Rendition Write(SKBitmap bitmap, string format, string name, string id, string folder, bool flush, Func<SKPixmap, SKData?> encode)
    {
        using var pixmap = bitmap.PeekPixels();
        using var data = encode(pixmap) ?? throw new InvalidOperationException($"Could not encode a {format} rendition.");
        WriteFile(Path.Combine(folder, name), data.AsSpan(), flush);
        return new Rendition(bitmap.Width, bitmap.Height, format, $"{id}/{name}", data.Size);
    }

    public static void WriteFile(string path, ReadOnlySpan<byte> bytes, bool flush)
    {
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        file.Write(bytes);
        if (flush)
        {
            file.Flush(flushToDisk: true);
        }
    }
}
