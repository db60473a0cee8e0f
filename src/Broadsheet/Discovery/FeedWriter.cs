using System.Globalization;
using System.Text;
using System.Xml;
using Broadsheet.Data;

namespace Broadsheet.Discovery;

/// <summary>A feed as both formats show it; URLs are absolute.</summary>
public sealed record FeedDocument(
    string Title, string Description, string Language, string PageUrl, string RssUrl, string AtomUrl, string? HubUrl,
    string Id, DateTimeOffset Updated, string PublicationName, IReadOnlyList<FeedEntry> Entries);

/// <param name="Id">Stable whatever the article's URL becomes (a tag URI): feed readers key items by it.</param>
public sealed record FeedEntry(
    string Id, string Title, string Url, string Summary, DateTimeOffset Published, DateTimeOffset Updated, string Language,
    IReadOnlyList<string> Authors, IReadOnlyList<FeedCategory> Categories, FeedImage? Image);

/// <param name="Term">The category's slug or path; <paramref name="Label"/> is what readers see.</param>
public sealed record FeedCategory(string Term, string Label, string Scheme);

public sealed record FeedImage(string Url, string Type, int Width, int Height, long Bytes, string? Alt, string? Credit, string? ThumbnailUrl, int ThumbnailWidth, int ThumbnailHeight);

/// <summary>
/// Writes a <see cref="FeedDocument"/> as RSS 2.0 or Atom 1.0 (RFC 4287), with the hero image in Media RSS
/// (<c>media:content</c> with its size, <c>media:thumbnail</c>), the names of the byline (<c>dc:creator</c> in RSS,
/// whose own <c>author</c> must be an e-mail address), and the WebSub links (RFC 5988 <c>hub</c> and <c>self</c>).
/// </summary>
public static class FeedWriter
{
    public const string AtomNs = "http://www.w3.org/2005/Atom";
    public const string MediaNs = "http://search.yahoo.com/mrss/";
    public const string DublinCoreNs = "http://purl.org/dc/elements/1.1/";

    private static readonly XmlWriterSettings Settings = new() { Indent = true, Encoding = new UTF8Encoding(false), Async = false };

    /// <summary>The feed as UTF-8 bytes.</summary>
    public static byte[] Write(FeedDocument feed, FeedFormat format)
    {
        using var stream = new MemoryStream(16 * 1024);
        using (var w = XmlWriter.Create(stream, Settings))
        {
            if (format == FeedFormat.Rss)
            {
                Rss(w, feed);
            }
            else
            {
                Atom(w, feed);
            }
        }
        return stream.ToArray();
    }

