using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Ingest;

/// <summary>What readers are told at the address of a story its agency killed (the reader answers 410 Gone with it).</summary>
public static class WireKills
{
    /// <summary>The notice for an article taken down by an agency's kill, or null when the article was not killed or is back on the site.</summary>
    public static Task<string?> NoticeForAsync(BroadsheetDb db, int articleId, CancellationToken ct) =>
        db.WireStories.AsNoTracking()
            .Where(s => s.ArticleId == articleId && s.KillNotice != null
                && db.Articles.Any(a => a.Id == articleId && a.Status == ArticleStatus.Unpublished))
            .Select(s => s.KillNotice)
            .FirstOrDefaultAsync(ct);
}
