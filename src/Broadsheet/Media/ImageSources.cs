namespace Broadsheet.Media;

/// <summary>
/// What a <c>&lt;picture&gt;</c> needs for one image: a WebP and a JPEG <c>srcset</c>, a JPEG fallback
/// <c>src</c>, and the intrinsic size for <c>width</c>/<c>height</c> (so the page does not shift as it loads).
/// </summary>
public sealed record ImageSources(string WebpSrcSet, string JpegSrcSet, string FallbackSrc, int Width, int Height)
{
    public const string UrlPrefix = "/media/";

    /// <summary>The width the fallback <c>src</c> aims for: sharp in an article column, small enough for old browsers on phones.</summary>
    public const int FallbackWidth = 960;

    public static ImageSources For(Image image) =>
        new(image.SrcSet(RenditionMaker.Webp), image.SrcSet(RenditionMaker.Jpeg), FallbackUrl(image), image.Width, image.Height);

    /// <summary>The public URL of a rendition (or any path relative to the media folder).</summary>
    public static string UrlOf(string relativePath) => UrlPrefix + relativePath;

    private static string FallbackUrl(Image image)
    {
        var candidates = image.Renditions.Where(r => r.Format == RenditionMaker.Jpeg).ToList();
        if (candidates.Count == 0)
        {
            candidates = image.Renditions;
        }
        var best = candidates.Where(r => r.Width <= FallbackWidth).MaxBy(r => r.Width) ?? candidates.MinBy(r => r.Width);
        return best is null ? "" : UrlOf(best.Path);
    }
}

public static class ImageSrcSet
{
    /// <summary><c>"/media/{id}/320.webp 320w, /media/{id}/640.webp 640w, ..."</c> for one format (<c>webp</c> or <c>jpeg</c>).</summary>
    public static string SrcSet(this Image image, string format) =>
        string.Join(", ", image.Renditions
            .Where(r => r.Format == format)
            .OrderBy(r => r.Width)
            .Select(r => $"{ImageSources.UrlOf(r.Path)} {r.Width}w"));
}
