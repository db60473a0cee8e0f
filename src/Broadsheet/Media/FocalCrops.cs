using Microsoft.Extensions.Options;

namespace Broadsheet.Media;

/// <summary>
/// Makes an image's <see cref="CardCrops"/> again from its original when an editor moves the focal point. The old
/// crops' files stay, since pages cached by browsers and CDNs still name them: they are listed in the folder's
/// <see cref="MediaSweep.SupersededList"/>, and <see cref="MediaSweep"/> removes them once that list is old enough.
/// </summary>
public sealed class FocalCrops(IOptions<BroadsheetOptions> options, ImageWorkSlots slots)
{
    /// <summary>Makes the crops for <paramref name="image"/>'s focal point and replaces any earlier ones in its renditions (the caller saves the row).</summary>
    public async Task MakeAsync(Image image, CancellationToken ct)
    {
        var media = options.Value.MediaPath;
        var bytes = await File.ReadAllBytesAsync(Path.Combine(media, image.OriginalPath), ct);
        var old = image.Renditions.Where(CardCrops.IsCrop).ToList();
        List<Rendition> made;
        // Made in a staging folder of their own and moved into the image's folder whole: a process killed halfway
        // leaves only the staging folder, which MediaSweep removes.
        var staging = Path.Combine(media, ImageLibrary.StagingFolder, Guid.NewGuid().ToString());
        await slots.WaitAsync(ct);
        try
        {
            Directory.CreateDirectory(staging);
            using (var decoded = DecodedImage.Decode(bytes, options.Value.Media.MaxPixels, int.MaxValue))
            {
                made = CardCrops.Make(decoded.Bitmap, decoded.Opaque, image.FocalX, image.FocalY, options.Value.Media.JpegQuality,
                    image.Id.ToString(), staging, flush: true);
            }
            foreach (var crop in made)
            {
                File.Move(Path.Combine(staging, Path.GetFileName(crop.Path)), Path.Combine(media, crop.Path), overwrite: true);
            }
        }
        finally
        {
            slots.Release();
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
        image.Renditions = [.. image.Renditions.Where(r => !CardCrops.IsCrop(r)), .. made];
        var superseded = old.Where(o => made.All(m => m.Path != o.Path)).Select(o => o.Path).ToList();
        if (superseded.Count > 0)
        {
            await File.AppendAllLinesAsync(Path.Combine(media, image.Id.ToString(), MediaSweep.SupersededList), superseded, ct);
        }
    }
}
