using System.ComponentModel.DataAnnotations;
using Broadsheet.Api.Admin;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Newsroom.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Admin.Sections;

/// <summary>Renames or reorders a section, or deletes it when nothing depends on it. Its address never changes.</summary>
public sealed class SectionEditModel(BroadsheetDb db, ContentCache cache) : PageModel
{
    [BindProperty]
    public EditInput Input { get; set; } = new();

    public Section Section { get; private set; } = null!;

    public string? DeleteBlockedBy { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Input = new EditInput { Name = Section.Name, Position = Section.Position };
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
        Section.Name = Input.Name!.Trim();
        Section.Position = Input.Position ?? Section.Position;
        await db.SaveChangesAsync(ct);
        var path = Section.Path;
        // The name shows in navigation and on every article of the section and its subsections.
        await cache.EvictArticlesAsync(db.Articles.Where(a => a.Section.Path == path || a.Section.Path.StartsWith(path + "/")), [CacheTags.Home, CacheTags.Feeds, CacheTags.Section(path)], ct);
        StatusMessage.Set(TempData, $"Section '{Section.Name}' saved.");
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
        if (DeleteBlockedBy is not null)
        {
            ModelState.AddModelError("", $"This section cannot be deleted: {DeleteBlockedBy}");
            Input = new EditInput { Name = Section.Name, Position = Section.Position };
            return Page();
        }
        db.Sections.Remove(Section);
        await db.SaveChangesAsync(ct);
        await cache.EvictAsync([CacheTags.Home, CacheTags.Feeds, CacheTags.Section(Section.Path)], ct);
        StatusMessage.Set(TempData, $"Section '{Section.Name}' deleted.");
        return Redirect("/newsroom/admin/sections");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (section is null)
        {
            return false;
        }
        Section = section;
        DeleteBlockedBy = await db.Sections.AnyAsync(s => s.ParentId == id, ct) ? "it has subsections; delete or move them first."
            : await db.Articles.AnyAsync(a => a.SectionId == id, ct) ? "it has articles; move or delete them first."
            : await db.AdCreatives.AnyAsync(a => a.SectionPath == section.Path, ct) ? "ads are targeted at it; retarget or delete them first."
            : null;
        return true;
    }

    public sealed class EditInput
    {
        [Required(ErrorMessage = "Enter the section's name.")]
        [StringLength(120, ErrorMessage = "Enter a name of at most 120 characters.")]
        [Display(Name = "Name")]
        public string? Name { get; set; }

        [Range(0, 10000, ErrorMessage = "Enter a position from 0 to 10000.")]
        [Display(Name = "Position")]
        public int? Position { get; set; }
    }
}
