using Broadsheet.Articles;
using Broadsheet.Media;

namespace Broadsheet.Api.Public;

public sealed record SectionRef(string Path, string Name, string Url)
{
    public static SectionRef From(Section s) => new(s.Path, s.Name, ArticleUrls.SectionPath(s.Path));
}

public sealed record TopicRef(string Slug, string Name, string Url)
{
    public static TopicRef From(Topic t) => new(t.Slug, t.Name, ArticleUrls.TopicPath(t.Slug));
}

/// <summary>One name in a byline, with its author page (staff and agencies both have one).</summary>
public sealed record BylineRef(string Name, string Kind, string Slug, string Url)
{
    public static BylineRef From(Contributor c) => new(c.Name, ContentNames.Of(c.Kind), c.Slug, ArticleUrls.AuthorPath(c.Slug));
}

public sealed record RenditionJson(string Url, int Width, int Height, string Format);

/// <summary>The hero image as this article uses it: its caption, credit and alt text override the library's.</summary>
public sealed record HeroImageJson(Guid Id, string? Url, int Width, int Height, string Alt, string? Caption, string? Credit, IReadOnlyList<RenditionJson> Renditions)
{
    public static HeroImageJson? From(Article a) => a.HeroImage is not { } image ? null : new(
        image.Id,
        MediaUrls.Default(image),
        image.Width,
        image.Height,
        a.HeroAlt ?? image.Alt,
        a.HeroCaption ?? image.Caption,
        a.HeroCredit ?? image.Credit,
        MediaUrls.Renditions(image));
}

public sealed record NoteJson(int Id, string Kind, string Text, DateTimeOffset At)
{
    public static NoteJson From(ArticleNote n) => new(n.Id, ContentNames.Of(n.Kind), n.Text, n.At);
}

/// <summary>An article in a listing: everything but the body.</summary>
public sealed record ArticleSummaryJson(
    int Id,
    string Url,
    string Headline,
    IReadOnlyList<string> Summary,
    SectionRef Section,
    IReadOnlyList<TopicRef> Topics,
    IReadOnlyList<BylineRef> Byline,
    HeroImageJson? HeroImage,
    string Language,
    string Type,
    string? Dateline,
    DateTimeOffset? FirstPublished,
    DateTimeOffset? LastUpdated)
{
    public static ArticleSummaryJson From(Article a) => new(
        a.Id,
        a.PublicPath,
        a.Headline,
        a.Summary,
        SectionRef.From(a.Section),
        a.Topics.OrderBy(t => t.Position).Select(t => TopicRef.From(t.Topic)).ToList(),
        a.Byline.OrderBy(c => c.Position).Select(c => BylineRef.From(c.Contributor)).ToList(),
        HeroImageJson.From(a),
        a.Language,
        ContentNames.Of(a.Type),
        a.Dateline,
        a.FirstPublishedAt,
        a.LastUpdatedAt);
}

/// <summary>A published article: topics primary first, the body as typed blocks, corrections and updates in order.</summary>
public sealed record ArticleJson(
    int Id,
    string Url,
    string Headline,
    IReadOnlyList<string> Summary,
    SectionRef Section,
    IReadOnlyList<TopicRef> Topics,
    IReadOnlyList<BylineRef> Byline,
    HeroImageJson? HeroImage,
    IReadOnlyList<Block> Body,
    string Language,
    string Type,
    string? Dateline,
    DateTimeOffset? FirstPublished,
    DateTimeOffset? LastUpdated,
    IReadOnlyList<NoteJson> Notes)
{
    public static ArticleJson From(Article a)
    {
        var s = ArticleSummaryJson.From(a);
        return new(s.Id, s.Url, s.Headline, s.Summary, s.Section, s.Topics, s.Byline, s.HeroImage, a.Body, s.Language, s.Type, s.Dateline,
            s.FirstPublished, s.LastUpdated, a.Notes.OrderBy(n => n.At).Select(NoteJson.From).ToList());
    }
}

/// <summary>A page of a listing, with the total and the links to the neighbouring pages.</summary>
/// <summary>A page of search results; counting every match would cost more than finding the page, so there is no total.</summary>
public sealed record SearchPageJson(IReadOnlyList<SearchHitJson> Items, int Page, int PageSize, string? Next, string? Previous);

/// <summary>One search result: the article as listings show it, its relevance, and HTML with the matches in &lt;mark&gt; (the rest escaped).</summary>
public sealed record SearchHitJson(ArticleSummaryJson Article, double Score, string HighlightedHeadline, string Snippet)
{
    public static SearchHitJson From(Search.SearchHit hit) => new(ArticleSummaryJson.From(hit.Article), hit.Rank, hit.HeadlineHtml, hit.SnippetHtml);
}

public sealed record PageJson<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total, string? Next, string? Previous);

public sealed record SectionNodeJson(string Path, string Name, string Url, IReadOnlyList<SectionNodeJson> Children);

public sealed record TopicJson(string Slug, string Name, string? Description, string Url)
{
    public static TopicJson From(Topic t) => new(t.Slug, t.Name, t.Description, ArticleUrls.TopicPath(t.Slug));
}

public sealed record AuthorJson(
    string Slug, string Name, string Kind, string? Role, string? Bio, string Url,
    string? PhotoUrl, IReadOnlyList<string> Expertise, string? Email, IReadOnlyList<string> Links)
{
    public static AuthorJson From(Contributor c) =>
        new(c.Slug, c.Name, ContentNames.Of(c.Kind), c.Role, c.Bio, ArticleUrls.AuthorPath(c.Slug),
            c.Photo is { } photo ? MediaUrls.Default(photo) : null, c.Expertise, c.Email, c.Links);
}

/// <summary>Public URLs of library images: renditions are served under <c>/media/</c> by their stored relative path.</summary>
public static class MediaUrls
{
    public static string Of(Rendition r) => ImageSources.UrlOf(r.Path);

    public static IReadOnlyList<RenditionJson> Renditions(Image image) =>
        image.Renditions.OrderBy(r => r.Format, StringComparer.Ordinal).ThenBy(r => r.Width).Select(r => new RenditionJson(Of(r), r.Width, r.Height, r.Format)).ToList();

    /// <summary>The widest JPEG (every browser shows it), else the widest rendition.</summary>
    public static string? Default(Image image) =>
        image.Renditions.OrderByDescending(r => r.Format == RenditionMaker.Jpeg).ThenByDescending(r => r.Width).Select(Of).FirstOrDefault();
}
