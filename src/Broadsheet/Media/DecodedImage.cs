using SkiaSharp;

namespace Broadsheet.Media;

/// <summary>A format we accept for upload, known from the file's content, never from its name.</summary>
public sealed record ImageFormat(string Extension, string ContentType)
{
    public static ImageFormat? Of(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Jpeg => new("jpg", "image/jpeg"),
        SKEncodedImageFormat.Png => new("png", "image/png"),
        SKEncodedImageFormat.Webp => new("webp", "image/webp"),
        SKEncodedImageFormat.Gif => new("gif", "image/gif"),
        SKEncodedImageFormat.Avif => new("avif", "image/avif"),
        _ => null,
    };
}

/// <summary>
/// An upload decoded into upright sRGB pixels. <see cref="Width"/> and <see cref="Height"/> are the original's,
/// after EXIF orientation; <see cref="Bitmap"/> may be smaller when the largest rendition needs no more.
/// </summary>
internal sealed class DecodedImage : IDisposable
{
    private DecodedImage(ImageFormat format, int width, int height, SKBitmap bitmap, bool opaque)
    {
        Format = format;
        Width = width;
        Height = height;
        Bitmap = bitmap;
        Opaque = opaque;
    }

    public ImageFormat Format { get; }
    public int Width { get; }
    public int Height { get; }
    public SKBitmap Bitmap { get; }
    public bool Opaque { get; }

    public static DecodedImage Decode(byte[] bytes, long maxPixels, int largestWidthNeeded)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data)
            ?? throw new ImageRejectedException("The file is not an image we can read. Upload a JPEG, PNG, WebP or GIF.");
        var format = ImageFormat.Of(codec.EncodedFormat)
            ?? throw new ImageRejectedException($"{codec.EncodedFormat} images are not accepted. Upload a JPEG, PNG, WebP or GIF.");

        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0)
        {
            throw new ImageRejectedException("The image has no pixels.");
        }
        var pixels = (long)info.Width * info.Height;
        if (pixels > maxPixels)
        {
            throw new ImageRejectedException(
                $"The image is {info.Width} × {info.Height} pixels ({pixels / 1e6:0.#} megapixels); the limit is {maxPixels / 1e6:0.#} megapixels.");
        }

        var origin = codec.EncodedOrigin;
        var swapsAxes = SwapsAxes(origin);
        var uprightWidth = swapsAxes ? info.Height : info.Width;
        var uprightHeight = swapsAxes ? info.Width : info.Height;
        var opaque = info.AlphaType == SKAlphaType.Opaque;

        var bitmap = DecodePixels(codec, uprightWidth, largestWidthNeeded, swapsAxes, opaque);
        if (origin is SKEncodedOrigin.TopLeft)
        {
            return new DecodedImage(format, uprightWidth, uprightHeight, bitmap, opaque);
        }
        using (bitmap)
        {
            return new DecodedImage(format, uprightWidth, uprightHeight, Upright(bitmap, origin), opaque);
        }
    }

    public void Dispose() => Bitmap.Dispose();

    private static SKBitmap DecodePixels(SKCodec codec, int uprightWidth, int largestWidthNeeded, bool swapsAxes, bool opaque)
    {
        // JPEG decodes at 1/2, 1/4, 1/8 for almost nothing: a 40 MP photo never needs 160 MB of pixels for a 1920 rendition.
        var size = codec.Info.Size;
        if (largestWidthNeeded < uprightWidth)
        {
            var scaled = codec.GetScaledDimensions((float)largestWidthNeeded / uprightWidth);
            var scaledUprightWidth = swapsAxes ? scaled.Height : scaled.Width;
            if (scaledUprightWidth >= largestWidthNeeded && scaled.Width < size.Width)
            {
                size = scaled;
            }
        }
        var result = TryDecode(codec, size, opaque, out var bitmap);
        if (result == SKCodecResult.InvalidScale && size != codec.Info.Size)
        {
            bitmap?.Dispose();
            result = TryDecode(codec, codec.Info.Size, opaque, out bitmap);
        }
        if (result != SKCodecResult.Success || bitmap is null)
        {
            bitmap?.Dispose();
            throw new ImageRejectedException(result == SKCodecResult.IncompleteInput
                ? "The image file is incomplete (it may have been cut off while uploading). Upload it again."
                : "The image file is damaged and cannot be decoded.");
        }
        return bitmap;
    }

    private static SKCodecResult TryDecode(SKCodec codec, SKSizeI size, bool opaque, out SKBitmap? bitmap)
    {
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888,
            opaque ? SKAlphaType.Opaque : SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        bitmap = new SKBitmap(info);
        return codec.GetPixels(info, bitmap.GetPixels());
    }

    private static bool SwapsAxes(SKEncodedOrigin origin) =>
        origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    /// <summary>Applies the EXIF orientation, so renditions are upright and carry no orientation tag.</summary>
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        var swaps = SwapsAxes(origin);
        float w = swaps ? source.Height : source.Width;
        float h = swaps ? source.Width : source.Height;
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, w, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, w, -1, 0, h, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, h, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
        var upright = new SKBitmap(source.Info.WithSize((int)w, (int)h));
        using var canvas = new SKCanvas(upright);
        canvas.Clear(SKColors.Transparent);
        canvas.SetMatrix(matrix);
        canvas.DrawBitmap(source, 0, 0, SKSamplingOptions.Default, null);
        return upright;
    }
}
