using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Syndication;

/// <summary>
/// A published article with everything its syndicated forms name: the publication (copyright holder, base URL), the
/// library images its body shows, and absolute URLs built from the base.
/// </summary>
public sealed record SyndicationSource(Article Article, string PublicationName, string BaseUrl, IReadOnlyDictionary<Guid, Image> BodyImages, string? UsageTerms)
{
    public string Url(string path) => BaseUrl + path;

    public string ArticleUrl => Url(Article.PublicPath);

    /// <summary>When this version of the article went out: its last update to readers, else its first publication.</summary>
    public DateTimeOffset VersionCreated => Article.LastUpdatedAt ?? Article.FirstPublishedAt ?? Article.ModifiedAt;

    public string Host => Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) ? uri.Host : "localhost";

    /// <summary>A tag URI (RFC 4151) naming a library image for good, whatever URL its renditions move to.</summary>
    public string ImageUri(Image image) => $"tag:{Host},{image.CreatedAt.UtcDateTime:yyyy-MM-dd}:image/{image.Id:D}";

    /// <summary>The pictures in the order a partner meets them: the hero, then the body's images in body order (each once).</summary>
    public IEnumerable<SyndicatedPicture> Pictures()
    {
        var a = Article;
        if (a.HeroImage is { } hero)
        {
            yield return new SyndicatedPicture("featureimage", hero, a.HeroCaption ?? hero.Caption, a.HeroCredit ?? hero.Credit, a.HeroAlt ?? hero.Alt);
        }
        var n = 0;
        foreach (var block in a.Body.OfType<ImageBlock>().DistinctBy(b => b.ImageId))
        {
            if (BodyImages.TryGetValue(block.ImageId, out var image))
            {
                yield return new SyndicatedPicture($"picture{++n}", image, block.Caption ?? image.Caption, block.Credit ?? image.Credit, block.Alt ?? image.Alt);
            }
        }
    }
}

/// <summary>One picture of a syndicated article, with the caption, credit and alt text of this use.</summary>
public sealed record SyndicatedPicture(string Name, Image Image, string? Caption, string? Credit, string Alt)
{
    public static string ContentTypeOf(Rendition r) => r.Format == RenditionMaker.Webp ? "image/webp" : "image/jpeg";
}

/// <summary>Loads what a syndicated article shows, through <see cref="PublishedArticles"/> only, so a draft never goes out.</summary>
public sealed class ArticleSyndication(PublishedArticles published, BroadsheetDb db, IOptions<SyndicationOptions> options)
{
    /// <summary>The published article <paramref name="id"/>, or null; <paramref name="requestBase"/> is the base URL when the publication has none.</summary>
    public async Task<SyndicationSource?> LoadAsync(int id, string requestBase, CancellationToken ct = default)
    {
        if (await published.FindAsync(id, ct) is not { } article)
        {
            return null;
        }
        var publication = await db.Publications.AsNoTracking().OrderBy(p => p.Id).FirstOrDefaultAsync(ct);
        var ids = article.Body.OfType<ImageBlock>().Select(b => b.ImageId).Distinct().ToList();
        var images = ids.Count == 0
            ? new Dictionary<Guid, Image>()
            : await db.Images.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var baseUrl = string.IsNullOrWhiteSpace(publication?.BaseUrl) ? requestBase : publication.BaseUrl;
        return new SyndicationSource(article, publication?.Name ?? "Broadsheet", baseUrl.TrimEnd('/'), images, InputText.Trimmed(options.Value.UsageTerms));
    }
}
