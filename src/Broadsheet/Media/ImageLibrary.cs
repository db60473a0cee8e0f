using Broadsheet.Data;
using Microsoft.Extensions.Options;

namespace Broadsheet.Media;

/// <summary>Choices for one import beyond the required ones.</summary>
/// <param name="Widths">Rendition widths for this image instead of the configured ones (the demo seeds with fewer).</param>
/// <param name="FlushToDisk">Wait for each file to reach the disk before recording it, so a power cut cannot leave an empty
/// rendition behind a saved row. Only generated content that could be made again may skip it.</param>
public sealed record ImportSettings(float FocalX = 0.5f, float FocalY = 0.5f, IReadOnlyList<int>? Widths = null, bool FlushToDisk = true)
{
    public static readonly ImportSettings Default = new();
}

/// <summary>Stores uploaded images: validates, keeps the original, makes renditions, records the <see cref="Image"/>.</summary>
public sealed class ImageLibrary(BroadsheetDb db, IOptions<BroadsheetOptions> options, TimeProvider clock, ImageWorkSlots slots, ILogger<ImageLibrary> logger)
{
    public const int MaxAltLength = 500;
    public const int MaxCaptionLength = 1000;
    public const int MaxCreditLength = 200;

    /// <summary>Where imports write before their folder is moved into place (under the media folder).</summary>
    public const string StagingFolder = ".staging";

    private string MediaPath => options.Value.MediaPath;

    /// <summary>
    /// Validates the upload, stores the original under <c>{MediaPath}/{id}/</c>, makes WebP and JPEG renditions and the
    /// <see cref="CardCrops"/> around the focal point,
    /// saves the <see cref="Image"/> row and returns it. Caption and credit fall back to the file's IPTC/XMP metadata.
    /// Throws <see cref="ImageRejectedException"/> with a reader-facing message for bad input; nothing is left behind on failure.
    /// </summary>
    public Task<Image> ImportAsync(Stream content, string fileName, string alt, string? caption, string? credit, CancellationToken ct = default) =>
        ImportAsync(content, fileName, alt, caption, credit, ImportSettings.Default, ct);

