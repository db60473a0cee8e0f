using Broadsheet.Data;
using Broadsheet.Media;
using Microsoft.Extensions.Options;

namespace Broadsheet.Newsroom.Images;

/// <summary>Makes an image's <see cref="CardCrops"/> again from its original when an editor moves the focal point.</summary>
public sealed class FocalCrops(IOptions<BroadsheetOptions> options, ImageWorkSlots slots)
{
    /// <summary>Makes the crops for <paramref name="image"/>'s focal point and replaces any earlier ones in its renditions (the caller saves the row).</summary>
    public async Task MakeAsync(Image image, CancellationToken ct)
    {
        var media = options.Value.MediaPath;
        var bytes = await File.ReadAllBytesAsync(Path.Combine(media, image.OriginalPath), ct);
        var old = image.Renditions.Where(CardCrops.IsCrop).ToList();
        List<Rendition> made;
        await slots.WaitAsync(ct);
        try
        {
            using var decoded = DecodedImage.Decode(bytes, options.Value.Media.MaxPixels, int.MaxValue);
            made = CardCrops.Make(decoded.Bitmap, decoded.Opaque, image.FocalX, image.FocalY, options.Value.Media.JpegQuality,
                image.Id.ToString(), Path.Combine(media, image.Id.ToString()), flush: true);
        }
        finally
        {
            slots.Release();
        }
        image.Renditions = [.. image.Renditions.Where(r => !CardCrops.IsCrop(r)), .. made];
        foreach (var stale in old.Where(o => made.All(m => m.Path != o.Path)))
        {
            File.Delete(Path.Combine(media, stale.Path));
        }
    }
}
