using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Search;

public enum SearchOrder
{
    Relevance,
    Newest,
}

/// <summary>What narrows a search: a section (with its subsections), a topic, an author, a type, publication days (UTC, inclusive).</summary>
public sealed record SearchFilters(string? Section = null, string? Topic = null, string? Author = null, ArticleType? Type = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>One result: the article as a listing shows it, its headline and a passage with the query's words marked (HTML).</summary>
public sealed record SearchHit(Article Article, double Rank, string HeadlineHtml, string SnippetHtml);

public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, bool HasNext);

/// <summary>
/// Full-text search over published articles, read through <see cref="PublishedArticles"/> like every other reader
/// query: the database finds and ranks the matches (FTS5's bm25 with the headline weighted over the summary over the
/// body on SQLite, ts_rank over the A/B/C-weighted tsvector on PostgreSQL), the filters and the order are LINQ over
/// the same visible articles, and a page is one query for the ids and one for what the results show.
/// </summary>
public sealed class ArticleSearch(BroadsheetDb db, PublishedArticles published)
{
    public async Task<SearchResults> SearchAsync(SearchQuery query, SearchFilters filters, SearchOrder order, int page, int pageSize, CancellationToken ct)
    {
        if (query.IsEmpty)
        {
            return new SearchResults([], false);
        }
        var matches = await MatchesAsync(query, ct);
        var articles = Filter(published.Visible(), filters);
        var rows = from m in matches join a in articles on m.ArticleId equals a.Id select new { m.ArticleId, m.Rank, a.FirstPublishedAt };
        var ordered = order == SearchOrder.Newest
            ? rows.OrderByDescending(r => r.FirstPublishedAt).ThenByDescending(r => r.ArticleId)
            : rows.OrderByDescending(r => r.Rank).ThenByDescending(r => r.FirstPublishedAt).ThenByDescending(r => r.ArticleId);
        var found = await ordered.Skip(PageOffset.Of(page, pageSize)).Take(pageSize + 1).ToListAsync(ct);
        var hasNext = found.Count > pageSize;
        var ids = found.Take(pageSize).Select(r => r.ArticleId).ToList();
        var shown = (await published.Query().Where(a => ids.Contains(a.Id)).ToListAsync(ct)).ToDictionary(a => a.Id);
        var hits = found.Take(pageSize)
            .Where(r => shown.ContainsKey(r.ArticleId))
            .Select(r => Hit(shown[r.ArticleId], r.Rank, query))
            .ToList();
        return new SearchResults(hits, hasNext);
    }

    /// <summary>How many published articles match (the API's listing reports a total).</summary>
    public async Task<int> CountAsync(SearchQuery query, SearchFilters filters, CancellationToken ct)
    {
        if (query.IsEmpty)
        {
            return 0;
        }
        var matches = await MatchesAsync(query, ct);
        return await (from m in matches join a in Filter(published.Visible(), filters) on m.ArticleId equals a.Id select m.ArticleId).CountAsync(ct);
    }

    private static SearchHit Hit(Article article, double rank, SearchQuery query)
    {
        var text = string.Join(' ', article.Summary) + " " + PlainText.Of(article.Body);
        return new SearchHit(article, rank, Highlighter.Html(article.Headline, query), Highlighter.Snippet(text.Trim(), query));
    }

    private async Task<IQueryable<SearchMatch>> MatchesAsync(SearchQuery query, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            // Words are stemmed as the publication's language stems them (English, the default, before one is set up).
            var language = await db.Publications.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Language).FirstOrDefaultAsync(ct) ?? "en";
            // The expression holds only fixed SQL and parameter placeholders: the reader's words are parameters.
            var tsquery = query.ToTsQuery(SearchLanguages.ConfigFor(language));
            var sql = "SELECT \"ArticleId\", ts_rank(\"Vector\", " + tsquery + ")::float8 AS \"Rank\" FROM \"SearchDocument\" WHERE \"Vector\" @@ (" + tsquery + ")";
            return db.Set<SearchMatch>().FromSqlRaw(sql, [.. query.Parameters]);
        }
        return db.Set<SearchMatch>().FromSqlRaw(
            """SELECT rowid AS "ArticleId", -bm25("SearchIndex", 10.0, 4.0, 1.0) AS "Rank" FROM "SearchIndex" WHERE "SearchIndex" MATCH {0}""",
            query.ToFts5());
    }

    private static IQueryable<Article> Filter(IQueryable<Article> articles, SearchFilters filters)
    {
        if (filters.Section is { Length: > 0 } section)
        {
            var prefix = section + "/";
            articles = articles.Where(a => a.Section.Path == section || a.Section.Path.StartsWith(prefix));
        }
        if (filters.Topic is { Length: > 0 } topic)
        {
            articles = articles.Where(a => a.Topics.Any(t => t.Topic.Slug == topic));
        }
        if (filters.Author is { Length: > 0 } author)
        {
            articles = articles.Where(a => a.Byline.Any(c => c.Contributor.Slug == author));
        }
        if (filters.Type is { } type)
        {
            articles = articles.Where(a => a.Type == type);
        }
        if (filters.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            articles = articles.Where(a => a.FirstPublishedAt >= start);
        }
        if (filters.To is { } to && to < DateOnly.MaxValue)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            articles = articles.Where(a => a.FirstPublishedAt < end);
        }
        return articles;
    }
}
