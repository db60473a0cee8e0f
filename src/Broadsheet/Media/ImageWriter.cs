using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Media;

/// <summary>A new image for the library: the file and what readers are told about it.</summary>
public sealed record ImageUpload
{
    /// <summary>The file's bytes; null when no file was sent.</summary>
    public Stream? Content { get; init; }

    public string? FileName { get; init; }

    public string? Alt { get; init; }

    /// <summary>Read from the file's IPTC/XMP/EXIF metadata when absent.</summary>
    public string? Caption { get; init; }

    /// <summary>Read from the file's IPTC/XMP/EXIF metadata when absent.</summary>
    public string? Credit { get; init; }
}

/// <summary>An edit of a library image. Caption and credit are replaced (absent clears them); the focal point is kept when absent.</summary>
public sealed record ImageEdit
{
    public string? Alt { get; init; }

    public string? Caption { get; init; }

    public string? Credit { get; init; }

    /// <summary>The focal point's distance from the left edge, in percent of the width (0 to 100).</summary>
    public double? FocalX { get; init; }

    /// <summary>The focal point's distance from the top edge, in percent of the height (0 to 100).</summary>
    public double? FocalY { get; init; }
}

/// <summary>
/// What else shows library images. Media knows nothing of articles or ads: the folders that use images register one
/// of these, and <see cref="ImageWriter"/> asks them before deleting an image (the pages showing a changed image are
/// evicted by <c>Articles.ContentChanges</c>, which sees the image's row change).
/// </summary>
public interface IImageDependents
{
    /// <summary>Why the image cannot be deleted (e.g. "it is an article's hero image"), or null when nothing here uses it.</summary>
    Task<string?> UseOfAsync(Guid imageId, CancellationToken ct);
}

/// <summary>
/// The one way library images are uploaded, edited (alt text, caption, credit, focal point and crops) and deleted.
/// Errors are keyed <c>file</c>, <c>alt</c>, <c>caption</c>, <c>credit</c>, <c>focalX</c> and <c>focalY</c>.
/// </summary>
public sealed class ImageWriter(BroadsheetDb db, ImageLibrary library, FocalCrops crops, IEnumerable<IImageDependents> dependents)
{
    /// <summary>Stores the file with its renditions and saves the image.</summary>
    public async Task<WriteResult<Image>> UploadAsync(ImageUpload upload, ImportSettings? settings = null, CancellationToken ct = default)
    {
        var prepared = await PrepareAsync(upload, settings, ct);
        if (!prepared.Succeeded)
        {
            return prepared;
        }
        var image = prepared.Value!;
        try
        {
            db.Images.Add(image);
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            db.Entry(image).State = EntityState.Detached;
            library.DeleteFiles(image.Id);
            throw;
        }
        return WriteResult.Created(image);
    }

    /// <summary>
    /// Validates the upload and puts its files in place without saving the row, for a caller that saves the image
    /// with something else in one go; it adds the image to the context and calls <see cref="Discard"/> if that save fails.
    /// </summary>
    public async Task<WriteResult<Image>> PrepareAsync(ImageUpload upload, ImportSettings? settings = null, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        if (upload.Content is null)
        {
            errors.Add("file", "Choose an image file to upload.");
        }
        CheckText(upload.Alt, upload.Caption, upload.Credit, errors);
        if (!errors.IsEmpty)
        {
            return WriteResult.Invalid<Image>(errors);
        }
        try
        {
            var image = await library.PrepareAsync(upload.Content!, upload.FileName ?? "", upload.Alt!, InputText.Trimmed(upload.Caption), InputText.Trimmed(upload.Credit),
                settings ?? ImportSettings.Default, ct);
            return WriteResult.Created(image);
        }
        catch (ImageRejectedException rejected)
        {
            return WriteResult.Invalid<Image>(rejected.Field, rejected.Message);
        }
    }

    /// <summary>Removes the files of a prepared image whose row could not be saved.</summary>
    public void Discard(Image image) => library.DeleteFiles(image.Id);

    public async Task<WriteResult<Image>> UpdateAsync(Guid id, ImageEdit edit, CancellationToken ct = default)
    {
        if (await db.Images.FirstOrDefaultAsync(i => i.Id == id, ct) is not { } image)
        {
            return WriteResult.NotFound<Image>($"No image {id}.");
        }
        var errors = new ValidationErrors();
        CheckText(edit.Alt, edit.Caption, edit.Credit, errors);
        CheckPercent(edit.FocalX, "focalX", errors);
        CheckPercent(edit.FocalY, "focalY", errors);
        if (!errors.IsEmpty)
        {
            return WriteResult.Invalid<Image>(errors);
        }
        image.Alt = edit.Alt!.Trim();
        image.Caption = InputText.Trimmed(edit.Caption);
        image.Credit = InputText.Trimmed(edit.Credit);
        var focalX = edit.FocalX is { } x ? (float)(x / 100) : image.FocalX;
        var focalY = edit.FocalY is { } y ? (float)(y / 100) : image.FocalY;
        // An edit that names a focal point also makes any crops the image lacks; one that does not leaves them be.
        var aimed = edit.FocalX is not null || edit.FocalY is not null;
        if (Math.Abs(focalX - image.FocalX) > 0.0005 || Math.Abs(focalY - image.FocalY) > 0.0005 || (aimed && !CardCrops.AreComplete(image)))
        {
            image.FocalX = focalX;
            image.FocalY = focalY;
            await crops.MakeAsync(image, ct);
        }
        await db.SaveChangesAsync(ct);
        return WriteResult.Ok(image);
    }

    /// <summary>Deletes an image nothing uses, with its files.</summary>
    public async Task<WriteResult<Image>> DeleteAsync(Guid id, CancellationToken ct = default)
    {
        if (await db.Images.FirstOrDefaultAsync(i => i.Id == id, ct) is not { } image)
        {
            return WriteResult.NotFound<Image>($"No image {id}.");
        }
        if (await DeleteBlockedByAsync(id, ct) is { } reason)
        {
            return WriteResult.Conflict<Image>(reason);
        }
        db.Images.Remove(image);
        await db.SaveChangesAsync(ct);
        library.DeleteFiles(id);
        return WriteResult.Ok(image);
    }

    /// <summary>Why the image cannot be deleted, or null when nothing uses it.</summary>
    public async Task<string?> DeleteBlockedByAsync(Guid id, CancellationToken ct = default)
    {
        foreach (var dependent in dependents)
        {
            if (await dependent.UseOfAsync(id, ct) is { } use)
            {
                return $"This image is in use: {use}.";
            }
        }
        return null;
    }

    private static void CheckText(string? alt, string? caption, string? credit, ValidationErrors errors)
    {
        if (ImageLibrary.AltError(alt) is { } altError)
        {
            errors.Add("alt", altError);
        }
        errors.CheckLength(InputText.Trimmed(caption), "caption", ImageLibrary.MaxCaptionLength, $"Keep the caption to {ImageLibrary.MaxCaptionLength} characters or fewer.");
        errors.CheckLength(InputText.Trimmed(credit), "credit", ImageLibrary.MaxCreditLength, $"Keep the credit to {ImageLibrary.MaxCreditLength} characters or fewer.");
    }

    private static void CheckPercent(double? value, string field, ValidationErrors errors)
    {
        if (value is { } v && (double.IsNaN(v) || v is < 0 or > 100))
        {
            errors.Add(field, "Enter a percentage from 0 to 100.");
        }
    }
}
