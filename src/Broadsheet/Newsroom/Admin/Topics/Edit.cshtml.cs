using Broadsheet.Articles;
using Broadsheet.Articles.Topics;
using Broadsheet.Data;
using Broadsheet.Newsroom.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Admin.Topics;

/// <summary>Renames a topic or edits its description; deletes it when no article or ad uses it. Its slug never changes.</summary>
public sealed class TopicEditModel(BroadsheetDb db, TopicWriter writer) : PageModel
{
    [BindProperty]
    public TopicsModel.TopicFields Input { get; set; } = new();

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
        var result = await writer.UpdateAsync(Topic.Slug, new TopicInput { Name = Input.Name, Description = Input.Description }, ct);
        if (!result.Succeeded)
        {
            WriterErrors.AddTo(ModelState, result);
            return Page();
        }
        StatusMessage.Set(TempData, $"Topic '{result.Value!.Name}' saved.");
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
        var result = await writer.DeleteAsync(Topic.Slug, ct);
        if (!result.Succeeded)
        {
            WriterErrors.AddTo(ModelState, result);
            Input = new() { Name = Topic.Name, Description = Topic.Description };
            return Page();
        }
        StatusMessage.Set(TempData, $"Topic '{Topic.Name}' deleted.");
        return Redirect("/newsroom/admin/topics");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await db.Topics.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is not { } topic)
        {
            return false;
        }
        Topic = topic;
        DeleteBlockedBy = await writer.DeleteBlockedByAsync(topic, ct);
        return true;
    }
}
