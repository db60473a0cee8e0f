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

/// <summary>The form both contributor pages share (name, kind, role, bio, photo, expertise, contact, links).</summary>
public interface IContributorForm
{
    ContributorFields Input { get; }

    /// <summary>Library images to choose the photo from, "(none)" first.</summary>
    IReadOnlyList<SelectListItem> PhotoChoices { get; }
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

    [Display(Name = "Photo")]
    public string? PhotoId { get; set; }

    [Display(Name = "Expertise")]
    public string? Expertise { get; set; }

    [Display(Name = "Public email")]
    public string? Email { get; set; }

    [Display(Name = "Profiles elsewhere")]
    public string? Links { get; set; }

    [Display(Name = "Address")]
    public string? Slug { get; set; }

    public static ContributorFields From(Contributor contributor) => new()
    {
        Name = contributor.Name, Kind = contributor.Kind.ToString(), Role = contributor.Role, Bio = contributor.Bio,
        PhotoId = contributor.PhotoId?.ToString(), Expertise = string.Join('\n', contributor.Expertise), Email = contributor.Email,
        Links = string.Join('\n', contributor.Links),
    };

    /// <summary>What the writer stores. Lists are one entry a line; a photo id that is no id (only a forged post sends one) is refused as a missing image.</summary>
    public ContributorInput ToInput() => new()
    {
        Name = Name, Slug = Slug, Kind = Kind ?? "", Role = Role, Bio = Bio,
        PhotoId = string.IsNullOrWhiteSpace(PhotoId) ? null : Guid.TryParse(PhotoId, out var id) ? id : Guid.Empty,
        Expertise = Lines(Expertise), Email = Email, Links = Lines(Links),
    };

    private static string[] Lines(string? text) => text?.Split('\n') ?? [];

    /// <summary>The newest library images (and the current photo), for the photo select.</summary>
    public static async Task<IReadOnlyList<SelectListItem>> PhotoChoicesAsync(BroadsheetDb db, Guid? current, CancellationToken ct)
    {
        var images = await db.Images.AsNoTracking()
            .Where(i => i.Id == current || db.Images.OrderByDescending(n => n.CreatedAt).Take(200).Select(n => n.Id).Contains(i.Id))
            .OrderByDescending(i => i.CreatedAt).Select(i => new { i.Id, i.Alt }).ToListAsync(ct);
        return [new SelectListItem("(none)", ""), .. images.Select(i => new SelectListItem(i.Alt.Length <= 80 ? i.Alt : i.Alt[..79] + "…", i.Id.ToString()))];
    }
}

public sealed class ContributorsModel(BroadsheetDb db, ContributorWriter writer) : PageModel, IContributorForm
{
    [BindProperty]
    public ContributorFields Input { get; set; } = new();

    public List<Contributor> Contributors { get; private set; } = [];

    public IReadOnlyList<SelectListItem> PhotoChoices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Contributors = await db.Contributors.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
        PhotoChoices = await ContributorFields.PhotoChoicesAsync(db, Guid.TryParse(Input.PhotoId, out var chosen) ? chosen : null, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await writer.CreateAsync(Input.ToInput(), ct);
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
