using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Rendering;
using Broadsheet.Syndication;
using Broadsheet.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Broadsheet.Api.Public;

/// <summary>
/// The public content API, <c>/api/v1</c>. Articles are read only through <see cref="PublishedArticles"/>,
/// so drafts never appear here.
/// </summary>
public static class PublicApi
{
    public static RouteGroupBuilder MapPublicApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1")
            .WithTags("Content")
            .AddEndpointFilter<PublicCaching>()
            .CacheOutput(PublicCaching.PolicyName);

        api.MapGet("/articles", ListArticles).WithName("ListArticles")
            .WithSummary("Published articles, newest first, filtered by section (with its subsections), topic or author and, with q, by the same full-text search as /search, a page at a time.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/search", SearchArticles).WithName("SearchArticles")
            .WithSummary("Full-text search of published articles: q with \"phrases\", -excluded words and OR; filters by section (with its subsections), topic, author, type and publication dates (from, to: yyyy-mm-dd, UTC); sort relevance (default) or newest; each result with its snippet, the matches in <mark>.")
            .RequireRateLimiting(RateLimits.Search)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/articles/{id:int}", GetArticle).WithName("GetArticle")
            .WithSummary("One published article with its body.")
            .WithDescription("Content negotiation on Accept: Broadsheet's JSON by default; IPTC ninjs with "
                + "'application/vnd.iptc.ninjs+json; version=3' (or version=2); a NewsML-G2 newsItem with "
                + "'application/vnd.iptc.g2.newsitem+xml'. Another ninjs version is 406. Responses vary on Accept.")
            .Produces<ArticleJson>(StatusCodes.Status200OK, "application/json", NinjsWriter.MediaType, NewsItemWriter.MediaType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status406NotAcceptable);
        api.MapGet("/sections", ListSections).WithName("ListSections").WithSummary("The section tree.");
        api.MapGet("/topics", ListTopics).WithName("ListTopics").WithSummary("All topics.");
        api.MapGet("/authors", ListAuthors).WithName("ListAuthors").WithSummary("All contributors: staff and agencies.");
        return api;
    }

    internal static async Task<Results<Ok<PageJson<ArticleSummaryJson>>, ProblemHttpResult>> ListArticles(
        HttpContext http,
        PublishedArticles published,
        IOptions<ApiOptions> options,
        string? section,
        string? topic,
        string? author,
        string? page,
        string? pageSize,
        string? q,
        ArticleSearch search,
        BroadsheetDb db,
        SiteSnapshot snapshot,
        CancellationToken ct)
    {
        if (!Paging.TryRead(page, pageSize, options.Value, out var paging, out var problem))
        {
            return problem!;
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var parameters = SearchParameters.Read(q, section, topic, author, null, null, null, "newest");
            var found = await search.SearchAsync(parameters.Query, parameters.Filters, SearchOrder.Newest, paging.Page, paging.Size, ct);
            var matches = await search.CountAsync(parameters.Query, parameters.Filters, ct);
            PublicCaching.Tag(http, CacheTags.Home);
            return TypedResults.Ok(paging.PageOf(http.Request, found.Hits.Select(h => ArticleSummaryJson.From(h.Article)).ToList(), matches));
        }
        PublicCaching.Tag(http, CacheTags.Home);
        if (await ScopeAsync(snapshot, db, section, topic, author, ct) is var (scope, known))
        {
            // One filter (or none): the page is found from the stored counts and the total is theirs, at any depth.
            if (!known)
            {
                return TypedResults.Ok(paging.PageOf(http.Request, new List<ArticleSummaryJson>(), 0));
            }
            var (found, total) = await published.PageAndTotalAsync(scope, paging.Page, paging.Size, ct);
            return TypedResults.Ok(paging.PageOf(http.Request, (found?.Articles ?? []).Select(ArticleSummaryJson.From).ToList(), total));
        }
        // Several filters at once: no stored count covers the combination, so it is counted and paged by offset.
        var query = string.IsNullOrWhiteSpace(section) ? published.Query() : published.InSection(section.Trim().Trim('/'));
        if (!string.IsNullOrWhiteSpace(topic))
        {
            query = query.Where(a => a.Topics.Any(t => t.Topic.Slug == topic));
        }
        if (!string.IsNullOrWhiteSpace(author))
        {
            query = query.Where(a => a.Byline.Any(c => c.Contributor.Slug == author));
        }
        var count = await query.CountAsync(ct);
        var articles = await query.Skip(PageOffset.Of(paging.Page, paging.Size)).Take(paging.Size).ToListAsync(ct);
        return TypedResults.Ok(paging.PageOf(http.Request, articles.Select(ArticleSummaryJson.From).ToList(), count));
    }

    /// <summary>The listing of at most one of section, topic and author (none: all articles), and whether it names one that exists; null for several.</summary>
    private static async Task<(ListingScope Scope, bool Known)?> ScopeAsync(SiteSnapshot snapshot, BroadsheetDb db, string? section, string? topic, string? author, CancellationToken ct)
    {
        string?[] given = [section, topic, author];
        switch (given.Count(g => !string.IsNullOrWhiteSpace(g)))
        {
            case 0:
                return (ListingScope.All, true);
            case > 1:
                return null;
        }
        if (!string.IsNullOrWhiteSpace(section))
        {
            // The section and its tree come from the site snapshot, as the reader's section page takes them: no statement.
            var path = section.Trim().Trim('/');
            var site = await snapshot.GetAsync(ct);
            return site.SectionAt(path) is { } found ? (ListingScope.Section(found.Id, site.SectionTree(found.Path)), true) : (ListingScope.All, false);
        }
        if (!string.IsNullOrWhiteSpace(topic))
        {
            var id = await db.Topics.AsNoTracking().Where(t => t.Slug == topic).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
            return id is { } topicId ? (ListingScope.Topic(topicId), true) : (ListingScope.All, false);
        }
        var contributor = await db.Contributors.AsNoTracking().Where(c => c.Slug == author).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        return contributor is { } contributorId ? (ListingScope.Contributor(contributorId), true) : (ListingScope.All, false);
    }

    internal static async Task<Results<Ok<SearchPageJson>, ProblemHttpResult>> SearchArticles(
        HttpContext http,
        ArticleSearch search,
        IOptions<ApiOptions> options,
        string? q,
        string? section,
        string? topic,
        string? author,
        string? type,
        string? from,
        string? to,
        string? sort,
        string? page,
        string? pageSize,
        CancellationToken ct)
    {
        var parameters = SearchParameters.Read(q, section, topic, author, type, from, to, sort);
        var errors = parameters.Errors.ToDictionary(e => e.Key, e => new[] { e.Value });
        if (parameters.Query.IsEmpty)
        {
            errors["q"] = ["Give at least one word to look for (not only excluded ones)."];
        }
        if (!Paging.TryRead(page, pageSize, options.Value, out var paging, out var problem) || errors.Count > 0)
        {
            return problem ?? Problems.Invalid(errors);
        }
        var found = await search.SearchAsync(parameters.Query, parameters.Filters, parameters.Order, paging.Page, paging.Size, ct);
        PublicCaching.Tag(http, CacheTags.Home);
        return TypedResults.Ok(new SearchPageJson(
            found.Hits.Select(SearchHitJson.From).ToList(),
            paging.Page,
            paging.Size,
            found.HasNext ? paging.LinkTo(http.Request, paging.Page + 1) : null,
            paging.Page > 1 ? paging.LinkTo(http.Request, paging.Page - 1) : null));
    }

    internal static async Task<Results<Ok<ArticleJson>, FileContentHttpResult, ProblemHttpResult>> GetArticle(
        HttpContext http, int id, PublishedArticles published, ArticleSyndication syndication, CancellationToken ct)
    {
        PublicCaching.Tag(http, CacheTags.Article(id));
        http.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        var (format, unacceptable) = ArticleFormats.Negotiate(http.Request.Headers.Accept);
        if (unacceptable is not null)
        {
            return TypedResults.Problem(unacceptable, statusCode: StatusCodes.Status406NotAcceptable);
        }
        if (format != ArticleFormat.Json)
        {
            var source = await syndication.LoadAsync(id, $"{http.Request.Scheme}://{http.Request.Host}", ct);
            return source is null
                ? Problems.NotFound($"No published article {id}.")
                : TypedResults.File(ArticleFormats.Write(source, format), ArticleFormats.ContentType(format));
        }
        var article = await published.FindAsync(id, ct);
        return article is null ? Problems.NotFound($"No published article {id}.") : TypedResults.Ok(ArticleJson.From(article));
    }

    internal static async Task<Ok<List<SectionNodeJson>>> ListSections(HttpContext http, BroadsheetDb db, CancellationToken ct)
    {
        var sections = await db.Sections.AsNoTracking().ToListAsync(ct);
        var children = sections.ToLookup(s => s.ParentId);
        List<SectionNodeJson> Nodes(int? parentId) => children[parentId]
            .OrderBy(s => s.Position).ThenBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => new SectionNodeJson(s.Path, s.Name, ArticleUrls.SectionPath(s.Path), Nodes(s.Id)))
            .ToList();
        PublicCaching.Tag(http, CacheTags.Home);
        return TypedResults.Ok(Nodes(null));
    }

    internal static async Task<Ok<List<TopicJson>>> ListTopics(HttpContext http, BroadsheetDb db, CancellationToken ct)
    {
        var topics = await db.Topics.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        PublicCaching.Tag(http, CacheTags.Home);
        return TypedResults.Ok(topics.Select(TopicJson.From).ToList());
    }

    internal static async Task<Ok<List<AuthorJson>>> ListAuthors(HttpContext http, BroadsheetDb db, CancellationToken ct)
    {
        var contributors = await db.Contributors.AsNoTracking().Include(c => c.Photo).OrderBy(c => c.Name).ToListAsync(ct);
        PublicCaching.Tag(http, CacheTags.Home);
        PublicCaching.Tag(http, CacheTags.AuthorIndex);
        return TypedResults.Ok(contributors.Select(AuthorJson.From).ToList());
    }
}

