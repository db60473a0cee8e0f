using Broadsheet.Articles;

namespace Broadsheet.Rendering;

/// <summary>What every reader page shows around its content: the publication, the section menu, the standards links.</summary>
public sealed class SiteChrome(SiteSnapshot snapshot, ILogger<SiteChrome> logger)
{
    public const string FallbackName = "Broadsheet";

    public Publication Publication { get; private set; } = new() { Name = FallbackName, BaseUrl = "" };

    public IReadOnlyList<Section> Sections { get; private set; } = [];

    public IReadOnlyList<(string Slug, string Title)> StandardsPages { get; private set; } = [];

    public TimeZoneInfo TimeZone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>The snapshot the chrome was loaded from, for pages that need more of it (breadcrumbs, ads).</summary>
    public SiteData? Site { get; private set; }

    public async Task LoadAsync(CancellationToken ct)
    {
        var site = await snapshot.GetAsync(ct);
        Site = site;
        Publication = site.Publication ?? Publication;
        Sections = site.TopSections;
        StandardsPages = site.StandardsPages;
        TimeZone = site.TimeZone;
    }

    /// <summary>For error pages: the database may be what failed, so a page without the menu beats a second error.</summary>
    public async Task TryLoadAsync(CancellationToken ct)
    {
        try
        {
            await LoadAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Error page rendered without the site menu");
        }
    }

    /// <summary>An absolute URL on the publication's site, for canonical links, Open Graph and JSON-LD.</summary>
    public string Absolute(HttpRequest request, string path)
    {
        var baseUrl = string.IsNullOrWhiteSpace(Publication.BaseUrl) ? $"{request.Scheme}://{request.Host}" : Publication.BaseUrl.TrimEnd('/');
        var query = path.IndexOf('?');
        return query < 0
            ? baseUrl + new PathString(path).ToUriComponent()
            : baseUrl + new PathString(path[..query]).ToUriComponent() + path[query..];
    }

    public string FormatTime(DateTimeOffset time) =>
        TimeZoneInfo.ConvertTime(time, TimeZone).ToString("d MMMM yyyy, HH:mm", System.Globalization.CultureInfo.InvariantCulture)
        + (TimeZone == TimeZoneInfo.Utc ? " UTC" : "");
}

/// <summary>What the layout puts in the head: title, description, canonical link, social cards, structured data.</summary>
public sealed class PageMeta
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? CanonicalPath { get; set; }
    public string OpenGraphType { get; set; } = "website";
    public string? ImageUrl { get; set; }
    public string? ImageAlt { get; set; }
    public string? PreviousPath { get; set; }
    public string? NextPath { get; set; }
    public string? JsonLd { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset? ModifiedAt { get; set; }
    public string? Language { get; set; }

    /// <summary>For pages search engines should not index (search results): <c>noindex</c>.</summary>
    public string? Robots { get; set; }
    /// <summary>Other forms of the page (its feeds), as <c>link rel=alternate</c>.</summary>
    public IReadOnlyList<AlternateLink> Alternates { get; set; } = [];
}

public sealed record AlternateLink(string Type, string Title, string Href);
