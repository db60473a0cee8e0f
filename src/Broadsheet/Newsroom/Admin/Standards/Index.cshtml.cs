using System.ComponentModel.DataAnnotations;
using Broadsheet.Articles;
using Broadsheet.Articles.BodyFormats;
using Broadsheet.Articles.Standards;
using Broadsheet.Data;
using Broadsheet.Newsroom.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Admin.Standards;

/// <summary>The form's fields, the body as Markdown; <see cref="StandardsPageWriter"/> judges them.</summary>
public sealed class StandardsFields
{
    [Display(Name = "Title")]
    public string? Title { get; set; }

    [Display(Name = "Address")]
    public string? Slug { get; set; }

    [Display(Name = "Text")]
    public string? Body { get; set; }

    public StandardsInput ToInput() => new() { Title = Title, Slug = Slug, Body = new BodyInput(Markdown: Body ?? "") };

    /// <summary>Every body error (<c>body</c>, <c>body.markdown</c>) belongs to the one text field.</summary>
    public static string Key(string field) => field.StartsWith("body", StringComparison.Ordinal) ? "Input.Body" : WriterErrors.Input(field);
}

public sealed class StandardsModel(BroadsheetDb db, StandardsPageWriter writer) : PageModel
{
    [BindProperty]
    public StandardsFields Input { get; set; } = new();

    public List<StandardsPage> Pages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Pages = await db.StandardsPages.AsNoTracking().OrderBy(p => p.Position).ThenBy(p => p.Title).ToListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await writer.CreateAsync(Input.ToInput(), ct);
            if (result.Succeeded)
            {
                StatusMessage.Set(TempData, $"Standards page '{result.Value!.Title}' created.");
                return RedirectToPage();
            }
            WriterErrors.AddTo(ModelState, result, StandardsFields.Key, WriterErrors.AddressKey(Input.Slug, "Title"));
        }
        await OnGetAsync(ct);
        return Page();
    }
}
