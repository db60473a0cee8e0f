using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Search;

/// <summary>
/// Keeps one <see cref="SearchDocument"/> per published article. <see cref="ContentChanges"/> calls it after every save
/// that touches articles (publish, update, unpublish, delete, a scheduled publication), in the save's connection and
/// transaction, so the index changes with the article and is never written anywhere else.
/// </summary>
public sealed class SearchIndex : IArticleIndex
{
    public async Task ArticlesChangedAsync(BroadsheetDb db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var articles = await db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id) && a.Status == ArticleStatus.Published)
            .Select(a => new { a.Id, a.Language, a.Headline, a.Summary, a.Body, a.FirstPublishedAt })
            .ToListAsync(ct);
        var kept = articles.Select(a => a.Id).ToList();
        if (ids.Except(kept).Any())
        {
            await db.Set<SearchDocument>().Where(d => ids.Contains(d.ArticleId) && !kept.Contains(d.ArticleId)).ExecuteDeleteAsync(ct);
        }
        foreach (var a in articles)
        {
            var document = Document(a.Id, a.Language, a.Headline, a.Summary, a.Body, a.FirstPublishedAt);
            // Raw SQL bypasses the model's converters: SQLite keeps the time as UTC ticks (BroadsheetDb).
            object? publishedAt = db.IsSqlite ? document.PublishedAt?.UtcTicks : document.PublishedAt;
            // One statement, so a reader never finds the article missing between a delete and an insert.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "SearchDocument" ("ArticleId", "Config", "Headline", "Summary", "Body", "PublishedAt")
                VALUES ({document.ArticleId}, {document.Config}, {document.Headline}, {document.Summary}, {document.Body}, {publishedAt})
                ON CONFLICT ("ArticleId") DO UPDATE SET "Config" = excluded."Config", "Headline" = excluded."Headline",
                    "Summary" = excluded."Summary", "Body" = excluded."Body", "PublishedAt" = excluded."PublishedAt"
                """, ct);
        }
    }

    /// <summary>What the index keeps of an article; the bench's bulk loader writes the same rows.</summary>
    public static SearchDocument Document(int id, string language, string headline, IReadOnlyList<string> summary, IReadOnlyList<Block> body, DateTimeOffset? publishedAt = null) => new()
    {
        ArticleId = id,
        Config = SearchLanguages.ConfigFor(language),
        Headline = SearchText.ForIndex(headline),
        Summary = SearchText.ForIndex(string.Join('\n', summary)),
        Body = SearchText.ForIndex(PlainText.Of(body)),
        PublishedAt = publishedAt,
    };

    /// <summary>Indexes the published articles that have no document yet (a database from before search, a bulk load).</summary>
    public async Task CatchUpAsync(BroadsheetDb db, CancellationToken ct)
    {
        // A document exists only for a published article (the writer deletes it with the publication, in the same
        // transaction), so equal counts mean none is missing: two index-only counts, in one statement so that they see the
        // same moment, rather than an anti-join of every id at each start (seconds at a million articles).
        var complete = await db.Database.SqlQueryRaw<bool>(
            """SELECT (SELECT count(*) FROM "Articles" WHERE "Status" = {0}) = (SELECT count(*) FROM "SearchDocument") AS "Value" """,
            nameof(ArticleStatus.Published)).SingleAsync(ct);
        if (complete)
        {
            return;
        }
        while (true)
        {
            var missing = await db.Articles.AsNoTracking()
                .Where(a => a.Status == ArticleStatus.Published && !db.Set<SearchDocument>().Any(d => d.ArticleId == a.Id))
                .OrderBy(a => a.Id)
                .Select(a => a.Id)
                .Take(500)
                .ToListAsync(ct);
            if (missing.Count == 0)
            {
                return;
            }
            await ArticlesChangedAsync(db, missing, ct);
        }
    }
}
