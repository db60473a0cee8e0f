using System.ComponentModel.DataAnnotations;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Newsroom.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Admin.Topics;

public sealed class TopicsModel(BroadsheetDb db, ContentCache cache) : PageModel
{
    [BindProperty]
    public TopicInput Input { get; set; } = new();

    public List<(Topic Topic, int Articles)> Topics { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var slug = AdminSlugs.Check(ModelState, "Input", Input.Name, Input.Slug);
        if (slug is not null && await db.Topics.AnyAsync(t => t.Slug == slug, ct))
        {
            ModelState.AddModelError(string.IsNullOrWhiteSpace(Input.Slug) ? "Input.Name" : "Input.Slug", $"A topic with the address '/topics/{slug}' exists already.");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        db.Topics.Add(new Topic { Slug = slug!, Name = Input.Name!.Trim(), Description = AdminText.OrNull(Input.Description) });
        await db.SaveChangesAsync(ct);
        await cache.EvictAsync([CacheTags.Home, CacheTags.Topic(slug!)], ct);
        StatusMessage.Set(TempData, $"Topic '{Input.Name.Trim()}' created.");
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var topics = await db.Topics.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        var counts = await db.Set<ArticleTopic>().GroupBy(t => t.TopicId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Topics = topics.Select(t => (t, counts.GetValueOrDefault(t.Id))).ToList();
    }

    public sealed class TopicInput
    {
        [Required(ErrorMessage = "Enter the topic's name.")]
        [StringLength(120, ErrorMessage = "Enter a name of at most 120 characters.")]
        [Display(Name = "Name")]
        public string? Name { get; set; }

        [StringLength(80, ErrorMessage = "Enter an address of at most 80 characters.")]
        [Display(Name = "Address")]
        public string? Slug { get; set; }

        [StringLength(2000, ErrorMessage = "Enter a description of at most 2000 characters.")]
        [Display(Name = "Description")]
        public string? Description { get; set; }
    }
}
