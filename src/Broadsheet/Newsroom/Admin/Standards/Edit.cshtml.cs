using Broadsheet.Articles;
using Broadsheet.Articles.Standards;
using Broadsheet.Data;
using Broadsheet.Newsroom.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Admin.Standards;

/// <summary>Edits a standards page as Markdown (converted to blocks on save) or deletes it.</summary>
public sealed class StandardsEditModel(BroadsheetDb db, StandardsPageWriter writer) : PageModel
{
    [BindProperty]
    public StandardsFields Input { get; set; } = new();

    public StandardsPage StandardsPage { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await db.StandardsPages.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } page)
        {
            return NotFound();
        }
        StandardsPage = page;
        Input = new() { Title = page.Title, Body = MarkdownText.From(page.Body) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await db.StandardsPages.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } page)
        {
            return NotFound();
        }
        StandardsPage = page;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        // The slug is not part of this form: the page keeps its address.
        Input.Slug = null;
        var result = await writer.SaveAsync(page.Slug, Input.ToInput(), ct);
        if (!result.Succeeded)
        {
            WriterErrors.AddTo(ModelState, result, StandardsFields.Key);
            return Page();
        }
        StatusMessage.Set(TempData, $"Standards page '{result.Value!.Title}' saved.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (await db.StandardsPages.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } page)
        {
            return NotFound();
        }
        var result = await writer.DeleteAsync(page.Slug, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }
        StatusMessage.Set(TempData, $"Standards page '{page.Title}' deleted.");
        return Redirect("/newsroom/admin/standards");
    }
}
