using Broadsheet.Ads;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Newsroom.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Admin.Ads;

public sealed class AdEditModel(BroadsheetDb db, AdForm form, ContentCache cache) : PageModel, IAdPage
{
    [BindProperty]
    public AdInput Input { get; set; } = new();

    public AdForm Form => form;

    public AdCreative Ad { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await db.AdCreatives.FirstOrDefaultAsync(a => a.Id == id, ct) is not { } ad)
        {
            return NotFound();
        }
        Ad = ad;
        Input = AdInput.From(ad);
        await form.LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await db.AdCreatives.FirstOrDefaultAsync(a => a.Id == id, ct) is not { } ad)
        {
            return NotFound();
        }
        Ad = ad;
        // SaveAsync checks the rest too (and writes only when everything is right), so every field's error shows at once.
        if (!await form.SaveAsync(Input, ad, isNew: false, ModelState, ct))
        {
            await form.LoadChoicesAsync(ct);
            return Page();
        }
        await cache.EvictAsync([CacheTags.Ads], ct);
        StatusMessage.Set(TempData, $"Ad '{ad.Name}' saved.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (await db.AdCreatives.FirstOrDefaultAsync(a => a.Id == id, ct) is not { } ad)
        {
            return NotFound();
        }
        db.AdCreatives.Remove(ad);
        await db.SaveChangesAsync(ct);
        await cache.EvictAsync([CacheTags.Ads], ct);
        StatusMessage.Set(TempData, $"Ad '{ad.Name}' deleted.");
        return Redirect("/newsroom/admin/ads");
    }
}
