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
    /// index and the publication-date index together, a widening window at a time, and only those are ranked. Ranking
    /// one costs its vector read from the TOAST table (about 2 KB, eight buffers with the indexes on the way), which at
    /// a million articles is most of a one-word search; 200 fill ten pages of twenty, past which pages rank more.
    /// </summary>
    public const int Candidates = 200;

    /// <summary>The most matches <see cref="CountAsync"/> counts; the API reports this many when there are more.</summary>
    public const int CountCap = 1000;

    // The publication-time window, in days back from now, a PostgreSQL search reads first; the one it reads next when the
    // first holds no match; and the widest bounded one, past which it reads all the older matches.
    private const int FirstWindowDays = 3;
    private const int EmptyWindowDays = 90;

    // Fewer matches than this in the first window say too little about how common the words are to size the next one.
    private const int FewMatches = 8;
    private const int LastWindowDays = 3650;

    public async Task<SearchResults> SearchAsync(SearchQuery query, SearchFilters filters, SearchOrder order, int page, int pageSize, CancellationToken ct)
    {
        if (query.IsEmpty)
        {
            return new SearchResults([], false);
        }
        List<(int ArticleId, double Rank)> pageRows;
        var skip = PageOffset.Of(page, pageSize);
        if (db.IsPostgres)
        {
            pageRows = await NewestRankedAsync(query, filters, order, skip, pageSize + 1, ct);
        }
        else
        {
            var matches = await MatchesAsync(query, null, null, ct);
            var articles = Filter(published.Visible(), filters);
            var rows = from m in matches join a in articles on m.ArticleId equals a.Id select new { m.ArticleId, m.Rank, a.FirstPublishedAt };
            var ordered = order == SearchOrder.Newest
                ? rows.OrderByDescending(r => r.FirstPublishedAt).ThenByDescending(r => r.ArticleId)
                : rows.OrderByDescending(r => r.Rank).ThenByDescending(r => r.FirstPublishedAt).ThenByDescending(r => r.ArticleId);
            pageRows = [.. (await ordered.Skip(skip).Take(pageSize + 1).ToListAsync(ct)).Select(r => (r.ArticleId, r.Rank))];
        }
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
        var matches = await MatchesAsync(query, null, null, ct);
        return await (from m in matches join a in Filter(published.Visible(), filters) on m.ArticleId equals a.Id select m.ArticleId).Take(CountCap).CountAsync(ct);
    }

    /// <summary>
    /// PostgreSQL: rows <paramref name="skip"/> to <paramref name="skip"/> + <paramref name="take"/> of the matches that
    /// pass the filters, each with its rank. By relevance they are the best of the newest
    /// <c>max(<see cref="Candidates"/>, skip + take)</c> matches; newest first they are simply the newest, and only the
    /// page's rows are ranked. The matches are read a window of publication time at a time, newest first (see
    /// <see cref="NewestAsync"/>).
    /// </summary>
    private async Task<List<(int ArticleId, double Rank)>> NewestRankedAsync(SearchQuery query, SearchFilters filters, SearchOrder order, int skip, int take, CancellationToken ct)
    {
        var ids = await NewestAsync(query, filters, order == SearchOrder.Newest ? skip + take : Math.Max(Candidates, skip + take), ct);
        if (order == SearchOrder.Newest)
        {
            ids = [.. ids.Skip(skip)];
        }
        if (ids.Count == 0)
        {
            return [];
        }
        var ranks = (await RanksAsync(query, ids, ct)).ToDictionary(m => m.ArticleId);
        var newest = ids.Where(ranks.ContainsKey).Select(id => (id, ranks[id].Rank, ranks[id].PublishedAt)).ToList();
        return order == SearchOrder.Newest
            ? [.. newest.Select(r => (r.id, r.Rank))]
            : [.. newest.OrderByDescending(r => r.Rank).ThenByDescending(r => r.PublishedAt).ThenByDescending(r => r.id).Skip(skip).Take(take).Select(r => (r.id, r.Rank))];
    }

    /// <summary>
    /// PostgreSQL: the newest <paramref name="limit"/> matches that pass the filters, newest first. They are read a window
    /// of publication time at a time, each window ending where the one before began, so no match is read twice: every
    /// match a window holds costs a read of its document, which at a million articles is mostly a read from disk. The
    /// first window is the last few days; the rate of matches read so far sizes the next to hold the rest with a quarter
    /// to spare (and to reach at least half again as far back); a word the first days hold fewer than
    /// <see cref="FewMatches"/> times is looked for over three months first, and without a bound when they hold none
    /// either, as is everything past ten years.
    /// </summary>
    private async Task<List<int>> NewestAsync(SearchQuery query, SearchFilters filters, int limit, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var unfiltered = filters == new SearchFilters();
        var ids = new List<int>();
        DateTimeOffset? until = null;
        double days = FirstWindowDays;
        while (true)
        {
            DateTimeOffset? since = days > LastWindowDays ? null : now.AddDays(-days);
            var wanted = limit - ids.Count;
            ids.AddRange(unfiltered
                ? await NewestMatchesAsync(query, since, until, now, wanted, ct)
                : await (from m in await MatchesAsync(query, since, until, ct)
                         join a in Filter(published.Visible(), filters) on m.ArticleId equals a.Id
                         orderby m.PublishedAt descending, m.ArticleId descending
                         select m.ArticleId).Take(wanted).ToListAsync(ct));
            if (ids.Count >= limit || since is null)
            {
                return ids;
            }
            until = since;
            // A handful of matches in the first days cannot tell a word's rate (one match over 3 days sized a window that
            // read 2,200 documents where 600 held the 500), so three months are read first. At least half again as far
            // back each time, so that a few windows reach the unbounded one whatever the rate.
            days = days < EmptyWindowDays && ids.Count < FewMatches ? EmptyWindowDays
                : ids.Count > 0 ? Math.Max(1.5 * days, days + 1.25 * (limit - ids.Count) * days / ids.Count)
                : double.PositiveInfinity;
        }
    }

    /// <summary>
    /// The newest <paramref name="limit"/> matches of a search without filters published from <paramref name="since"/>
    /// (when given) and before <paramref name="until"/> (when given, else up to now), from the search documents alone: a
    /// document exists only for a published article and carries its publication time, so no article row is read (the
    /// page's articles are read through <see cref="PublishedArticles"/> afterwards, which checks them again). The matches
    /// are gathered before they are ordered (a materialized CTE) so that PostgreSQL reads the GIN index, with the date
    /// index beside it, rather than walking the date index newest first and testing every document's vector, which
    /// costs a detoasted vector per document of the window for a word that is neither rare nor common.
    /// </summary>
    private async Task<List<int>> NewestMatchesAsync(SearchQuery query, DateTimeOffset? since, DateTimeOffset? until, DateTimeOffset now, int limit, CancellationToken ct)
    {
        var tsquery = query.ToTsQuery(SearchLanguages.ConfigFor(await LanguageAsync(ct)));
        var n = query.Parameters.Count();
        var sql = "WITH m AS MATERIALIZED (SELECT \"ArticleId\", \"PublishedAt\" FROM \"SearchDocument\" WHERE \"Vector\" @@ (" + tsquery + ")"
            + " AND \"PublishedAt\" " + (until is null ? "<=" : "<") + " {" + n + "}" + (since is null ? "" : " AND \"PublishedAt\" >= {" + (n + 2) + "}")
            + ") SELECT \"ArticleId\" AS \"Value\" FROM m ORDER BY \"PublishedAt\" DESC, \"ArticleId\" DESC LIMIT {" + (n + 1) + "}";
        object[] parameters = since is { } start ? [.. query.Parameters, until ?? now, limit, start] : [.. query.Parameters, until ?? now, limit];
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

    /// <summary>
    /// The matches with their rank (SQLite) or unranked (PostgreSQL, ranked apart); on PostgreSQL published from
    /// <paramref name="since"/> and before <paramref name="until"/> when given.
    /// </summary>
    private async Task<IQueryable<SearchMatch>> MatchesAsync(SearchQuery query, DateTimeOffset? since, DateTimeOffset? until, CancellationToken ct)
    {
        if (db.IsPostgres)
        {
            // The expression holds only fixed SQL and parameter placeholders: the reader's words are parameters.
            var tsquery = query.ToTsQuery(SearchLanguages.ConfigFor(await LanguageAsync(ct)));
            var sql = "SELECT \"ArticleId\", 0::float8 AS \"Rank\", \"PublishedAt\" FROM \"SearchDocument\" WHERE \"Vector\" @@ (" + tsquery + ")";
            List<object> parameters = [.. query.Parameters];
            if (since is { } start)
            {
                sql += " AND \"PublishedAt\" >= {" + parameters.Count + "}";
                parameters.Add(start);
            }
            if (until is { } end)
            {
                sql += " AND \"PublishedAt\" < {" + parameters.Count + "}";
                parameters.Add(end);
            }
            return db.Set<SearchMatch>().FromSqlRaw(sql, [.. parameters]);
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
