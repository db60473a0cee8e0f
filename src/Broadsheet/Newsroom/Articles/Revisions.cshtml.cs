using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Articles.Workflow;
using Broadsheet.Data;
using Broadsheet.Newsroom.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Articles;

/// <summary>
/// An article's revisions: who saved what when, any two compared side by side, any one restored. Restoring
/// an unpublished article saves the old content as a new revision; for a published article it opens the old
/// content in the editor instead, so nothing reaches readers (and nothing is unpublished) until an editor saves.
/// </summary>
public sealed class RevisionsModel(BroadsheetDb db, ArticleWriter writer, ArticleRevisions revisions, ArticleHistory history) : PageModel
{
    public Article Article { get; private set; } = null!;

    /// <summary>The saves alone, newest first: what can be compared and restored.</summary>
    public List<ArticleRevision> List { get; private set; } = [];

    /// <summary>Every save and every editorial decision, newest first.</summary>
    public List<HistoryEntry> History { get; private set; } = [];

    public PublicationTime Time { get; private set; } = new(TimeZoneInfo.Utc);

    public DiffView? Comparison { get; private set; }

    public bool CanRestore { get; private set; }

    [BindProperty(SupportsGet = true)]
    public long? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? To { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failure)
        {
            return failure;
        }
        if (From is { } from && To is { } to)
        {
            var left = await revisions.FindAsync(id, from, ct);
            var right = await revisions.FindAsync(id, to, ct);
            if (left is null || right is null)
            {
                return NotFound();
            }
            Comparison = new DiffView(
                $"Version {left.Version} ({left.UserName}, {Time.Format(left.At)})",
                $"Version {right.Version} ({right.UserName}, {Time.Format(right.At)})",
                RevisionDiff.Compare(ArticleSnapshot.Parse(left.Snapshot), ArticleSnapshot.Parse(right.Snapshot)));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, long revision, int version, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failure)
        {
            return failure;
        }
        if (!CanRestore)
        {
            return Forbid();
        }
        if (await revisions.FindAsync(id, revision, ct) is not { } chosen)
        {
            return NotFound();
        }
        if (Article.Status == ArticleStatus.Published)
        {
            return Redirect($"/newsroom/articles/{id}?restore={chosen.Id}");
        }
        var actor = NewsroomClaims.Actor(User);
        var restored = await writer.UpdateAsync(id, ArticleSnapshot.Parse(chosen.Snapshot).ToInput(), version, actor.Changing($"Restored version {chosen.Version}"), ct);
        StatusMessage.Set(TempData, restored.Status switch
        {
            WriteStatus.Ok when restored.Value!.Version == version => $"Version {chosen.Version} is the same as the current text: nothing to restore.",
            WriteStatus.Ok => $"Restored version {chosen.Version} as version {restored.Value!.Version}.",
            WriteStatus.VersionMismatch => "Someone saved the article since you opened this page: look at the newest revision and try again.",
            WriteStatus.Invalid => $"Version {chosen.Version} can no longer be saved as it was ({string.Join(" ", restored.Errors.SelectMany(e => e.Value))}): open it in the editor instead.",
            _ => restored.Message ?? "The revision could not be restored.",
        });
        return restored.Succeeded ? Redirect($"/newsroom/articles/{id}") : RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var actor = NewsroomClaims.Actor(User);
        Time = PublicationTime.Of(await db.Publications.AsNoTracking().OrderBy(p => p.Id).FirstOrDefaultAsync(ct));
        var article = await db.Articles.AsNoTracking().Include(a => a.Section).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (article is null)
        {
            return NotFound();
        }
        if (!WorkflowRules.CanView(article, actor))
        {
            return Forbid();
        }
        Article = article;
        CanRestore = WorkflowRules.CanEdit(article, actor);
        History = await history.ListAsync(id, Time, ct);
        List = [.. History.Select(h => h.Revision).OfType<ArticleRevision>()];
        return null;
    }
}
