using Broadsheet.Articles;
using Broadsheet.Articles.Contributors;
using Broadsheet.Data;
using Broadsheet.Newsroom.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Admin.Contributors;

/// <summary>Edits a contributor; deletes one who is in no byline. The slug (their page's address) never changes.</summary>
public sealed class ContributorEditModel(BroadsheetDb db, ContributorWriter writer) : PageModel, IContributorForm
{
    [BindProperty]
    public ContributorFields Input { get; set; } = new();

    public Contributor Contributor { get; private set; } = null!;

    public string? DeleteBlockedBy { get; private set; }

    public IReadOnlyList<SelectListItem> PhotoChoices { get; private set; } = [];

    /// <summary>The newsroom account this contributor is the byline of (empty: none).</summary>
    [BindProperty]
    [System.ComponentModel.DataAnnotations.Display(Name = "Newsroom account")]
    public string? AccountId { get; set; }

    public IReadOnlyList<SelectListItem> AccountChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Input = ContributorFields.From(Contributor);
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
        // The slug is not part of this form; the writer refuses any other than the contributor's own.
        Input.Slug = null;
        var result = await writer.UpdateAsync(Contributor.Slug, Input.ToInput(), ct);
        if (!result.Succeeded)
        {
            WriterErrors.AddTo(ModelState, result);
            return Page();
        }
        StatusMessage.Set(TempData, $"Contributor '{result.Value!.Name}' saved.");
        return RedirectToPage();
    }

    /// <summary>Links the contributor to a newsroom account (or to none), taking it over from another account if need be.</summary>
    public async Task<IActionResult> OnPostAccountAsync(int id, CancellationToken ct)
    {
        var chosen = string.IsNullOrEmpty(AccountId) ? null : AccountId;
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        ModelState.Clear();
        var result = await writer.LinkUserAsync(Contributor.Slug, chosen, takeOver: true, ct);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(AccountId), result.Errors.SelectMany(e => e.Value).FirstOrDefault() ?? result.Message ?? "Not linked.");
            Input = ContributorFields.From(Contributor);
            return Page();
        }
        StatusMessage.Set(TempData, result.Value!.UserId is null ? $"'{Contributor.Name}' is no account's byline now." : $"'{Contributor.Name}' is now the byline of that account.");
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
        var result = await writer.DeleteAsync(Contributor.Slug, ct);
        if (!result.Succeeded)
        {
            WriterErrors.AddTo(ModelState, result);
            Input = ContributorFields.From(Contributor);
            return Page();
        }
        StatusMessage.Set(TempData, $"Contributor '{Contributor.Name}' deleted.");
        return Redirect("/newsroom/admin/contributors");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await db.Contributors.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is not { } contributor)
        {
            return false;
        }
        Contributor = contributor;
        DeleteBlockedBy = await writer.DeleteBlockedByAsync(contributor, ct);
        PhotoChoices = await ContributorFields.PhotoChoicesAsync(db, contributor.PhotoId, ct);
        AccountId = contributor.UserId;
        AccountChoices = [new SelectListItem("(none)", ""), .. (await db.Users.AsNoTracking().OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct))
            .Select(u => new SelectListItem($"{u.DisplayName} ({u.Email})", u.Id))];
        return true;
    }
}
