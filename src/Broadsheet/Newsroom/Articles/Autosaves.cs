using Broadsheet.Articles;
using Broadsheet.Articles.Workflow;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Articles;

/// <summary>
/// Each user's unsaved editor state, one row per user and article (article 0: a new one). Writing it never
/// touches the article, its version or its revisions.
/// </summary>
public sealed class Autosaves(BroadsheetDb db, TimeProvider clock)
{
    public const int MaxFormLength = 2_000_000;

    public Task<ArticleAutosave?> FindAsync(string userId, int articleId, CancellationToken ct = default) =>
        db.ArticleAutosaves.AsNoTracking().FirstOrDefaultAsync(a => a.UserId == userId && a.ArticleId == articleId, ct);

    public async Task<DateTimeOffset> SaveAsync(string userId, int articleId, EditorForm form, CancellationToken ct = default)
    {
        var json = form.ToJson();
        if (json.Length > MaxFormLength)
        {
            throw new ArgumentException($"An autosave may be at most {MaxFormLength} characters.", nameof(form));
        }
        var now = ArticleWriter.Now(clock);
        var row = await db.ArticleAutosaves.FirstOrDefaultAsync(a => a.UserId == userId && a.ArticleId == articleId, ct);
        if (row is null)
        {
            db.ArticleAutosaves.Add(new ArticleAutosave { UserId = userId, ArticleId = articleId, BaseVersion = form.Version, Form = json, SavedAt = now });
        }
        else
        {
            row.Form = json;
            row.BaseVersion = form.Version;
            row.SavedAt = now;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (row is null)
        {
            // Two autosaves of a first draft raced to insert: the other one stored the same user's text a moment ago.
            db.ChangeTracker.Clear();
            return await SaveAsync(userId, articleId, form, ct);
        }
        return now;
    }

    public Task DiscardAsync(string userId, int articleId, CancellationToken ct = default) =>
        db.ArticleAutosaves.Where(a => a.UserId == userId && a.ArticleId == articleId).ExecuteDeleteAsync(ct);
}
