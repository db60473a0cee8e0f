using System.Net;
using System.ServiceModel.Syndication;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Broadsheet.Ingest.Formats;

/// <summary>
/// RSS 2.0 and Atom 1.0 feeds (or a single Atom entry), read with System.ServiceModel.Syndication: each entry is an
/// item, with content:encoded or the description as body, enclosures and Media RSS as pictures.
/// </summary>
internal static partial class FeedFormat
{
    private const string ContentModule = "http://purl.org/rss/1.0/modules/content/";
    private const string DublinCore = "http://purl.org/dc/elements/1.1/";
    private const string MediaRss = "http://search.yahoo.com/mrss/";

    public static WireParse Read(byte[] body, WireFormat format)
    {
        SyndicationFeed feed;
        try
        {
            using var reader = WireFormats.OpenXml(body);
            reader.MoveToContent();
            if (format == WireFormat.Atom && reader.LocalName == "entry")
            {
                var entry = SyndicationItem.Load(reader);
                feed = new SyndicationFeed([entry]);
            }
            else
            {
                SyndicationFeedFormatter formatter = format == WireFormat.Rss
                    ? new Rss20FeedFormatter { DateTimeParser = Lenient }
                    : new Atom10FeedFormatter { DateTimeParser = Lenient };
                formatter.ReadFrom(reader);
                feed = formatter.Feed;
            }
        }
        catch (XmlException e)
        {
            return new WireParse(format, [], $"not a readable {(format == WireFormat.Rss ? "RSS 2.0" : "Atom")} feed: {WireFormats.NotWellFormed(e)}");
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or UriFormatException)
        {
            return new WireParse(format, [], $"not a readable {(format == WireFormat.Rss ? "RSS 2.0" : "Atom")} feed: {e.Message}");
        }

        var items = new List<WireParsedItem>();
        foreach (var entry in feed.Items)
        {
            items.Add(items.Count >= WireFormats.MaxItems ? WireText.Refuse(null, null, "over the item limit") : ReadItem(entry, feed, format));
        }
        return new WireParse(format, items);
    }

    /// <summary>Feeds in the wild carry dates in many shapes; one the parser cannot read is left out, not fatal.</summary>
    private static bool Lenient(XmlDateTimeData data, out DateTimeOffset value)
    {
        value = WireText.Date(Rfc822Zone().Replace(data.DateTimeString ?? "", m => Zones.GetValueOrDefault(m.Value, m.Value))) ?? DateTimeOffset.MinValue;
        return true;
    }

