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
public sealed class ArticleSearch(BroadsheetDb db, PublishedArticles published, TimeProvider clock)
{
    /// <summary>
    /// How many of the newest matches PostgreSQL ranks by relevance. A word in half of a million articles must not
    /// rank half a million vectors: the newest matches (news readers favour recent stories) are found from the GIN
    /// index and the publication-date index together, a widening window at a time, and only those are ranked.
    /// </summary>
    public const int Candidates = 500;

    /// <summary>The most matches <see cref="CountAsync"/> counts; the API reports this many when there are more.</summary>
    public const int CountCap = 1000;

    // The publication-date window, in days back from now, a PostgreSQL search reads first, and the widest bounded one after
    // it; past that the search reads all the matches.
    private const int FirstWindowDays = 3;
    private const int LastWindowDays = 730;

    public async Task<SearchResults> SearchAsync(SearchQuery query, SearchFilters filters, SearchOrder order, int page, int pageSize, CancellationToken ct)
    {
        if (query.IsEmpty)
        {
            return new SearchResults([], false);
        }
        List<(int ArticleId, double Rank)> found;
        var skip = PageOffset.Of(page, pageSize);
        if (db.Database.IsNpgsql())
        {
            found = await NewestRankedAsync(query, filters, order, skip + pageSize + 1, ct);
        }
        else
        {
            var matches = await MatchesAsync(query, null, ct);
            var articles = Filter(published.Visible(), filters);
            var rows = from m in matches join a in articles on m.ArticleId equals a.Id select new { m.ArticleId, m.Rank, a.FirstPublishedAt };
            var ordered = order == SearchOrder.Newest
                ? rows.OrderByDescending(r => r.FirstPublishedAt).ThenByDescending(r => r.ArticleId)
                : rows.OrderByDescending(r => r.Rank).ThenByDescending(r => r.FirstPublishedAt).ThenByDescending(r => r.ArticleId);
            found = [.. (await ordered.Skip(skip).Take(pageSize + 1).ToListAsync(ct)).Select(r => (r.ArticleId, r.Rank))];
            skip = 0;
        }
        var pageRows = found.Skip(skip).Take(pageSize + 1).ToList();
        var hasNext = pageRows.Count > pageSize;
        var ids = pageRows.Take(pageSize).Select(r => r.ArticleId).ToList();
        var shown = (await published.Query().Where(a => ids.Contains(a.Id)).ToListAsync(ct)).ToDictionary(a => a.Id);
        var hits = pageRows.Take(pageSize)
            .Where(r => shown.ContainsKey(r.ArticleId))
            .Select(r => Hit(shown[r.ArticleId], r.Rank, query))
            .ToList();
        return new SearchResults(hits, hasNext);
    }

    /// <summary>How many published articles match, up to <see cref="CountCap"/> (the API's listing reports a total).</summary>
    public async Task<int> CountAsync(SearchQuery query, SearchFilters filters, CancellationToken ct)
    {
        if (query.IsEmpty)
        {
            return 0;
        }
        var matches = await MatchesAsync(query, null, ct);
        return await (from m in matches join a in Filter(published.Visible(), filters) on m.ArticleId equals a.Id select m.ArticleId).Take(CountCap).CountAsync(ct);
    }

    /// <summary>
    /// PostgreSQL: the newest <c>max(<see cref="Candidates"/>, wanted)</c> matches that pass the filters, ranked when the
    /// order is relevance. Each window reads the GIN index and the publication-date index of the search documents
    /// together; the last window has no bound, for words too rare to fill the others.
    /// </summary>
    private async Task<List<(int ArticleId, double Rank)>> NewestRankedAsync(SearchQuery query, SearchFilters filters, SearchOrder order, int wanted, CancellationToken ct)
    {
        var limit = Math.Max(Candidates, wanted);
        var now = clock.GetUtcNow();
        // The first window is the last few days. What it finds tells how common the words are, so the second is sized
        // to hold about twice the candidates at that rate (no bound for a word too rare to judge); a third, unbounded,
        // only when the second still falls short. A fixed ladder of windows cost a rare-ish word every rung.
        var unfiltered = filters == new SearchFilters();
        async Task<List<int>> NewestAsync(DateTimeOffset? since) => unfiltered
            ? await NewestMatchesAsync(query, since, now, limit, ct)
            : await (from m in await MatchesAsync(query, since, ct)
                     join a in Filter(published.Visible(), filters) on m.ArticleId equals a.Id
                     orderby m.PublishedAt descending, m.ArticleId descending
                     select m.ArticleId).Take(limit).ToListAsync(ct);
        var ids = await NewestAsync(now.AddDays(-FirstWindowDays));
        if (ids.Count < limit)
        {
            var days = FirstWindowDays * 2.0 * limit / Math.Max(ids.Count, 0.5);
            DateTimeOffset? since = days > LastWindowDays ? null : now.AddDays(-days);
            ids = await NewestAsync(since);
            if (ids.Count < limit && since is not null)
            {
                ids = await NewestAsync(null);
            }
        }
        if (ids.Count == 0)
        {
            return [];
        }
        var ranks = (await RanksAsync(query, ids, ct)).ToDictionary(m => m.ArticleId);
        var newest = ids.Where(ranks.ContainsKey).Select(id => (id, ranks[id].Rank, ranks[id].PublishedAt)).ToList();
        return order == SearchOrder.Newest
            ? [.. newest.Select(r => (r.id, r.Rank))]
            : [.. newest.OrderByDescending(r => r.Rank).ThenByDescending(r => r.PublishedAt).ThenByDescending(r => r.id).Select(r => (r.id, r.Rank))];
    }

