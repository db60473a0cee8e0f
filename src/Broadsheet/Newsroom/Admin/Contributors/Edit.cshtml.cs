using Broadsheet.Api.Admin;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Newsroom.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Admin.Contributors;

/// <summary>Edits a contributor; deletes one who is in no byline. The slug (their page's address) never changes.</summary>
public sealed class ContributorEditModel(BroadsheetDb db, ContentCache cache) : PageModel, IContributorForm
{
    [BindProperty]
    public ContributorInput Input { get; set; } = new();

    public Contributor Contributor { get; private set; } = null!;

    public int InBylines { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Input = new() { Name = Contributor.Name, Kind = Contributor.Kind, Role = Contributor.Role, Bio = Contributor.Bio };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Input.ApplyTo(Contributor);
        await db.SaveChangesAsync(ct);
        // Bylines show the name on every article the contributor wrote.
        await cache.EvictArticlesAsync(db.Articles.Where(a => a.Byline.Any(c => c.ContributorId == id)), [CacheTags.Home, CacheTags.Author(Contributor.Slug)], ct);
        StatusMessage.Set(TempData, $"Contributor '{Contributor.Name}' saved.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        // The edit form's fields are not part of this post.
        ModelState.Clear();
        if (InBylines > 0)
        {
            ModelState.AddModelError("", $"This contributor is in the byline of {InBylines} article(s); remove them from those first.");
            Input = new() { Name = Contributor.Name, Kind = Contributor.Kind, Role = Contributor.Role, Bio = Contributor.Bio };
            return Page();
        }
        db.Contributors.Remove(Contributor);
        await db.SaveChangesAsync(ct);
        await cache.EvictAsync([CacheTags.Home, CacheTags.Author(Contributor.Slug)], ct);
        StatusMessage.Set(TempData, $"Contributor '{Contributor.Name}' deleted.");
        return Redirect("/newsroom/admin/contributors");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var contributor = await db.Contributors.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contributor is null)
        {
            return false;
        }
        Contributor = contributor;
        InBylines = await db.Set<BylineEntry>().CountAsync(b => b.ContributorId == id, ct);
        return true;
    }
}
