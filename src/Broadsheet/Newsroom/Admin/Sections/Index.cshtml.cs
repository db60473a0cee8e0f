using System.ComponentModel.DataAnnotations;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Newsroom.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Admin.Sections;

public sealed class SectionsModel(BroadsheetDb db, ContentCache cache) : PageModel
{
    [BindProperty]
    public SectionInput Input { get; set; } = new();

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
        else if (parent is not null && parent.Path.Count(c => c == '/') + 1 >= ArticleUrls.MaxSectionDepth)
        {
            ModelState.AddModelError("Input.ParentId", $"Sections nest at most {ArticleUrls.MaxSectionDepth} deep; choose a higher parent.");
        }
        var slug = string.IsNullOrWhiteSpace(Input.Slug) ? Slugs.From(Input.Name ?? "") : Input.Slug.Trim();
        if (!string.IsNullOrWhiteSpace(Input.Slug) && Slugs.From(slug) != slug)
        {
            ModelState.AddModelError("Input.Slug", $"Use lower-case letters, digits and hyphens, e.g. '{Slugs.From(slug)}'.");
        }
        else if (slug.Length == 0 && !string.IsNullOrWhiteSpace(Input.Name))
        {
            ModelState.AddModelError("Input.Slug", "Give the section an address: the name has no letters or digits to make one from.");
        }
        var path = parent is null ? slug : $"{parent.Path}/{slug}";
        if (slug.Length > 0 && path.Length > Api.Admin.SectionsAdmin.MaxPath)
        {
            ModelState.AddModelError("Input.Slug", "The section's full address is too long; choose a shorter one.");
        }
        if (slug.Length > 0 && Sections.Any(s => s.Path == path))
        {
            ModelState.AddModelError(string.IsNullOrWhiteSpace(Input.Slug) ? "Input.Name" : "Input.Slug", $"A section with the address '{path}' exists already.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var siblings = Sections.Where(s => s.ParentId == parent?.Id).ToList();
        db.Sections.Add(new Section { Path = path, Name = Input.Name!.Trim(), ParentId = parent?.Id, Position = siblings.Count == 0 ? 0 : siblings.Max(s => s.Position) + 1 });
        await db.SaveChangesAsync(ct);
        await cache.EvictAsync([CacheTags.Home, CacheTags.Feeds, CacheTags.Section(path)], ct);
        StatusMessage.Set(TempData, $"Section '{Input.Name.Trim()}' created at /news/{path}.");
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Sections = await db.Sections.AsNoTracking().ToListAsync(ct);
        ParentChoices = [new("(top level)", ""), .. Sections.OrderBy(s => s.Path, StringComparer.Ordinal).Select(s => new SelectListItem($"{s.Name} ({s.Path})", s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
    }

    public sealed class SectionInput
    {
        [Required(ErrorMessage = "Enter the section's name.")]
        [StringLength(120, ErrorMessage = "Enter a name of at most 120 characters.")]
        [Display(Name = "Name")]
        public string? Name { get; set; }

        [Display(Name = "Inside")]
        public int? ParentId { get; set; }

        [StringLength(80, ErrorMessage = "Enter an address part of at most 80 characters.")]
        [Display(Name = "Address")]
        public string? Slug { get; set; }
    }
}
