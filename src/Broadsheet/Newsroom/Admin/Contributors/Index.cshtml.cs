using System.ComponentModel.DataAnnotations;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Newsroom.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Admin.Contributors;

/// <summary>The form both contributor pages share (name, kind, role, bio).</summary>
public interface IContributorForm
{
    ContributorInput Input { get; }
}

public sealed class ContributorInput
{
    public static readonly IReadOnlyList<SelectListItem> KindChoices =
        [new("Person", nameof(ContributorKind.Person)), new("Agency", nameof(ContributorKind.Agency))];

    [Required(ErrorMessage = "Enter the contributor's name.")]
    [StringLength(120, ErrorMessage = "Enter a name of at most 120 characters.")]
    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Choose person or agency.")]
    [Display(Name = "Kind")]
    public ContributorKind? Kind { get; set; } = ContributorKind.Person;

    [StringLength(120, ErrorMessage = "Enter a role of at most 120 characters.")]
    [Display(Name = "Role")]
    public string? Role { get; set; }

    [StringLength(4000, ErrorMessage = "Enter a biography of at most 4000 characters.")]
    [Display(Name = "Biography")]
    public string? Bio { get; set; }

    [StringLength(80, ErrorMessage = "Enter an address of at most 80 characters.")]
    [Display(Name = "Address")]
    public string? Slug { get; set; }

    public void ApplyTo(Contributor contributor)
    {
        contributor.Name = Name!.Trim();
        contributor.Kind = Kind!.Value;
        contributor.Role = AdminText.OrNull(Role);
        contributor.Bio = AdminText.OrNull(Bio);
    }
}

public sealed class ContributorsModel(BroadsheetDb db, ContentCache cache) : PageModel, IContributorForm
{
    [BindProperty]
    public ContributorInput Input { get; set; } = new();

    public List<Contributor> Contributors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Contributors = await db.Contributors.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var slug = AdminSlugs.Check(ModelState, "Input", Input.Name, Input.Slug);
        if (slug is not null && await db.Contributors.AnyAsync(c => c.Slug == slug, ct))
        {
            ModelState.AddModelError(string.IsNullOrWhiteSpace(Input.Slug) ? "Input.Name" : "Input.Slug", $"A contributor with the address '/authors/{slug}' exists already.");
        }
        if (!ModelState.IsValid)
        {
            await OnGetAsync(ct);
            return Page();
        }
        var contributor = new Contributor { Slug = slug!, Name = "" };
        Input.ApplyTo(contributor);
        db.Contributors.Add(contributor);
        await db.SaveChangesAsync(ct);
        await cache.EvictAsync([CacheTags.Home, CacheTags.Author(slug!)], ct);
        StatusMessage.Set(TempData, $"Contributor '{contributor.Name}' created.");
        return RedirectToPage();
    }
}