    private static void Rss(XmlWriter w, FeedDocument feed)
    {
        w.WriteStartDocument();
        w.WriteStartElement("rss");
        w.WriteAttributeString("version", "2.0");
        w.WriteAttributeString("xmlns", "atom", null, AtomNs);
        w.WriteAttributeString("xmlns", "media", null, MediaNs);
        w.WriteAttributeString("xmlns", "dc", null, DublinCoreNs);
        w.WriteStartElement("channel");
        w.WriteElementString("title", Clean(feed.Title));
        w.WriteElementString("link", feed.PageUrl);
        w.WriteElementString("description", Clean(feed.Description));
        w.WriteElementString("language", feed.Language);
        w.WriteElementString("lastBuildDate", Rfc822(feed.Updated));
        w.WriteElementString("generator", "Broadsheet");
        AtomLink(w, "self", feed.RssUrl, FeedUrls.RssType);
        if (feed.HubUrl is not null)
        {
            AtomLink(w, "hub", feed.HubUrl, null);
        }
        foreach (var e in feed.Entries)
        {
            w.WriteStartElement("item");
            w.WriteElementString("title", Clean(e.Title));
            w.WriteElementString("link", e.Url);
            w.WriteStartElement("guid");
            w.WriteAttributeString("isPermaLink", "false");
            w.WriteString(e.Id);
            w.WriteEndElement();
            w.WriteElementString("description", Clean(e.Summary));
            w.WriteElementString("pubDate", Rfc822(e.Published));
            // RSS has no updated date; Atom's element is the one feed readers (and SyndicationFeed) look for.
            w.WriteElementString("atom", "updated", AtomNs, Rfc3339(e.Updated));
            foreach (var author in e.Authors)
            {
                w.WriteElementString("dc", "creator", DublinCoreNs, Clean(author));
            }
            foreach (var category in e.Categories)
            {
                w.WriteStartElement("category");
                w.WriteAttributeString("domain", category.Scheme);
                w.WriteString(Clean(category.Label));
                w.WriteEndElement();
            }
            w.WriteElementString("dc", "language", DublinCoreNs, e.Language);
            Media(w, e.Image);
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Atom(XmlWriter w, FeedDocument feed)
    {
        w.WriteStartDocument();
        w.WriteStartElement("feed", AtomNs);
        w.WriteAttributeString("xmlns", "media", null, MediaNs);
        w.WriteAttributeString("xml", "lang", null, feed.Language);
        w.WriteElementString("id", AtomNs, feed.Id);
        Text(w, "title", feed.Title);
        Text(w, "subtitle", feed.Description);
        w.WriteElementString("updated", AtomNs, Rfc3339(feed.Updated));
        w.WriteStartElement("author", AtomNs);
        w.WriteElementString("name", AtomNs, Clean(feed.PublicationName));
        w.WriteEndElement();
        w.WriteElementString("generator", AtomNs, "Broadsheet");
        Link(w, "alternate", feed.PageUrl, "text/html");
        Link(w, "self", feed.AtomUrl, FeedUrls.AtomType);
        if (feed.HubUrl is not null)
        {
            Link(w, "hub", feed.HubUrl, null);
        }
        foreach (var e in feed.Entries)
        {
            w.WriteStartElement("entry", AtomNs);
            w.WriteAttributeString("xml", "lang", null, e.Language);
            w.WriteElementString("id", AtomNs, e.Id);
            Text(w, "title", e.Title);
            Link(w, "alternate", e.Url, "text/html");
            w.WriteElementString("published", AtomNs, Rfc3339(e.Published));
            w.WriteElementString("updated", AtomNs, Rfc3339(e.Updated));
            Text(w, "summary", e.Summary);
            foreach (var author in e.Authors)
            {
                w.WriteStartElement("author", AtomNs);
                w.WriteElementString("name", AtomNs, Clean(author));
                w.WriteEndElement();
            }
            foreach (var category in e.Categories)
            {
                w.WriteStartElement("category", AtomNs);
                w.WriteAttributeString("term", category.Term);
                w.WriteAttributeString("scheme", category.Scheme);
                w.WriteAttributeString("label", Clean(category.Label));
                w.WriteEndElement();
            }
            Media(w, e.Image);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void Media(XmlWriter w, FeedImage? image)
    {
        if (image is null)
        {
            return;
        }
        w.WriteStartElement("media", "content", MediaNs);
        w.WriteAttributeString("url", image.Url);
        w.WriteAttributeString("type", image.Type);
        w.WriteAttributeString("medium", "image");
        w.WriteAttributeString("width", Number(image.Width));
        w.WriteAttributeString("height", Number(image.Height));
        if (image.Bytes > 0)
        {
            w.WriteAttributeString("fileSize", image.Bytes.ToString(CultureInfo.InvariantCulture));
        }
        if (!string.IsNullOrWhiteSpace(image.Alt))
        {
            w.WriteStartElement("media", "description", MediaNs);
            w.WriteAttributeString("type", "plain");
            w.WriteString(Clean(image.Alt));
            w.WriteEndElement();
        }
        if (!string.IsNullOrWhiteSpace(image.Credit))
        {
            w.WriteElementString("media", "credit", MediaNs, Clean(image.Credit));
        }
        w.WriteEndElement();
        if (image.ThumbnailUrl is not null)
        {
            w.WriteStartElement("media", "thumbnail", MediaNs);
            w.WriteAttributeString("url", image.ThumbnailUrl);
            w.WriteAttributeString("width", Number(image.ThumbnailWidth));
            w.WriteAttributeString("height", Number(image.ThumbnailHeight));
            w.WriteEndElement();
        }
    }

    private static void AtomLink(XmlWriter w, string rel, string href, string? type)
    {
        w.WriteStartElement("atom", "link", AtomNs);
        LinkAttributes(w, rel, href, type);
        w.WriteEndElement();
    }

    private static void Link(XmlWriter w, string rel, string href, string? type)
    {
        w.WriteStartElement("link", AtomNs);
        LinkAttributes(w, rel, href, type);
        w.WriteEndElement();
    }

    private static void LinkAttributes(XmlWriter w, string rel, string href, string? type)
    {
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("href", href);
        if (type is not null)
        {
            w.WriteAttributeString("type", type);
        }
    }

    private static void Text(XmlWriter w, string name, string value)
    {
        w.WriteStartElement(name, AtomNs);
        w.WriteAttributeString("type", "text");
        w.WriteString(Clean(value));
        w.WriteEndElement();
    }

    // Text stored before the text rules refused control characters must not break the whole feed.
    private static string Clean(string value) => TextRules.ForXml(value);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Rfc822(DateTimeOffset time) => time.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);

    /// <summary>RFC 3339 (W3C Datetime) in UTC to the second: Atom's dates, and the form sitemaps and Google News take.</summary>
    public static string Rfc3339(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