    public async Task<Image> ImportAsync(Stream content, string fileName, string alt, string? caption, string? credit, ImportSettings settings, CancellationToken ct = default)
    {
        var image = await PrepareAsync(content, fileName, alt, caption, credit, settings, ct);
        try
        {
            db.Images.Add(image);
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Imported image {ImageId} from {FileName}: {Width}x{Height} {ContentType}, {Count} renditions",
                image.Id, fileName, image.Width, image.Height, image.ContentType, image.Renditions.Count);
            return image;
        }
        catch
        {
            db.Entry(image).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
            DeleteFiles(image.Id);
            throw;
        }
    }

    /// <summary>
    /// Everything <see cref="ImportAsync(Stream, string, string, string?, string?, ImportSettings, CancellationToken)"/> does
    /// except saving the row: the files are in place and the returned <see cref="Image"/> is not tracked. The caller
    /// saves it, or calls <see cref="DeleteFiles"/> if it cannot. Safe to call concurrently: it does not touch the database.
    /// </summary>
    public async Task<Image> PrepareAsync(Stream content, string fileName, string alt, string? caption, string? credit, ImportSettings settings, CancellationToken ct = default)
    {
        alt = ValidateAlt(alt);
        var media = options.Value.Media;
        var bytes = await ReadAtMostAsync(content, media.MaxUploadBytes, ct);
        ct.ThrowIfCancellationRequested();

        var id = Guid.NewGuid();
        var staging = Path.Combine(MediaPath, StagingFolder, id.ToString());
        var final = Path.Combine(MediaPath, id.ToString());
        await slots.WaitAsync(ct);
        try
        {
            Directory.CreateDirectory(staging);
            using var decoded = DecodedImage.Decode(bytes, media.MaxPixels, MaxRenditionWidth(settings.Widths ?? media.Widths));
            var originalName = "original." + decoded.Format.Extension;
            RenditionMaker.WriteFile(Path.Combine(staging, originalName), bytes, settings.FlushToDisk);

            var renditions = RenditionMaker.Make(decoded, settings.Widths ?? media.Widths, media, id.ToString(), staging, settings.FlushToDisk, ct);
            var focalX = Math.Clamp(settings.FocalX, 0f, 1f);
            var focalY = Math.Clamp(settings.FocalY, 0f, 1f);
            renditions.AddRange(CardCrops.Make(decoded.Bitmap, decoded.Opaque, focalX, focalY, media.JpegQuality, id.ToString(), staging, settings.FlushToDisk));

            // The folder appears whole or not at all: readers never see a half-written rendition.
            Directory.Move(staging, final);

            var embedded = EmbeddedCredits.Read(bytes);
            logger.LogDebug("Prepared image {ImageId} from {FileName}: {Width}x{Height} {ContentType}, {Count} renditions",
                id, fileName, decoded.Width, decoded.Height, decoded.Format.ContentType, renditions.Count);
            return new Image
            {
                Id = id,
                OriginalPath = $"{id}/{originalName}",
                ContentType = decoded.Format.ContentType,
                Width = decoded.Width,
                Height = decoded.Height,
                Alt = alt,
                Caption = Trimmed(caption, MaxCaptionLength) ?? Trimmed(embedded.Caption, MaxCaptionLength),
                Credit = Trimmed(credit, MaxCreditLength) ?? Trimmed(embedded.Credit, MaxCreditLength),
                FocalX = focalX,
                FocalY = focalY,
                Renditions = renditions,
                CreatedAt = clock.GetUtcNow(),
            };
        }
        catch
        {
            DeleteFolder(staging);
            DeleteFolder(final);
            throw;
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>Removes an image's files (original and renditions); for an image whose row was never saved or is deleted.</summary>
    public void DeleteFiles(Guid id) => DeleteFolder(Path.Combine(MediaPath, id.ToString()));

    private static string ValidateAlt(string? alt) =>
        AltError(alt) is { } error ? throw new ImageRejectedException(error, "alt") : alt!.Trim();

    /// <summary>Why <paramref name="alt"/> cannot be an image's alt text, or null.</summary>
    public static string? AltError(string? alt)
    {
        var trimmed = alt?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return "Alt text is required: describe what the image shows for readers who cannot see it.";
        }
        if (trimmed.Length > MaxAltLength)
        {
            return $"Alt text is {trimmed.Length} characters long; keep it to {MaxAltLength} or fewer.";
        }
        return TextRules.Problem(trimmed) is { } problem ? $"Alt text: {problem}" : null;
    }

    private static int MaxRenditionWidth(IReadOnlyList<int> widths) => widths.Count == 0 ? int.MaxValue : widths.Max();

    private static async Task<byte[]> ReadAtMostAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        if (content.CanSeek && content.Length - content.Position > maxBytes)
        {
            throw TooLarge(maxBytes);
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(maxBytes);
            }
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
        {
            throw new ImageRejectedException("The file is empty.");
        }
        return buffer.ToArray();
    }

    private static ImageRejectedException TooLarge(long maxBytes) => new(TooLargeMessage(maxBytes));

    /// <summary>The reason given for a file over <paramref name="maxBytes"/>, also by doors that refuse it before reading it.</summary>
    public static string TooLargeMessage(long maxBytes) => $"The file is larger than the {FormatBytes(maxBytes)} upload limit.";

    private static string FormatBytes(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : bytes >= 1024 ? $"{bytes / 1024.0:0.#} KB" : $"{bytes} bytes";

    private static string? Trimmed(string? text, int maxLength)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }
        return trimmed.Length <= maxLength ? trimmed : trimmed[..maxLength].TrimEnd();
    }

    private void DeleteFolder(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException e)
        {
            logger.LogWarning(e, "Could not remove {Path}", path);
        }
        catch (UnauthorizedAccessException e)
        {
            logger.LogWarning(e, "Could not remove {Path}", path);
        }
    }
}

/// <summary>
/// Bounds how many images are decoded and resized at once across the app (<see cref="MediaOptions.MaxConcurrentDecodes"/>):
/// a large photo holds hundreds of megabytes of pixels while it is worked on, so the bound is what keeps ten large
/// uploads at once from taking ten times that memory. The work is CPU-bound, so more at once than cores only queues.
/// </summary>
public sealed class ImageWorkSlots(IOptions<BroadsheetOptions> options) : IDisposable
{
    private readonly SemaphoreSlim slots = new(options.Value.Media.MaxConcurrentDecodes);
    private int inUse;
    private int peak;

    /// <summary>How many images are being worked on now, and the most there have been at once since start (for diagnostics).</summary>
    public int InUse => Volatile.Read(ref inUse);

    public int Peak => Volatile.Read(ref peak);

    public int Capacity { get; } = options.Value.Media.MaxConcurrentDecodes;

    public async Task WaitAsync(CancellationToken ct)
    {
        await slots.WaitAsync(ct);
        var now = Interlocked.Increment(ref inUse);
        for (var seen = Peak; now > seen && Interlocked.CompareExchange(ref peak, now, seen) != seen; seen = Peak)
        {
        }
    }

    public void Release()
    {
        Interlocked.Decrement(ref inUse);
        slots.Release();
    }

    public void Dispose() => slots.Dispose();
}

/// <summary>An upload that is not an acceptable image: too large, not an image, or undecodable.</summary>
/// <param name="field">The request field at fault (<c>file</c> or <c>alt</c>), for problem details.</param>
public sealed class ImageRejectedException(string message, string field = "file") : Exception(message)
{
    public string Field { get; } = field;
}
