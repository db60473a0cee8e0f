namespace Broadsheet.Media;

/// <summary>An uploaded original with its renditions. Caption and credit are defaults; each use may override them.</summary>
public sealed class Image
{
    public Guid Id { get; set; }
    public required string OriginalPath { get; set; }
    public required string ContentType { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public required string Alt { get; set; }
    public string? Caption { get; set; }
    public string? Credit { get; set; }

    /// <summary>Focal point as fractions of width and height, used when cropping renditions.</summary>
    public float FocalX { get; set; } = 0.5f;
    public float FocalY { get; set; } = 0.5f;
    public List<Rendition> Renditions { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A resized copy in one format, stored under the media folder at <see cref="Path"/> (relative).</summary>
public sealed record Rendition(int Width, int Height, string Format, string Path, long Bytes);
