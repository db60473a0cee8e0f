using System.Globalization;
using Broadsheet.Data;
using Broadsheet.Media;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Broadsheet.Newsroom.Images;

/// <summary>
/// Card crops that keep the image's focal point in frame: a 16:9 and a square JPEG, made from the original
/// whenever the focal point is set, recorded among the image's renditions with the formats
/// <see cref="Wide"/> and <see cref="Square"/> (the reader's srcsets read only <c>webp</c> and <c>jpeg</c>, so
/// they are unaffected). The file name carries the focal point, so a new crop never hides behind a cached old one.
/// </summary>
public sealed class FocalCrops(IOptions<BroadsheetOptions> options, ImageWorkSlots slots)
{
    public const string Wide = "jpeg-16x9";
    public const string Square = "jpeg-1x1";
    public const int Width = 640;

    /// <summary>The crop rectangle of the given aspect ratio, as large as fits, centred as near the focal point as the edges allow.</summary>
    public static SKRectI CropFor(int width, int height, float focalX, float focalY, double aspect)
    {
        var cropWidth = Math.Min(width, (int)Math.Round(height * aspect));
        var cropHeight = Math.Min(height, (int)Math.Round(cropWidth / aspect));
        var left = (int)Math.Round((focalX * width) - (cropWidth / 2.0));
        var top = (int)Math.Round((focalY * height) - (cropHeight / 2.0));
        left = Math.Clamp(left, 0, width - cropWidth);
        top = Math.Clamp(top, 0, height - cropHeight);
        return new SKRectI(left, top, left + cropWidth, top + cropHeight);
    }

    /// <summary>Makes both crops for <paramref name="image"/> and replaces any earlier ones in its renditions (the caller saves the row).</summary>
    public async Task MakeAsync(Image image, CancellationToken ct)
    {
        var media = options.Value.MediaPath;
        var bytes = await File.ReadAllBytesAsync(Path.Combine(media, image.OriginalPath), ct);
        var old = image.Renditions.Where(r => r.Format is Wide or Square).ToList();
        var made = new List<Rendition>();
        await slots.WaitAsync(ct);
        try
        {
            using var decoded = DecodedImage.Decode(bytes, options.Value.Media.MaxPixels, int.MaxValue);
            var focus = string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Round(image.FocalX * 1000):0000}{(int)Math.Round(image.FocalY * 1000):0000}");
            foreach (var (format, aspect, name) in new[] { (Wide, 16.0 / 9, "16x9"), (Square, 1.0, "1x1") })
            {
                var crop = CropFor(decoded.Width, decoded.Height, image.FocalX, image.FocalY, aspect);
                var width = Math.Min(Width, crop.Width);
                var height = Math.Max(1, (int)Math.Round(width / aspect));
                using var target = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
                using (var canvas = new SKCanvas(target))
                {
                    canvas.Clear(SKColors.White);
                    using var source = SKImage.FromBitmap(decoded.Bitmap);
                    canvas.DrawImage(source, crop, new SKRect(0, 0, width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
                }
                using var data = target.Encode(SKEncodedImageFormat.Jpeg, options.Value.Media.JpegQuality);
                var path = $"{image.Id}/card-{name}-{focus}.jpg";
                await File.WriteAllBytesAsync(Path.Combine(media, path), data.ToArray(), ct);
                made.Add(new Rendition(width, height, format, path, data.Size));
            }
        }
        finally
        {
            slots.Release();
        }
        image.Renditions = [.. image.Renditions.Where(r => r.Format is not (Wide or Square)), .. made];
        foreach (var stale in old.Where(o => made.All(m => m.Path != o.Path)))
        {
            File.Delete(Path.Combine(media, stale.Path));
        }
    }
}
