using System.ComponentModel.DataAnnotations;
using Broadsheet.Articles;
using Broadsheet.Articles.Topics;
using Broadsheet.Data;
using Broadsheet.Newsroom.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Admin.Topics;

public sealed class TopicsModel(BroadsheetDb db, TopicWriter writer) : PageModel
{
    [BindProperty]
    public TopicFields Input { get; set; } = new();

    public List<(Topic Topic, int Articles)> Topics { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await writer.CreateAsync(new TopicInput { Name = Input.Name, Slug = Input.Slug, Description = Input.Description }, ct);
            if (result.Succeeded)
            {
                StatusMessage.Set(TempData, $"Topic '{result.Value!.Name}' created.");
                return RedirectToPage();
            }
            WriterErrors.AddTo(ModelState, result, messageKey: WriterErrors.AddressKey(Input.Slug));
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var topics = await db.Topics.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        var counts = await db.Set<ArticleTopic>().GroupBy(t => t.TopicId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Topics = topics.Select(t => (t, counts.GetValueOrDefault(t.Id))).ToList();
    }

    /// <summary>The form's fields; <see cref="TopicWriter"/> judges them.</summary>
    public sealed class TopicFields
    {
        [Display(Name = "Name")]
        public string? Name { get; set; }

        [Display(Name = "Address")]
        public string? Slug { get; set; }

        [Display(Name = "Description")]
        public string? Description { get; set; }
    }
}
