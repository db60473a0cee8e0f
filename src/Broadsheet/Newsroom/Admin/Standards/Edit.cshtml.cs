using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Newsroom.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Admin.Standards;

/// <summary>Edits a standards page as Markdown (converted to blocks on save) or deletes it.</summary>
public sealed class StandardsEditModel(BroadsheetDb db, ContentCache cache, TimeProvider clock) : PageModel
{
    [BindProperty]
    public StandardsInput Input { get; set; } = new();

    public StandardsPage StandardsPage { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await db.StandardsPages.FirstOrDefaultAsync(p => p.Id == id, ct) is not { } page)
        {
            return NotFound();
        }
        StandardsPage = page;
        Input = new() { Title = page.Title, Body = MarkdownText.From(page.Body) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await db.StandardsPages.FirstOrDefaultAsync(p => p.Id == id, ct) is not { } page)
        {
            return NotFound();
        }
        StandardsPage = page;
        var blocks = await Input.BlocksAsync(db, ModelState, ct);
        if (!ModelState.IsValid || blocks is null)
        {
            return Page();
        }
        page.Title = Input.Title!.Trim();
        page.Body = blocks;
        page.ModifiedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await cache.EvictAsync([CacheTags.Standards], ct);
        StatusMessage.Set(TempData, $"Standards page '{page.Title}' saved.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (await db.StandardsPages.FirstOrDefaultAsync(p => p.Id == id, ct) is not { } page)
        {
            return NotFound();
        }
        db.StandardsPages.Remove(page);
        await db.SaveChangesAsync(ct);
        await cache.EvictAsync([CacheTags.Standards], ct);
        StatusMessage.Set(TempData, $"Standards page '{page.Title}' deleted.");
        return Redirect("/newsroom/admin/standards");
    }
}
