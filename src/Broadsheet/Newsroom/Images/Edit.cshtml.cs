using System.Globalization;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Media;
using Broadsheet.Newsroom.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Images;

public sealed class ImageInput
{
    public string? Alt { get; set; }

    public string? Caption { get; set; }

    public string? Credit { get; set; }

    /// <summary>Percent of the width, 0–100 from the left.</summary>
    public double FocalX { get; set; } = 50;

    /// <summary>Percent of the height, 0–100 from the top.</summary>
    public double FocalY { get; set; } = 50;
}

/// <summary>One library image: alt text, caption, credit and the focal point (click the picture, or type percentages).</summary>
public sealed class EditModel(BroadsheetDb db, FocalCrops crops, ContentCache cache) : PageModel
{
    [BindProperty]
    public ImageInput Input { get; set; } = new();

    public Image Image { get; private set; } = null!;

    public int UsedBy { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await db.Images.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) is not { } image)
        {
            return NotFound();
        }
        Image = image;
        Input = new ImageInput
        {
            Alt = image.Alt,
            Caption = image.Caption,
            Credit = image.Credit,
            FocalX = Math.Round(image.FocalX * 100, 1),
            FocalY = Math.Round(image.FocalY * 100, 1),
        };
        UsedBy = await db.Articles.CountAsync(a => a.HeroImageId == id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await db.Images.FirstOrDefaultAsync(i => i.Id == id, ct) is not { } image)
        {
            return NotFound();
        }
        Image = image;
        var alt = ArticleWriter.Trimmed(Input.Alt);
        if (alt is null)
        {
            ModelState.AddModelError("Input.Alt", "Alt text is required: describe what the image shows for readers who cannot see it.");
        }
        Check(alt, "Input.Alt", ImageLibrary.MaxAltLength);
        Check(Input.Caption, "Input.Caption", ImageLibrary.MaxCaptionLength);
        Check(Input.Credit, "Input.Credit", ImageLibrary.MaxCreditLength);
        if (Input.FocalX is < 0 or > 100 || double.IsNaN(Input.FocalX))
        {
            ModelState.AddModelError("Input.FocalX", "Must be a percentage from 0 to 100.");
        }
        if (Input.FocalY is < 0 or > 100 || double.IsNaN(Input.FocalY))
        {
            ModelState.AddModelError("Input.FocalY", "Must be a percentage from 0 to 100.");
        }
        if (!ModelState.IsValid)
        {
            UsedBy = await db.Articles.CountAsync(a => a.HeroImageId == id, ct);
            return Page();
        }
        image.Alt = alt!;
        image.Caption = ArticleWriter.Trimmed(Input.Caption);
        image.Credit = ArticleWriter.Trimmed(Input.Credit);
        var focalX = (float)(Input.FocalX / 100);
        var focalY = (float)(Input.FocalY / 100);
        if (Math.Abs(focalX - image.FocalX) > 0.0005 || Math.Abs(focalY - image.FocalY) > 0.0005 || !CardCrops.AreComplete(image))
        {
            image.FocalX = focalX;
            image.FocalY = focalY;
            await crops.MakeAsync(image, ct);
        }
        await db.SaveChangesAsync(ct);
        await cache.EvictAsync(await ImagePages.TagsAsync(db, id, ct), ct);
        StatusMessage.Set(TempData, "Image saved.");
        return Redirect($"/newsroom/images/{id}");
    }

    public string FocalText => string.Create(CultureInfo.InvariantCulture, $"{Input.FocalX:0.#}% from the left, {Input.FocalY:0.#}% from the top");

    private void Check(string? value, string field, int max)
    {
        if (value is { Length: var length } && length > max)
        {
            ModelState.AddModelError(field, $"Must be at most {max} characters.");
        }
    }
}
