using System.ComponentModel.DataAnnotations;
using Broadsheet.Articles;
using Broadsheet.Articles.BodyFormats;
using Broadsheet.Data;
using Broadsheet.Newsroom.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Admin.Standards;

public sealed class StandardsInput
{
    [Required(ErrorMessage = "Enter the page's title.")]
    [StringLength(200, ErrorMessage = "Enter a title of at most 200 characters.")]
    [Display(Name = "Title")]
    public string? Title { get; set; }

    [StringLength(80, ErrorMessage = "Enter an address of at most 80 characters.")]
    [Display(Name = "Address")]
    public string? Slug { get; set; }

    [Required(ErrorMessage = "Write the page's text.")]
    [StringLength(100_000, ErrorMessage = "Keep the text under 100,000 characters.")]
    [Display(Name = "Text")]
    public string? Body { get; set; }

    /// <summary>The body as blocks, or null with errors on Input.Body.</summary>
    public async Task<List<Block>?> BlocksAsync(BroadsheetDb db, ModelStateDictionary modelState, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Body))
        {
            return null;
        }
        var blocks = MarkdownBody.ToBlocks(Body);
        var errors = new ValidationErrors();
        BodyRules.Validate(blocks, "body", errors);
        foreach (var (_, messages) in errors.ToDictionary())
        {
            foreach (var message in messages)
            {
                modelState.AddModelError("Input.Body", message);
            }
        }
        if (blocks.Count == 0)
        {
            modelState.AddModelError("Input.Body", "Write the page's text.");
        }
        var images = BodyRules.Images(blocks).Select(i => i.ImageId).Distinct().ToList();
        var known = await db.Images.Where(i => images.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct);
        foreach (var missing in images.Except(known))
        {
            modelState.AddModelError("Input.Body", $"There is no image /media/{missing} in the library.");
        }
        return modelState.IsValid ? blocks : null;
    }
}

public sealed class StandardsModel(BroadsheetDb db, ContentCache cache, TimeProvider clock) : PageModel
{
    [BindProperty]
    public StandardsInput Input { get; set; } = new();

    public List<StandardsPage> Pages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Pages = await db.StandardsPages.AsNoTracking().OrderBy(p => p.Position).ThenBy(p => p.Title).ToListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var slug = AdminSlugs.Check(ModelState, "Input", Input.Title, Input.Slug);
        if (slug is not null && await db.StandardsPages.AnyAsync(p => p.Slug == slug, ct))
        {
            ModelState.AddModelError(string.IsNullOrWhiteSpace(Input.Slug) ? "Input.Title" : "Input.Slug", $"A standards page with the address '/standards/{slug}' exists already.");
        }
        var blocks = await Input.BlocksAsync(db, ModelState, ct);
        if (!ModelState.IsValid || blocks is null)
        {
            await OnGetAsync(ct);
            return Page();
        }
        var position = await db.StandardsPages.AnyAsync(ct) ? await db.StandardsPages.MaxAsync(p => p.Position, ct) + 1 : 0;
        db.StandardsPages.Add(new StandardsPage { Slug = slug!, Title = Input.Title!.Trim(), Body = blocks, Position = position, ModifiedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        await cache.EvictAsync([CacheTags.Standards], ct);
        StatusMessage.Set(TempData, $"Standards page '{Input.Title.Trim()}' created.");
        return RedirectToPage();
    }
}
