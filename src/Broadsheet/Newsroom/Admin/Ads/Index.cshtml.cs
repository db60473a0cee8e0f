using Broadsheet.Ads;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Newsroom.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Admin.Ads;

/// <summary>The form both ad pages share.</summary>
public interface IAdPage
{
    AdInput Input { get; }

    AdForm Form { get; }
}

public sealed class AdsModel(BroadsheetDb db, AdForm form, ContentCache cache) : PageModel, IAdPage
{
    [BindProperty]
    public AdInput Input { get; set; } = new();

    public AdForm Form => form;

    public List<AdCreative> Ads { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Ads = await db.AdCreatives.AsNoTracking().OrderBy(a => a.Name).ToListAsync(ct);
        await form.LoadChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var ad = new AdCreative { Name = "", LinkUrl = "", Alt = "" };
        // SaveAsync checks the rest too (and writes only when everything is right), so every field's error shows at once.
        if (!await form.SaveAsync(Input, ad, isNew: true, ModelState, ct))
        {
            await OnGetAsync(ct);
            return Page();
        }
        await cache.EvictAsync([CacheTags.Ads], ct);
        StatusMessage.Set(TempData, $"Ad '{ad.Name}' created.");
        return RedirectToPage();
    }
}
