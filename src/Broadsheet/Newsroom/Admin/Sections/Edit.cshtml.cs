using System.ComponentModel.DataAnnotations;
using Broadsheet.Articles;
using Broadsheet.Articles.Sections;
using Broadsheet.Data;
using Broadsheet.Newsroom.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Admin.Sections;

/// <summary>Renames or reorders a section, or deletes it when nothing depends on it. Its address never changes.</summary>
public sealed class SectionEditModel(BroadsheetDb db, SectionWriter writer) : PageModel
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
        var result = await writer.SaveAsync(Section.Path, new SectionInput { Name = Input.Name, Position = Input.Position }, ct);
        if (!result.Succeeded)
        {
            WriterErrors.AddTo(ModelState, result);
            return Page();
        }
        StatusMessage.Set(TempData, $"Section '{result.Value!.Name}' saved.");
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
        var result = await writer.DeleteAsync(Section.Path, ct);
        if (!result.Succeeded)
        {
            WriterErrors.AddTo(ModelState, result);
            Input = new EditInput { Name = Section.Name, Position = Section.Position };
            return Page();
        }
        StatusMessage.Set(TempData, $"Section '{Section.Name}' deleted.");
        return Redirect("/newsroom/admin/sections");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is not { } section)
        {
            return false;
        }
        Section = section;
        DeleteBlockedBy = await writer.DeleteBlockedByAsync(section, ct);
        return true;
    }

    /// <summary>The form's fields; <see cref="SectionWriter"/> judges them.</summary>
    public sealed class EditInput
    {
        [Display(Name = "Name")]
        public string? Name { get; set; }

        [Display(Name = "Position")]
        public int? Position { get; set; }
    }
}
