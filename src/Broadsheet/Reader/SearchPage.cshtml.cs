using Broadsheet.Articles;
using Broadsheet.Rendering;
using Broadsheet.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;

namespace Broadsheet.Reader;

/// <summary>
/// <c>/search?q=</c>: the search form with its filters, and a page of results. Every query is a new page, so none is
/// stored in the output cache (browsers and a CDN may keep one for <c>max-age</c>); requests count against the
/// <c>search</c> rate limit.
/// </summary>
[EnableRateLimiting(RateLimits.Search)]
public sealed class SearchPageModel(SiteChrome chrome, ArticleSearch search) : ReaderPageModel(chrome)
{
    public const int MaxPage = 500;

    public string Q { get; private set; } = "";

    public SearchParameters Parameters { get; private set; } = SearchParameters.Read(null, null, null, null, null, null, null, null);

    public SearchResults Results { get; private set; } = new([], false);

    public int PageNumber { get; private set; } = 1;

    /// <summary>Sections for the filter, parents before their children, with their depth.</summary>
    public List<(Section Section, int Depth)> SectionOptions { get; } = [];

    public async Task<IActionResult> OnGetAsync(string? q, string? section, string? topic, string? author, string? type, string? from, string? to, string? sort, [FromQuery] int page = 1, CancellationToken ct = default)
    {
        if (HttpContext.Features.Get<IOutputCacheFeature>() is { } cache)
        {
            cache.Context.AllowCacheStorage = false;
        }
        if (!ModelState.IsValid || page < 1 || page > MaxPage)
        {
            return NotFound();
        }
        Q = SearchText.Clean(q ?? "").Trim();
        if (Q.Length > SearchQuery.MaxLength)
        {
            Q = Q[..SearchQuery.MaxLength];
        }
        Parameters = SearchParameters.Read(Q, section, topic, author, type, from, to, sort);
        PageNumber = page;
        await Chrome.LoadAsync(ct);
        AddSections(Chrome.Sections, 0);
        Results = await search.SearchAsync(Parameters.Query, Parameters.Filters, Parameters.Order, page, PageSize, ct);
        Meta.Title = Q.Length == 0 ? "Search" : page > 1 ? $"Search: {Q} (page {page})" : $"Search: {Q}";
        Meta.Description = $"Search {Chrome.Publication.Name}.";
        Meta.Robots = "noindex";
        return Page();
    }

    /// <summary>This search's address with some parameters changed (null removes one); page 1 has no page parameter.</summary>
    public string Link(string? section = "", string? topic = "", string? author = "", string? type = "", string? from = "", string? to = "", string? sort = "", int page = 1)
    {
        var f = Parameters.Filters;
        var query = new List<KeyValuePair<string, string?>> { new("q", Q) };
        void Add(string key, string? change, string? current)
        {
            var value = change == "" ? current : change;
            if (!string.IsNullOrEmpty(value))
            {
                query.Add(new(key, value));
            }
        }
        Add("section", section, f.Section);
        Add("topic", topic, f.Topic);
        Add("author", author, f.Author);
        Add("type", type, f.Type is { } t ? ContentNames.Of(t) : null);
        Add("from", from, f.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("to", to, f.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("sort", sort, Parameters.Order == SearchOrder.Newest ? "newest" : null);
        if (page > 1)
        {
            query.Add(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return "/search" + QueryString.Create(query);
    }

    private void AddSections(IEnumerable<Section> sections, int depth)
    {
        foreach (var s in sections)
        {
            SectionOptions.Add((s, depth));
            AddSections(s.Children.OrderBy(c => c.Position), depth + 1);
        }
    }
}
