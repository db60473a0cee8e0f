using System.Globalization;
using SkiaSharp;

namespace Broadsheet.Media;

/// <summary>
/// Crops that keep an image's focal point in frame, for listings and structured data: a 16:9 JPEG and square JPEGs
/// (a small one for list thumbnails, a large one for search engines). They are recorded among the image's renditions
/// with the formats <see cref="Wide"/> and <see cref="Square"/> (the reader's article srcsets read only <c>webp</c> and
/// <c>jpeg</c>, so they are unaffected). Made at import from the focal point given then (the centre by default), and
/// again whenever an editor moves it; the file name carries the focal point, so a new crop never hides behind a cached old one.
/// </summary>
public static class CardCrops
{
    public const string Wide = "jpeg-16x9";
    public const string Square = "jpeg-1x1";

    /// <summary>Widths made per crop; never wider than the crop itself.</summary>
    public static readonly IReadOnlyList<(string Format, double Aspect, string Name, int[] Widths)> Shapes =
    [
        (Wide, 16.0 / 9, "16x9", [640]),
        (Square, 1.0, "1x1", [ThumbnailWidth, 640]),
    ];

    public static bool IsCrop(Rendition rendition) => rendition.Format is Wide or Square;

    /// <summary>True when the image has every shape, the small list thumbnail included (images imported before it existed lack it).</summary>
    public static bool AreComplete(Image image) =>
        image.Renditions.Any(r => r.Format == Wide) && image.Renditions.Any(r => r.Format == Square && r.Width <= ThumbnailWidth);

    /// <summary>The width of the square made for list thumbnails.</summary>
    public const int ThumbnailWidth = 160;

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

    /// <summary>
    /// Writes every crop of <paramref name="source"/> (upright pixels of the whole image, at any scale) into
    /// <paramref name="folder"/>, a staging folder nobody serves, and returns them with paths relative to the media
    /// root as they will be once moved into the image's folder (<c>{id}/card-…</c>).
    /// </summary>
    internal static List<Rendition> Make(SKBitmap source, bool opaque, float focalX, float focalY, int jpegQuality, string id, string folder, bool flush)
    {
        var focus = string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Round(focalX * 1000):0000}{(int)Math.Round(focalY * 1000):0000}");
        var made = new List<Rendition>();
        foreach (var (format, aspect, name, widths) in Shapes)
        {
            var rect = CropFor(source.Width, source.Height, focalX, focalY, aspect);
            using var cropped = new SKBitmap();
            if (!source.ExtractSubset(cropped, rect))
            {
                throw new InvalidOperationException($"Could not crop {rect} from a {source.Width}x{source.Height} image.");
            }
            foreach (var width in widths.Select(w => Math.Min(w, rect.Width)).Distinct())
            {
                var height = Math.Max(1, (int)Math.Round(width / aspect));
                var resized = RenditionMaker.Resize(cropped, width, height);
                try
                {
                    made.Add(RenditionMaker.WriteJpeg(resized, opaque, jpegQuality, format, $"card-{name}-{width}-{focus}.jpg", id, folder, flush));
                }
                finally
                {
                    if (!ReferenceEquals(resized, cropped))
                    {
                        resized.Dispose();
                    }
                }
            }
        }
        return made;
    }
}
