using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Broadsheet.Ads;
using Broadsheet.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Admin.Ads;

/// <summary>The form's fields; <see cref="AdWriter"/> judges them.</summary>
public sealed class AdFields
{
    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Display(Name = "Image file")]
    public IFormFile? Upload { get; set; }

    [Display(Name = "Or an image already in the library (its id)")]
    public string? ImageId { get; set; }

    [Display(Name = "Link")]
    public string? LinkUrl { get; set; }

    [Display(Name = "Alternative text")]
    public string? Alt { get; set; }

    [Display(Name = "Only in section")]
    public string? SectionPath { get; set; }

    [Display(Name = "Only with topic")]
    public string? TopicSlug { get; set; }

    [Display(Name = "Starts (UTC)")]
    public DateTime? StartsAt { get; set; }

    [Display(Name = "Ends (UTC)")]
    public DateTime? EndsAt { get; set; }

    public static AdFields From(AdCreative ad) => new()
    {
        Name = ad.Name,
        ImageId = ad.ImageId.ToString("D"),
        LinkUrl = ad.LinkUrl,
        Alt = ad.Alt,
        SectionPath = ad.SectionPath,
        TopicSlug = ad.TopicSlug,
        StartsAt = ad.StartsAt?.UtcDateTime,
        EndsAt = ad.EndsAt?.UtcDateTime,
    };
}

/// <summary>What the new-ad and edit-ad pages share: the choices, and turning the form into a write.</summary>
public sealed class AdForm(BroadsheetDb db, AdWriter writer)
{
    public List<SelectListItem> SectionChoices { get; private set; } = [];

    public List<SelectListItem> TopicChoices { get; private set; } = [];

    public async Task LoadChoicesAsync(CancellationToken ct)
    {
        SectionChoices = [new("(every section)", ""), .. (await db.Sections.AsNoTracking().OrderBy(s => s.Path).Select(s => new { s.Path, s.Name }).ToListAsync(ct))
            .Select(s => new SelectListItem($"{s.Name} ({s.Path})", s.Path))];
        TopicChoices = [new("(any topic)", ""), .. (await db.Topics.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Slug, t.Name }).ToListAsync(ct))
            .Select(t => new SelectListItem(t.Name, t.Slug))];
    }

    /// <summary>Creates the ad (<paramref name="id"/> null) or saves it; the saved ad, or null with the errors on the form.</summary>
    public async Task<AdCreative?> SaveAsync(int? id, AdFields fields, ModelStateDictionary modelState, CancellationToken ct)
    {
        Guid? imageId = null;
        if (!string.IsNullOrWhiteSpace(fields.ImageId))
        {
            if (Guid.TryParse(fields.ImageId.Trim(), out var parsed))
            {
                imageId = parsed;
            }
            else
            {
                modelState.AddModelError("Input.ImageId", "Enter an image id from the library, such as 0f8fad5b-d9cb-469f-a165-70867728950e.");
            }
        }
        if (!modelState.IsValid)
        {
            return null;
        }
        var input = new AdInput
        {
            Name = fields.Name,
            ImageId = imageId,
            LinkUrl = fields.LinkUrl,
            Alt = fields.Alt,
            SectionPath = fields.SectionPath,
            TopicSlug = fields.TopicSlug,
            StartsAt = fields.StartsAt is { } s ? new DateTimeOffset(DateTime.SpecifyKind(s, DateTimeKind.Utc)) : null,
            EndsAt = fields.EndsAt is { } e ? new DateTimeOffset(DateTime.SpecifyKind(e, DateTimeKind.Utc)) : null,
        };
        await using var stream = fields.Upload is { Length: > 0 } file ? file.OpenReadStream() : null;
        var upload = stream is null ? null : new AdImageUpload(stream, fields.Upload!.FileName);
        var result = id is { } existing ? await writer.UpdateAsync(existing, input, upload, ct) : await writer.CreateAsync(input, upload, ct);
        if (result.Succeeded)
        {
            return result.Value;
        }
        // Without a library id, the missing image is the file to choose.
        WriterErrors.AddTo(modelState, result, field => field == "imageId" && imageId is null ? "Input.Upload" : WriterErrors.Input(field));
        return null;
    }

    public static string Format(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "—";
}