    private static readonly Dictionary<string, string> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = "+00:00", ["GMT"] = "+00:00", ["Z"] = "+00:00",
        ["EST"] = "-05:00", ["EDT"] = "-04:00", ["CST"] = "-06:00", ["CDT"] = "-05:00",
        ["MST"] = "-07:00", ["MDT"] = "-06:00", ["PST"] = "-08:00", ["PDT"] = "-07:00",
    };

    private static DateTimeOffset? Known(DateTimeOffset value) => value == DateTimeOffset.MinValue ? null : value;

    private static WireParsedItem ReadItem(SyndicationItem entry, SyndicationFeed feed, WireFormat format)
    {
        var link = entry.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.Uri;
        var id = WireText.Clean(entry.Id) ?? (link?.IsAbsoluteUri == true ? link.AbsoluteUri : null);
        var (idNames, headlineNames, bodyNames) = format == WireFormat.Rss
            ? ("<guid> nor <link>", "<title>", "<content:encoded> or <description>")
            : ("<id> nor <link>", "<title>", "<content> or <summary>");
        if (id is null)
        {
            return WireText.Refuse(null, 1, $"no guid: the {(format == WireFormat.Rss ? "item" : "entry")} has neither {idNames}");
        }

        var encoded = Extensions(entry, "encoded", ContentModule).Select(e => e.Value).FirstOrDefault(WireText.HasText);
        var content = entry.Content switch
        {
            TextSyndicationContent text when text.Type is "text" => WireText.Paragraphs(text.Text),
            TextSyndicationContent text => text.Text,
            _ => null,
        };
        var summary = entry.Summary?.Text;
        var body = encoded ?? (WireText.HasText(content) ? content : null) ?? (entry.Summary?.Type is "text" ? WireText.Paragraphs(summary) : summary);
        var summaryText = body == summary || body == WireText.Paragraphs(summary) ? null : Plain(summary);

        var creators = Extensions(entry, "creator", DublinCore).Select(e => WireText.Clean(e.Value)).OfType<string>();
        var authors = entry.Authors.Select(a => WireText.Clean(a.Name) ?? EmailName(a.Email)).OfType<string>();
        var published = Known(entry.PublishDate);
        var updated = Known(entry.LastUpdatedTime);

        var item = new WireItem
        {
            ItemId = id,
            Format = format,
            Headline = Plain(entry.Title?.Text),
            Summary = summaryText,
            BodyHtml = body,
            Byline = [.. creators.Concat(authors).SelectMany(WireText.Byline).Distinct()],
            Language = WireText.Clean(feed.Language),
            Subjects = [.. entry.Categories
                .Select(c => new WireSubject(c.Scheme is null ? null : WireText.Clean(c.Name), WireText.Clean(c.Label) ?? WireText.Clean(c.Name)))
                .Where(s => s.Name is not null)],
            FirstCreated = published,
            VersionCreated = updated ?? published,
            Pictures = Pictures(entry),
            Link = link?.IsAbsoluteUri == true ? link : null,
        };
        return WireText.Check(item, headlineNames, bodyNames);
    }

    private static IEnumerable<XElement> Extensions(SyndicationItem entry, string name, string ns) =>
        entry.ElementExtensions.Where(e => e.OuterName == name && e.OuterNamespace == ns).Select(e => e.GetObject<XElement>());

    private static List<WirePicture> Pictures(SyndicationItem entry)
    {
        var pictures = entry.Links
            .Where(l => l.RelationshipType == "enclosure" && l.Uri?.IsAbsoluteUri == true && l.MediaType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) != false)
            .Select(l => new WirePicture { PictureId = l.Uri.AbsoluteUri, Href = l.Uri, ContentType = WireText.Clean(l.MediaType), Caption = WireText.Clean(l.Title) })
            .ToList();
        var media = entry.ElementExtensions.Where(e => e.OuterNamespace == MediaRss).Select(e => e.GetObject<XElement>()).ToList();
        var contents = media.SelectMany(m => m.Name.LocalName == "group" ? m.Elements() : [m])
            .Where(m => m.Name.LocalName == "content" && ((string?)m.Attribute("medium") is null or "image") && ((string?)m.Attribute("type"))?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) != false);
        foreach (var content in contents)
        {
            var href = WireText.Href((string?)content.Attribute("url"));
            if (href is null || pictures.Any(p => p.Href == href))
            {
                continue;
            }
            XNamespace ns = MediaRss;
            var caption = WireText.Clean(content.Element(ns + "description")?.Value) ?? WireText.Clean(content.Element(ns + "title")?.Value);
            pictures.Add(new WirePicture
            {
                PictureId = href.AbsoluteUri,
                Href = href,
                ContentType = WireText.Clean((string?)content.Attribute("type")),
                Caption = caption,
                Credit = WireText.Clean(content.Element(ns + "credit")?.Value),
                Alt = caption,
            });
        }
        if (pictures.Count == 0)
        {
            // A thumbnail alone is still the picture the partner chose for the item.
            var thumbnail = media.Where(m => m.Name.LocalName == "thumbnail").Select(m => WireText.Href((string?)m.Attribute("url"))).FirstOrDefault(h => h is not null);
            if (thumbnail is not null)
            {
                pictures.Add(new WirePicture { PictureId = thumbnail.AbsoluteUri, Href = thumbnail });
            }
        }
        return pictures;
    }

    private static string? Plain(string? html) =>
        html is null ? null : WireText.Clean(WebUtility.HtmlDecode(Tags().Replace(html, " ")));

    /// <summary>RSS author is an address with the name in brackets: "jane@example.org (Jane Doe)".</summary>
    private static string? EmailName(string? email)
    {
        var match = email is null ? null : NameInBrackets().Match(email);
        return match is { Success: true } ? WireText.Clean(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\(([^)]+)\)")]
    private static partial Regex NameInBrackets();

    [GeneratedRegex(@"\b(UT|GMT|Z|[ECMP][SD]T)$", RegexOptions.IgnoreCase)]
    private static partial Regex Rfc822Zone();
}
