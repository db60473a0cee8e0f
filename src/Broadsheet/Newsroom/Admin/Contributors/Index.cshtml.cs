using System.ComponentModel.DataAnnotations;
using Broadsheet.Articles;
using Broadsheet.Articles.Contributors;
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
    ContributorFields Input { get; }
}

/// <summary>The form's fields; <see cref="ContributorWriter"/> judges them.</summary>
public sealed class ContributorFields
{
    public static readonly IReadOnlyList<SelectListItem> KindChoices =
        [new("Person", nameof(ContributorKind.Person)), new("Agency", nameof(ContributorKind.Agency))];

    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Display(Name = "Kind")]
    public string? Kind { get; set; } = nameof(ContributorKind.Person);

    [Display(Name = "Role")]
    public string? Role { get; set; }

    [Display(Name = "Biography")]
    public string? Bio { get; set; }

    [Display(Name = "Address")]
    public string? Slug { get; set; }

    public static ContributorFields From(Contributor contributor) =>
        new() { Name = contributor.Name, Kind = contributor.Kind.ToString(), Role = contributor.Role, Bio = contributor.Bio };

    /// <summary>What the writer stores; the photo, which this form does not show, stays as it is.</summary>
    public ContributorInput ToInput(Guid? photoId) => new() { Name = Name, Slug = Slug, Kind = Kind ?? "", Role = Role, Bio = Bio, PhotoId = photoId };
}

public sealed class ContributorsModel(BroadsheetDb db, ContributorWriter writer) : PageModel, IContributorForm
{
    [BindProperty]
    public ContributorFields Input { get; set; } = new();

    public List<Contributor> Contributors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Contributors = await db.Contributors.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await writer.CreateAsync(Input.ToInput(photoId: null), ct);
            if (result.Succeeded)
            {
                StatusMessage.Set(TempData, $"Contributor '{result.Value!.Name}' created.");
                return RedirectToPage();
            }
            WriterErrors.AddTo(ModelState, result, messageKey: WriterErrors.AddressKey(Input.Slug));
        }
        await OnGetAsync(ct);
        return Page();
    }
}
