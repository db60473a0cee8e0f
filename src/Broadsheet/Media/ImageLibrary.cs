namespace Broadsheet.Media;

/// <summary>Stores uploaded images: validates, keeps the original, makes renditions, records the <see cref="Image"/>.</summary>
public sealed class ImageLibrary
{
    // CONTRACT (to be implemented by the Media owner): validates the upload (size, real image type),
    // stores the original under {MediaPath}/{id}/, makes WebP and JPEG renditions at several widths with
    // SkiaSharp, saves the Image row and returns it. Throws ImageRejectedException with a reader-facing
    // message for bad input.
    public Task<Image> ImportAsync(Stream content, string fileName, string alt, string? caption, string? credit, CancellationToken ct = default) =>
        throw new NotImplementedException();
}

/// <summary>An upload that is not an acceptable image: too large, not an image, or undecodable.</summary>
public sealed class ImageRejectedException(string message) : Exception(message);