/// <summary><c>page</c> (from 1) and <c>pageSize</c> query parameters, and the links to neighbouring pages.</summary>
public readonly record struct Paging(int Page, int Size)
{
    public static bool TryRead(string? page, string? pageSize, ApiOptions options, out Paging paging, out ProblemHttpResult? problem)
    {
        var errors = new Dictionary<string, string[]>();
        var pageNumber = 1;
        var size = options.DefaultPageSize;
        if (page is not null && (!int.TryParse(page, out pageNumber) || pageNumber < 1))
        {
            errors["page"] = ["Must be a whole number from 1."];
        }
        if (pageSize is not null && (!int.TryParse(pageSize, out size) || size < 1 || size > options.MaxPageSize))
        {
            errors["pageSize"] = [$"Must be a whole number from 1 to {options.MaxPageSize}."];
        }
        paging = new Paging(pageNumber, size);
        problem = errors.Count > 0 ? Problems.Invalid(errors) : null;
        return problem is null;
    }

    public PageJson<T> PageOf<T>(HttpRequest request, IReadOnlyList<T> items, int total)
    {
        var next = (long)Page * Size < total ? LinkTo(request, Page + 1) : null;
        var previous = Page > 1 ? LinkTo(request, Math.Min(Page - 1, Math.Max(1, (total + Size - 1) / Size))) : null;
        return new PageJson<T>(items, Page, Size, total, next, previous);
    }

    public string LinkTo(HttpRequest request, int page)
    {
        var query = request.Query
            .Where(q => q.Key is not ("page" or "pageSize"))
            .Select(q => KeyValuePair.Create(q.Key, (string?)q.Value.ToString()))
            .Append(KeyValuePair.Create("page", (string?)page.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(KeyValuePair.Create("pageSize", (string?)Size.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return request.PathBase + request.Path + QueryString.Create(query);
    }
}
