using Broadsheet.Ads;
using Broadsheet.Data;
using Broadsheet.Newsroom.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Admin.Ads;

/// <summary>The form both ad pages share.</summary>
public interface IAdPage
{
    AdFields Input { get; }

    AdForm Form { get; }
}

public sealed class AdsModel(BroadsheetDb db, AdForm form) : PageModel, IAdPage
{
    [BindProperty]
    public AdFields Input { get; set; } = new();

    public AdForm Form => form;

    public List<AdCreative> Ads { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Ads = await db.AdCreatives.AsNoTracking().OrderBy(a => a.Name).ToListAsync(ct);
        await form.LoadChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await form.SaveAsync(null, Input, ModelState, ct) is not { } ad)
        {
            await OnGetAsync(ct);
            return Page();
        }
        StatusMessage.Set(TempData, $"Ad '{ad.Name}' created.");
        return RedirectToPage();
    }
}
