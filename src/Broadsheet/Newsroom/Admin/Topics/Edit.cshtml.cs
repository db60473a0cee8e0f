using Broadsheet.Api.Admin;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Newsroom.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Admin.Topics;

/// <summary>Renames a topic or edits its description; deletes it when no article or ad uses it. Its slug never changes.</summary>
public sealed class TopicEditModel(BroadsheetDb db, ContentCache cache) : PageModel
{
    [BindProperty]
    public TopicsModel.TopicInput Input { get; set; } = new();

    public Topic Topic { get; private set; } = null!;

    public string? DeleteBlockedBy { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Input = new() { Name = Topic.Name, Description = Topic.Description };
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
        Topic.Name = Input.Name!.Trim();
        Topic.Description = AdminText.OrNull(Input.Description);
        await db.SaveChangesAsync(ct);
        await cache.EvictArticlesAsync(db.Articles.Where(a => a.Topics.Any(t => t.TopicId == id)), [CacheTags.Home, CacheTags.Topic(Topic.Slug)], ct);
        StatusMessage.Set(TempData, $"Topic '{Topic.Name}' saved.");
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
        if (DeleteBlockedBy is not null)
        {
            ModelState.AddModelError("", $"This topic cannot be deleted: {DeleteBlockedBy}");
            Input = new() { Name = Topic.Name, Description = Topic.Description };
            return Page();
        }
        db.Topics.Remove(Topic);
        await db.SaveChangesAsync(ct);
        await cache.EvictAsync([CacheTags.Home, CacheTags.Topic(Topic.Slug)], ct);
        StatusMessage.Set(TempData, $"Topic '{Topic.Name}' deleted.");
        return Redirect("/newsroom/admin/topics");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var topic = await db.Topics.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (topic is null)
        {
            return false;
        }
        Topic = topic;
        DeleteBlockedBy = await db.Set<ArticleTopic>().AnyAsync(t => t.TopicId == id, ct) ? "articles use it; remove it from them first."
            : await db.AdCreatives.AnyAsync(a => a.TopicSlug == topic.Slug, ct) ? "ads are targeted at it; retarget or delete them first."
            : null;
        return true;
    }
}
