using System.Globalization;
using Broadsheet.Data;
using Broadsheet.Media;
using Broadsheet.Newsroom.Admin;
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
public sealed class EditModel(BroadsheetDb db, ImageWriter writer) : PageModel
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
        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(id, ct);
        }
        var result = await writer.UpdateAsync(id, new ImageEdit { Alt = Input.Alt, Caption = Input.Caption, Credit = Input.Credit, FocalX = Input.FocalX, FocalY = Input.FocalY }, ct);
        if (result.Status == WriteStatus.NotFound)
        {
            return NotFound();
        }
        if (!result.Succeeded)
        {
            WriterErrors.AddTo(ModelState, result);
            return await RedisplayAsync(id, ct);
        }
        StatusMessage.Set(TempData, "Image saved.");
        return Redirect($"/newsroom/images/{id}");
    }

    public string FocalText => string.Create(CultureInfo.InvariantCulture, $"{Input.FocalX:0.#}% from the left, {Input.FocalY:0.#}% from the top");

    private async Task<IActionResult> RedisplayAsync(Guid id, CancellationToken ct)
    {
        if (await db.Images.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) is not { } image)
        {
            return NotFound();
        }
        Image = image;
        UsedBy = await db.Articles.CountAsync(a => a.HeroImageId == id, ct);
        return Page();
    }
}
