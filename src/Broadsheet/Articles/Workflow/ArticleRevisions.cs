using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Articles.Workflow;

/// <summary>Reads an article's revision history.</summary>
public sealed class ArticleRevisions(BroadsheetDb db)
{
    /// <summary>Newest first; snapshots are left out (they can be large).</summary>
    public Task<List<ArticleRevision>> ListAsync(int articleId, CancellationToken ct = default) =>
        db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == articleId)
            .OrderByDescending(r => r.Version).ThenByDescending(r => r.Id)
            .Select(r => new ArticleRevision { Id = r.Id, ArticleId = r.ArticleId, Version = r.Version, At = r.At, UserId = r.UserId, UserName = r.UserName, Summary = r.Summary, Snapshot = "" })
            .ToListAsync(ct);

    public Task<ArticleRevision?> FindAsync(int articleId, long revisionId, CancellationToken ct = default) =>
        db.ArticleRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.ArticleId == articleId && r.Id == revisionId, ct);
}
