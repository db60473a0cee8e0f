using System.Text;
using System.Xml;
using Broadsheet.Data;

namespace Broadsheet.Discovery;

/// <summary>One URL of a sitemap, with its hero image and, in the news sitemap, what Google News needs.</summary>
public sealed record SitemapUrl(string Loc, DateTimeOffset? LastModified = null, string? ImageLoc = null, SitemapNews? News = null);

public sealed record SitemapNews(string PublicationName, string Language, DateTimeOffset Published, string Title);

/// <summary>One child sitemap in the sitemap index.</summary>
public sealed record SitemapRef(string Loc, DateTimeOffset? LastModified);

/// <summary>
/// Writes sitemaps (sitemaps.org protocol 0.9, with Google's <c>image:</c> and <c>news:</c> extensions) to a stream as
/// the URLs arrive: the XML goes through a small buffer that is copied to the response every
/// <see cref="FlushBytes"/>, so a sitemap of 50,000 URLs costs as little memory as one of ten.
/// </summary>
public sealed class SitemapWriter : IAsyncDisposable
{
    public const string SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public const string ImageNs = "http://www.google.com/schemas/sitemap-image/1.1";
    public const string NewsNs = "http://www.google.com/schemas/sitemap-news/0.9";

    /// <summary>The protocol's limit of URLs per sitemap (and of sitemaps per index).</summary>
    public const int MaxUrls = 50_000;

    /// <summary>Google News reads at most this many URLs from one news sitemap.</summary>
    public const int MaxNewsUrls = 1_000;

    private const int FlushBytes = 32 * 1024;

    private readonly Stream output;
    private readonly MemoryStream buffer = new(FlushBytes * 2);
    private readonly XmlWriter xml;

    private SitemapWriter(Stream output, string root, bool images, bool news)
    {
        this.output = output;
        xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument();
        xml.WriteStartElement(root, SitemapNs);
        if (images)
        {
            xml.WriteAttributeString("xmlns", "image", null, ImageNs);
        }
        if (news)
        {
            xml.WriteAttributeString("xmlns", "news", null, NewsNs);
        }
    }

    /// <summary>A <c>urlset</c>; <paramref name="news"/> declares the <c>news:</c> namespace as well as <c>image:</c>.</summary>
    public static SitemapWriter UrlSet(Stream output, bool news = false) => new(output, "urlset", images: true, news);

    public static SitemapWriter Index(Stream output) => new(output, "sitemapindex", images: false, news: false);

    public async Task WriteAsync(SitemapUrl url, CancellationToken ct)
    {
        xml.WriteStartElement("url", SitemapNs);
        xml.WriteElementString("loc", SitemapNs, url.Loc);
        if (url.LastModified is { } modified)
        {
            xml.WriteElementString("lastmod", SitemapNs, FeedWriter.Rfc3339(modified));
        }
        if (url.News is { } news)
        {
            xml.WriteStartElement("news", "news", NewsNs);
            xml.WriteStartElement("news", "publication", NewsNs);
            xml.WriteElementString("news", "name", NewsNs, TextRules.ForXml(news.PublicationName));
            xml.WriteElementString("news", "language", NewsNs, news.Language);
            xml.WriteEndElement();
            xml.WriteElementString("news", "publication_date", NewsNs, FeedWriter.Rfc3339(news.Published));
            xml.WriteElementString("news", "title", NewsNs, TextRules.ForXml(news.Title));
            xml.WriteEndElement();
        }
        if (url.ImageLoc is not null)
        {
            xml.WriteStartElement("image", "image", ImageNs);
            xml.WriteElementString("image", "loc", ImageNs, url.ImageLoc);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        await FlushIfFullAsync(ct);
    }

    public async Task WriteAsync(SitemapRef sitemap, CancellationToken ct)
    {
        xml.WriteStartElement("sitemap", SitemapNs);
        xml.WriteElementString("loc", SitemapNs, sitemap.Loc);
        if (sitemap.LastModified is { } modified)
        {
            xml.WriteElementString("lastmod", SitemapNs, FeedWriter.Rfc3339(modified));
        }
        xml.WriteEndElement();
        await FlushIfFullAsync(ct);
    }

    /// <summary>Closes the root element and sends what is left.</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        xml.WriteEndElement();
        xml.WriteEndDocument();
        xml.Flush();
        await SendAsync(ct);
    }

    private async Task FlushIfFullAsync(CancellationToken ct)
    {
        xml.Flush();
        if (buffer.Length >= FlushBytes)
        {
            await SendAsync(ct);
        }
    }

    private async Task SendAsync(CancellationToken ct)
    {
        await output.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct);
        buffer.SetLength(0);
    }

    public ValueTask DisposeAsync()
    {
        xml.Dispose();
        return buffer.DisposeAsync();
    }

    /// <summary>
    /// Google News' language code: the ISO 639 language alone, except Chinese, which it takes as <c>zh-cn</c>
    /// (simplified) or <c>zh-tw</c> (traditional).
    /// </summary>
    public static string NewsLanguage(string tag)
    {
        var parts = tag.Split('-');
        var language = parts[0].ToLowerInvariant();
        if (language != "zh")
        {
            return language;
        }
        var traditional = parts.Skip(1).Any(p => p.Equals("Hant", StringComparison.OrdinalIgnoreCase)
            || p.Equals("TW", StringComparison.OrdinalIgnoreCase) || p.Equals("HK", StringComparison.OrdinalIgnoreCase) || p.Equals("MO", StringComparison.OrdinalIgnoreCase));
        return traditional ? "zh-tw" : "zh-cn";
    }
}
