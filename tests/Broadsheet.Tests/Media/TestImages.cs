using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Broadsheet.Tests.Media;

/// <summary>Builds real image files for the tests: encoded by SkiaSharp, with metadata segments written by hand.</summary>
internal static class TestImages
{
    /// <summary>Left half red, right half blue, so orientation and cropping show in the pixels.</summary>
    public static byte[] Encode(int width, int height, SKEncodedImageFormat format = SKEncodedImageFormat.Jpeg, bool transparent = false)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, transparent ? SKAlphaType.Premul : SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(transparent ? SKColors.Transparent : SKColors.White);
            using var red = new SKPaint { Color = SKColors.Red };
            using var blue = new SKPaint { Color = SKColors.Blue };
            canvas.DrawRect(0, 0, width / 2f, height, red);
            canvas.DrawRect(width / 2f, 0, width - width / 2f, transparent ? height / 2f : height, blue);
        }
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>A JPEG with an EXIF APP1 segment carrying only the orientation tag.</summary>
    public static byte[] WithExifOrientation(byte[] jpeg, ushort orientation)
    {
        var tiff = new List<byte>();
        tiff.AddRange("MM\0*"u8.ToArray());
        tiff.AddRange(BigEndian32(8));
        tiff.AddRange(BigEndian16(1));
        tiff.AddRange(BigEndian16(0x0112));
        tiff.AddRange(BigEndian16(3));
        tiff.AddRange(BigEndian32(1));
        tiff.AddRange(BigEndian16(orientation));
        tiff.AddRange(BigEndian16(0));
        tiff.AddRange(BigEndian32(0));
        return InsertSegment(jpeg, 0xE1, [.. "Exif\0\0"u8.ToArray(), .. tiff]);
    }

    /// <summary>A JPEG with a Photoshop APP13 segment holding IPTC caption, by-line and credit in UTF-8.</summary>
    public static byte[] WithIptc(byte[] jpeg, string? caption, string? byline, string? credit, string? copyright = null)
    {
        var iptc = new List<byte>();
        // 1:90 coded character set "ESC % G" says the text is UTF-8.
        iptc.AddRange(IptcDataset(1, 90, [0x1B, 0x25, 0x47]));
        if (byline is not null)
        {
            iptc.AddRange(IptcDataset(2, 80, Encoding.UTF8.GetBytes(byline)));
        }
        if (credit is not null)
        {
            iptc.AddRange(IptcDataset(2, 110, Encoding.UTF8.GetBytes(credit)));
        }
        if (copyright is not null)
        {
            iptc.AddRange(IptcDataset(2, 116, Encoding.UTF8.GetBytes(copyright)));
        }
        if (caption is not null)
        {
            iptc.AddRange(IptcDataset(2, 120, Encoding.UTF8.GetBytes(caption)));
        }
        var resource = new List<byte>();
        resource.AddRange("8BIM"u8.ToArray());
        resource.AddRange(BigEndian16(0x0404));
        resource.AddRange([0, 0]);
        resource.AddRange(BigEndian32(iptc.Count));
        resource.AddRange(iptc);
        if (iptc.Count % 2 == 1)
        {
            resource.Add(0);
        }
        return InsertSegment(jpeg, 0xED, [.. "Photoshop 3.0\0"u8.ToArray(), .. resource]);
    }

    /// <summary>A PNG whose header claims the given size; its pixel data is for a far smaller image.</summary>
    public static byte[] PngClaiming(int width, int height)
    {
        var png = Encode(8, 8, SKEncodedImageFormat.Png);
        // IHDR is the first chunk: 8-byte signature, 4-byte length, "IHDR", then width and height.
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        var crc = Crc32(png.AsSpan(12, 4 + 13));
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(12 + 4 + 13), crc);
        return png;
    }

    private static byte[] InsertSegment(byte[] jpeg, byte marker, byte[] payload)
    {
        if (jpeg[0] != 0xFF || jpeg[1] != 0xD8)
        {
            throw new ArgumentException("Not a JPEG", nameof(jpeg));
        }
        // After SOI and any JFIF APP0, where readers expect application segments.
        var at = 2;
        if (jpeg[2] == 0xFF && jpeg[3] == 0xE0)
        {
            at = 4 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(4));
        }
        var segment = new List<byte> { 0xFF, marker };
        segment.AddRange(BigEndian16(payload.Length + 2));
        segment.AddRange(payload);
        return [.. jpeg.AsSpan(0, at), .. segment, .. jpeg.AsSpan(at)];
    }

    private static byte[] IptcDataset(byte record, byte dataset, byte[] data) =>
        [0x1C, record, dataset, .. BigEndian16(data.Length), .. data];

    private static byte[] BigEndian16(int value) => [(byte)(value >> 8), (byte)value];

    private static byte[] BigEndian32(int value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
