using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Broadsheet.Listen;

/// <summary>
/// The podcast's square cover (Apple asks for 1400–3000 px, RGB PNG or JPEG): the publication's name set on a plain
/// field, drawn once per name and kept in memory. Its URL carries a hash of what it shows, so it can be cached forever.
/// </summary>
public sealed class PodcastArtwork(IOptions<ListenOptions> options)
{
    private static readonly string[] FontFiles =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    ];

    private readonly ConcurrentDictionary<string, Lazy<byte[]>> drawn = new(StringComparer.Ordinal);
    private readonly int size = options.Value.Podcast.ArtworkSize;

    /// <summary>The key naming the artwork for <paramref name="title"/> (part of its URL).</summary>
    public string KeyFor(string title) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{size}\n{title}")))[..16];

    public string PathFor(string title) => $"/listen/artwork/{KeyFor(title)}.png";

    /// <summary>Draws (once) and returns the PNG for <paramref name="title"/>.</summary>
    public byte[] Png(string title) => drawn.GetOrAdd(KeyFor(title), _ => new Lazy<byte[]>(() => Draw(title, size))).Value;

    /// <summary>The PNG already drawn under <paramref name="key"/>, if any.</summary>
    public byte[]? Find(string key) => drawn.TryGetValue(key, out var png) ? png.Value : null;

    internal static byte[] Draw(string title, int size)
    {
        var info = new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(new SKColor(0x0b, 0x4f, 0x8a));

        using var band = new SKPaint { Color = new SKColor(0xff, 0xd2, 0x3f), IsAntialias = true };
        canvas.DrawRect(new SKRect(0, size * 0.78f, size, size * 0.80f), band);

        // Sound waves: a row of bars whose heights follow a fixed pattern.
        using var bars = new SKPaint { Color = SKColors.White, IsAntialias = true };
        var heights = new[] { 0.3f, 0.55f, 0.8f, 0.5f, 1f, 0.65f, 0.4f, 0.75f, 0.35f };
        var barWidth = size * 0.045f;
        var gap = size * 0.03f;
        var left = (size - (heights.Length * barWidth) - ((heights.Length - 1) * gap)) / 2;
        for (var i = 0; i < heights.Length; i++)
        {
            var h = heights[i] * size * 0.22f;
            var x = left + (i * (barWidth + gap));
            canvas.DrawRoundRect(new SKRect(x, (size * 0.30f) - (h / 2), x + barWidth, (size * 0.30f) + (h / 2)), barWidth / 2, barWidth / 2, bars);
        }

        var fontFile = FontFiles.FirstOrDefault(File.Exists);
        using var typeface = fontFile is null ? SKTypeface.Default : SKTypeface.FromFile(fontFile);
        using var text = new SKPaint { Color = SKColors.White, IsAntialias = true };
        var lines = Wrap(title, 16);
        var fontSize = size * (lines.Count > 2 ? 0.075f : 0.1f);
        using var font = new SKFont(typeface, fontSize);
        var y = (size * 0.58f) - ((lines.Count - 1) * fontSize * 0.6f);
        foreach (var line in lines)
        {
            canvas.DrawText(line, size / 2f, y, SKTextAlign.Center, font, text);
            y += fontSize * 1.2f;
        }
        using var listen = new SKFont(typeface, size * 0.05f);
        canvas.DrawText("LISTEN", size / 2f, size * 0.9f, SKTextAlign.Center, listen, text);

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static List<string> Wrap(string title, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in title.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }
            line.Append(line.Length > 0 ? " " : "").Append(word);
        }
        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }
        return lines.Count > 0 ? lines.Take(4).ToList() : [""];
    }
}
