using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Broadsheet.Ads;
using Broadsheet.Articles.BodyFormats;
using Broadsheet.Data;
using Broadsheet.Media;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Admin.Ads;

public sealed class AdInput
{
    [Required(ErrorMessage = "Enter a name for the ad.")]
    [StringLength(200, ErrorMessage = "Enter a name of at most 200 characters.")]
    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Display(Name = "Image file")]
    public IFormFile? Upload { get; set; }

    [Display(Name = "Or an image already in the library (its id)")]
    public string? ImageId { get; set; }

    [Required(ErrorMessage = "Enter the address the ad links to.")]
    [Display(Name = "Link")]
    public string? LinkUrl { get; set; }

    [Required(ErrorMessage = "Describe the ad for readers who cannot see it.")]
    [StringLength(500, ErrorMessage = "Enter a description of at most 500 characters.")]
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

    public static AdInput From(AdCreative ad) => new()
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

/// <summary>Validation and saving shared by the new-ad and edit-ad pages. Nothing is written unless every field is right.</summary>
public sealed class AdForm(BroadsheetDb db, ImageLibrary library)
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

    /// <summary>Checks <paramref name="input"/>, then stores an uploaded image and applies everything to <paramref name="ad"/> (added when new).</summary>
    public async Task<bool> SaveAsync(AdInput input, AdCreative ad, bool isNew, ModelStateDictionary modelState, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(input.LinkUrl) && (!Links.IsWebUrl(input.LinkUrl) || input.LinkUrl.Trim().Length > 1000))
        {
            modelState.AddModelError("Input.LinkUrl", "Enter a full web address starting with https:// (at most 1000 characters).");
        }
        Guid? existingImage = null;
        if (input.Upload is null or { Length: 0 })
        {
            if (string.IsNullOrWhiteSpace(input.ImageId))
            {
                modelState.AddModelError("Input.Upload", "Choose an image file for the ad.");
            }
            else if (!Guid.TryParse(input.ImageId.Trim(), out var id) || !await db.Images.AnyAsync(i => i.Id == id, ct))
            {
                modelState.AddModelError("Input.ImageId", "There is no image with this id in the library.");
            }
            else
            {
                existingImage = id;
            }
        }
        var section = AdminText.OrNull(input.SectionPath);
        if (section is not null && !await db.Sections.AnyAsync(s => s.Path == section, ct))
        {
            modelState.AddModelError("Input.SectionPath", "Choose a section from the list.");
        }
        var topic = AdminText.OrNull(input.TopicSlug);
        if (topic is not null && !await db.Topics.AnyAsync(t => t.Slug == topic, ct))
        {
            modelState.AddModelError("Input.TopicSlug", "Choose a topic from the list.");
        }
        if (input.StartsAt is { } starts && input.EndsAt is { } ends && ends <= starts)
        {
            modelState.AddModelError("Input.EndsAt", "The end must be after the start.");
        }
        if (!modelState.IsValid)
        {
            return false;
        }

        Image? uploaded = null;
        if (existingImage is null)
        {
            try
            {
                await using var stream = input.Upload!.OpenReadStream();
                uploaded = await library.PrepareAsync(stream, input.Upload.FileName, input.Alt!.Trim(), null, null, ImportSettings.Default, ct);
            }
            catch (ImageRejectedException rejected)
            {
                modelState.AddModelError("Input.Upload", rejected.Message);
                return false;
            }
        }

        ad.Name = input.Name!.Trim();
        ad.LinkUrl = input.LinkUrl!.Trim();
        ad.Alt = input.Alt!.Trim();
        ad.SectionPath = section;
        ad.TopicSlug = topic;
        ad.StartsAt = input.StartsAt is { } s ? new DateTimeOffset(DateTime.SpecifyKind(s, DateTimeKind.Utc)) : null;
        ad.EndsAt = input.EndsAt is { } e ? new DateTimeOffset(DateTime.SpecifyKind(e, DateTimeKind.Utc)) : null;
        if (uploaded is not null)
        {
            db.Images.Add(uploaded);
            ad.ImageId = uploaded.Id;
        }
        else
        {
            ad.ImageId = existingImage!.Value;
        }
        if (isNew)
        {
            db.AdCreatives.Add(ad);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch when (uploaded is not null)
        {
            library.DeleteFiles(uploaded.Id);
            throw;
        }
        return true;
    }

    public static string Format(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "—";
}
