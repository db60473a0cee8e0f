using Broadsheet.Ads;
using Broadsheet.Data;
using Broadsheet.Newsroom.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Admin.Ads;

public sealed class AdEditModel(BroadsheetDb db, AdForm form, AdWriter writer) : PageModel, IAdPage
{
    [BindProperty]
    public AdFields Input { get; set; } = new();

    public AdForm Form => form;

    public AdCreative Ad { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await db.AdCreatives.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is not { } ad)
        {
            return NotFound();
        }
        Ad = ad;
        Input = AdFields.From(ad);
        await form.LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await db.AdCreatives.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is not { } ad)
        {
            return NotFound();
        }
        Ad = ad;
        if (await form.SaveAsync(id, Input, ModelState, ct) is not { } saved)
        {
            await form.LoadChoicesAsync(ct);
            return Page();
        }
        StatusMessage.Set(TempData, $"Ad '{saved.Name}' saved.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var result = await writer.DeleteAsync(id, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }
        StatusMessage.Set(TempData, $"Ad '{result.Value!.Name}' deleted.");
        return Redirect("/newsroom/admin/ads");
    }
}
