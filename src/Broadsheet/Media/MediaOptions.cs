namespace Broadsheet.Media;

/// <summary>Settings under <c>Broadsheet:Media</c>.</summary>
public sealed class MediaOptions
{
    public const long DefaultMaxUploadBytes = 20L * 1024 * 1024;

    public static readonly IReadOnlyList<int> DefaultRenditionWidths = [320, 640, 960, 1280, 1920];

    /// <summary>Largest upload accepted, in bytes.</summary>
    public long MaxUploadBytes { get; set; } = DefaultMaxUploadBytes;

    /// <summary>Largest image accepted, in pixels (width × height): stops decompression bombs before decoding.</summary>
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>
    /// Images decoded and resized at once (uploads, crops); each may hold up to <see cref="MaxPixels"/> × 4 bytes, so this
    /// times that is the ceiling on image memory (2 × 200 MB by default). Others wait their turn.
    /// </summary>
    public int MaxConcurrentDecodes { get; set; } = Math.Clamp(Environment.ProcessorCount, 1, 2);

    /// <summary>Widths of the renditions to make; none wider than the original. Null means <see cref="DefaultRenditionWidths"/>.</summary>
    public int[]? RenditionWidths { get; set; }

    public int JpegQuality { get; set; } = 82;

    public int WebpQuality { get; set; } = 78;

    public IReadOnlyList<int> Widths => RenditionWidths is { Length: > 0 } widths ? widths : DefaultRenditionWidths;

    public IEnumerable<string> Problems()
    {
        if (MaxUploadBytes <= 0)
        {
            yield return "Broadsheet:Media:MaxUploadBytes must be positive.";
        }
        if (MaxPixels <= 0)
        {
            yield return "Broadsheet:Media:MaxPixels must be positive.";
        }
        if (MaxConcurrentDecodes is < 1 or > 64)
        {
            yield return "Broadsheet:Media:MaxConcurrentDecodes must be between 1 and 64.";
        }
        if (Widths.Any(w => w is < 16 or > 8192))
        {
            yield return "Broadsheet:Media:RenditionWidths must each be between 16 and 8192 pixels.";
        }
        if (JpegQuality is < 1 or > 100 || WebpQuality is < 1 or > 100)
        {
            yield return "Broadsheet:Media:JpegQuality and WebpQuality must be between 1 and 100.";
        }
    }
}