    /// <summary>
    /// The newest <paramref name="limit"/> matches of a search without filters, from the search documents alone: a
    /// document exists only for a published article and carries its publication time, so no article row is read (the
    /// page's articles are read through <see cref="PublishedArticles"/> afterwards, which checks them again). The matches
    /// are gathered before they are ordered (a materialized CTE) so that PostgreSQL reads the GIN index, with the date
    /// index beside it, rather than walking the date index newest first and testing every document's vector, which
    /// costs a detoasted vector per document of the window for a word that is neither rare nor common.
    /// </summary>
    private async Task<List<int>> NewestMatchesAsync(SearchQuery query, DateTimeOffset? since, DateTimeOffset now, int limit, CancellationToken ct)
    {
        var tsquery = query.ToTsQuery(SearchLanguages.ConfigFor(await LanguageAsync(ct)));
        var n = query.Parameters.Count();
        var sql = "WITH m AS MATERIALIZED (SELECT \"ArticleId\", \"PublishedAt\" FROM \"SearchDocument\" WHERE \"Vector\" @@ (" + tsquery + ")"
            + " AND \"PublishedAt\" <= {" + n + "}" + (since is null ? "" : " AND \"PublishedAt\" >= {" + (n + 2) + "}")
            + ") SELECT \"ArticleId\" AS \"Value\" FROM m ORDER BY \"PublishedAt\" DESC, \"ArticleId\" DESC LIMIT {" + (n + 1) + "}";
        object[] parameters = since is { } start ? [.. query.Parameters, now, limit, start] : [.. query.Parameters, now, limit];
        return await db.Database.SqlQueryRaw<int>(sql, parameters).ToListAsync(ct);
    }

    private async Task<List<SearchMatch>> RanksAsync(SearchQuery query, List<int> ids, CancellationToken ct)
    {
        var tsquery = query.ToTsQuery(SearchLanguages.ConfigFor(await LanguageAsync(ct)));
        var sql = "SELECT \"ArticleId\", ts_rank(\"Vector\", " + tsquery + ")::float8 AS \"Rank\", \"PublishedAt\" FROM \"SearchDocument\" WHERE \"ArticleId\" = ANY({"
            + query.Parameters.Count() + "})";
        return await db.Set<SearchMatch>().FromSqlRaw(sql, [.. query.Parameters, ids.ToArray()]).ToListAsync(ct);
    }

    private string? language;

    // Words are stemmed as the publication's language stems them (English, the default, before one is set up). Read once
    // per search (this service lives for one request), not once per statement of it.
    private async Task<string> LanguageAsync(CancellationToken ct) =>
        language ??= await db.Publications.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Language).FirstOrDefaultAsync(ct) ?? "en";

    private static SearchHit Hit(Article article, double rank, SearchQuery query)
    {
        var text = string.Join(' ', article.Summary) + " " + PlainText.Of(article.Body);
        return new SearchHit(article, rank, Highlighter.Html(article.Headline, query), Highlighter.Snippet(text.Trim(), query));
    }

    /// <summary>The matches with their rank (SQLite) or unranked (PostgreSQL, ranked apart), published since <paramref name="since"/> when given.</summary>
    private async Task<IQueryable<SearchMatch>> MatchesAsync(SearchQuery query, DateTimeOffset? since, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            // The expression holds only fixed SQL and parameter placeholders: the reader's words are parameters.
            var tsquery = query.ToTsQuery(SearchLanguages.ConfigFor(await LanguageAsync(ct)));
            var sql = "SELECT \"ArticleId\", 0::float8 AS \"Rank\", \"PublishedAt\" FROM \"SearchDocument\" WHERE \"Vector\" @@ (" + tsquery + ")";
            if (since is { } start)
            {
                sql += " AND \"PublishedAt\" >= {" + query.Parameters.Count() + "}";
                return db.Set<SearchMatch>().FromSqlRaw(sql, [.. query.Parameters, start]);
            }
            return db.Set<SearchMatch>().FromSqlRaw(sql, [.. query.Parameters]);
        }
        return db.Set<SearchMatch>().FromSqlRaw(
            """SELECT rowid AS "ArticleId", -bm25("SearchIndex", 10.0, 4.0, 1.0) AS "Rank", NULL AS "PublishedAt" FROM "SearchIndex" WHERE "SearchIndex" MATCH {0}""",
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
