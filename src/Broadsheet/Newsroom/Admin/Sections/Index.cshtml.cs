using System.ComponentModel.DataAnnotations;
using Broadsheet.Articles;
using Broadsheet.Articles.Sections;
using Broadsheet.Data;
using Broadsheet.Newsroom.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Admin.Sections;

public sealed class SectionsModel(BroadsheetDb db, SectionWriter writer) : PageModel
{
    [BindProperty]
    public SectionFields Input { get; set; } = new();

    public List<Section> Sections { get; private set; } = [];

    public List<SelectListItem> ParentChoices { get; private set; } = [];

    public List<Section> Children(int? parentId) => Sections.Where(s => s.ParentId == parentId).OrderBy(s => s.Position).ThenBy(s => s.Name).ToList();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var parent = Input.ParentId is { } parentId ? Sections.FirstOrDefault(s => s.Id == parentId) : null;
        if (Input.ParentId is not null && parent is null)
        {
            ModelState.AddModelError("Input.ParentId", "Choose a parent section from the list.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await writer.CreateAsync(parent?.Path, Input.Slug, new SectionInput { Name = Input.Name }, ct);
        if (!result.Succeeded)
        {
            WriterErrors.AddTo(ModelState, result, field => field switch
            {
                "parent" => "Input.ParentId",
                "path" => WriterErrors.AddressKey(Input.Slug),
                _ => WriterErrors.Input(field),
            });
            return Page();
        }
        StatusMessage.Set(TempData, $"Section '{result.Value!.Name}' created at /news/{result.Value.Path}.");
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Sections = await db.Sections.AsNoTracking().ToListAsync(ct);
        ParentChoices = [new("(top level)", ""), .. Sections.OrderBy(s => s.Path, StringComparer.Ordinal).Select(s => new SelectListItem($"{s.Name} ({s.Path})", s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
    }

    /// <summary>The form's fields; <see cref="SectionWriter"/> judges them.</summary>
    public sealed class SectionFields
    {
        [Display(Name = "Name")]
        public string? Name { get; set; }

        [Display(Name = "Inside")]
        public int? ParentId { get; set; }

        [Display(Name = "Address")]
        public string? Slug { get; set; }
    }
}
