using Broadsheet.Articles.BodyFormats;
using Broadsheet.Data;
using Broadsheet.Media;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Ads;

public sealed record AdInput
{
    public string? Name { get; init; }

    /// <summary>An image already in the library; ignored when the write comes with an upload.</summary>
    public Guid? ImageId { get; init; }

    /// <summary>Where a click goes: an absolute http or https URL.</summary>
    public string? LinkUrl { get; init; }

    public string? Alt { get; init; }

    /// <summary>Shown only in this section (and its subsections) when set.</summary>
    public string? SectionPath { get; init; }

    /// <summary>Shown only beside articles with this topic when set.</summary>
    public string? TopicSlug { get; init; }

    public DateTimeOffset? StartsAt { get; init; }

    public DateTimeOffset? EndsAt { get; init; }
}

/// <summary>A new image file for the ad, stored in the library with it (the ad's alt text becomes the image's).</summary>
public sealed record AdImageUpload(Stream Content, string FileName);

/// <summary>
/// The one way house ad creatives are created, changed and deleted; their counts are never touched here. Nothing is
/// written, not even an uploaded image, unless every field is right. Errors are keyed <c>name</c>, <c>imageId</c>,
/// <c>upload</c>, <c>linkUrl</c>, <c>alt</c>, <c>sectionPath</c>, <c>topicSlug</c> and <c>endsAt</c>.
/// </summary>
public sealed class AdWriter(BroadsheetDb db, ImageWriter images)
{
    public const int MaxName = 200;
    public const int MaxLinkUrl = 1000;
    public const int MaxAlt = 500;

    public async Task<WriteResult<AdCreative>> CreateAsync(AdInput input, AdImageUpload? upload = null, CancellationToken ct = default)
    {
        var ad = new AdCreative { Name = "", LinkUrl = "", Alt = "" };
        return await WriteAsync(ad, input, upload, ct) is { } invalid ? invalid : WriteResult.Created(ad);
    }

    public async Task<WriteResult<AdCreative>> UpdateAsync(int id, AdInput input, AdImageUpload? upload = null, CancellationToken ct = default)
    {
        if (await db.AdCreatives.FirstOrDefaultAsync(a => a.Id == id, ct) is not { } ad)
        {
            return WriteResult.NotFound<AdCreative>($"No ad {id}.");
        }
        return await WriteAsync(ad, input, upload, ct) is { } invalid ? invalid : WriteResult.Ok(ad);
    }

    public async Task<WriteResult<AdCreative>> DeleteAsync(int id, CancellationToken ct = default)
    {
        if (await db.AdCreatives.FirstOrDefaultAsync(a => a.Id == id, ct) is not { } ad)
        {
            return WriteResult.NotFound<AdCreative>($"No ad {id}.");
        }
        db.AdCreatives.Remove(ad);
        await db.SaveChangesAsync(ct);
        return WriteResult.Ok(ad);
    }

    /// <summary>Validates, stores the upload and saves <paramref name="ad"/> (added when new); the failure, or null when written.</summary>
    private async Task<WriteResult<AdCreative>?> WriteAsync(AdCreative ad, AdInput input, AdImageUpload? upload, CancellationToken ct)
    {
        var errors = await ValidateAsync(input, upload is not null, ct);
        if (!errors.IsEmpty)
        {
            return WriteResult.Invalid<AdCreative>(errors);
        }
        Image? uploaded = null;
        if (upload is not null)
        {
            var prepared = await images.PrepareAsync(new ImageUpload { Content = upload.Content, FileName = upload.FileName, Alt = input.Alt }, ct: ct);
            if (!prepared.Succeeded)
            {
                foreach (var message in prepared.Errors.Values.SelectMany(m => m))
                {
                    errors.Add("upload", message);
                }
                return WriteResult.Invalid<AdCreative>(errors);
            }
            uploaded = prepared.Value!;
            db.Images.Add(uploaded);
        }
        ad.Name = input.Name!.Trim();
        ad.ImageId = uploaded?.Id ?? input.ImageId!.Value;
        ad.LinkUrl = input.LinkUrl!.Trim();
        ad.Alt = input.Alt!.Trim();
        ad.SectionPath = InputText.Trimmed(input.SectionPath)?.Trim('/');
        ad.TopicSlug = InputText.Trimmed(input.TopicSlug);
        ad.StartsAt = input.StartsAt;
        ad.EndsAt = input.EndsAt;
        if (ad.Id == 0)
        {
            db.AdCreatives.Add(ad);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch when (uploaded is not null)
        {
            images.Discard(uploaded);
            throw;
        }
        return null;
    }

    private async Task<ValidationErrors> ValidateAsync(AdInput input, bool withUpload, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var name = InputText.Trimmed(input.Name);
        if (name is null)
        {
            errors.Add("name", "Enter a name for the ad.");
        }
        errors.CheckLength(name, "name", MaxName, $"Enter a name of at most {MaxName} characters.");
        if (!withUpload)
        {
            if (input.ImageId is not { } imageId || imageId == Guid.Empty)
            {
                errors.Add("imageId", "Choose an image for the ad.");
            }
            else if (!await db.Images.AnyAsync(i => i.Id == imageId, ct))
            {
                errors.Add("imageId", $"There is no image {imageId} in the library.");
            }
        }
        if (InputText.Trimmed(input.LinkUrl) is not { } link)
        {
            errors.Add("linkUrl", "Enter the address the ad links to.");
        }
        else if (!(Links.IsWebUrl(link) || IsSitePath(link)) || link.Length > MaxLinkUrl)
        {
            errors.Add("linkUrl", $"Enter a full web address starting with https://, or a path on this site starting with / (at most {MaxLinkUrl} characters).");
        }
        var alt = InputText.Trimmed(input.Alt);
        if (alt is null)
        {
            errors.Add("alt", "Describe the ad for readers who cannot see it.");
        }
        errors.CheckLength(alt, "alt", MaxAlt, $"Enter a description of at most {MaxAlt} characters.");
        if (InputText.Trimmed(input.SectionPath)?.Trim('/') is { } sectionPath && !await db.Sections.AnyAsync(s => s.Path == sectionPath, ct))
        {
            errors.Add("sectionPath", $"There is no section '{sectionPath}'.");
        }
        if (InputText.Trimmed(input.TopicSlug) is { } topicSlug && !await db.Topics.AnyAsync(t => t.Slug == topicSlug, ct))
        {
            errors.Add("topicSlug", $"There is no topic '{topicSlug}'.");
        }
        if (input.StartsAt is { } starts && input.EndsAt is { } ends && ends <= starts)
        {
            errors.Add("endsAt", "The end must be after the start.");
        }
        return errors;
    }

    /// <summary>A house ad may point at the publication's own pages (<c>/standards</c>); <c>//host</c> would leave the site.</summary>
    private static bool IsSitePath(string link) =>
        link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) && !link.Contains('\\', StringComparison.Ordinal)
        && Uri.IsWellFormedUriString(link, UriKind.Relative);
}

/// <summary>Ad creatives as users of library images.</summary>
internal sealed class AdImageUses(BroadsheetDb db) : IImageDependents
{
    public async Task<string?> UseOfAsync(Guid imageId, CancellationToken ct) =>
        await db.AdCreatives.AnyAsync(a => a.ImageId == imageId, ct) ? "an ad shows it" : null;
}
