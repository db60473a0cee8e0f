using System.Xml.Linq;

namespace Broadsheet.Ingest.Formats;

/// <summary>
/// NewsML 1.2: NewsItems identified by their NewsIdentifier, managed by NewsManagement (status, urgency, embargo)
/// and made of NewsComponents: the story's NewsLines, its text (NITF or XHTML in DataContent) and its photos.
/// </summary>
internal static class NewsMl1Format
{
    public static WireParse Read(XElement root)
    {
        var items = root.Elements("NewsItem").Select(ReadItem).ToList();
        return new WireParse(WireFormat.NewsML1, items);
    }

    private static WireParsedItem ReadItem(XElement newsItem)
    {
        var identifier = newsItem.Element("Identification")?.Element("NewsIdentifier");
        var revision = identifier?.Element("RevisionId");
        var version = WireText.Version(revision?.Value);
        var id = ItemId(identifier);
        if (id is null)
        {
            return WireText.Refuse(null, version,
                "no guid: the NewsItem has no Identification/NewsIdentifier (PublicIdentifier or ProviderId, DateId and NewsItemId)");
        }

        var management = newsItem.Element("NewsManagement");
        var statusName = (string?)management?.Element("Status")?.Attribute("FormalName");
        var willChange = management?.Element("StatusWillChange");
        var embargo = WireText.Date(willChange?.Element("DateAndTime")?.Value);
        var status = WireText.Code(statusName) == "embargoed" && embargo is not null ? WirePubStatus.Usable : WireText.PubStatus(statusName);
        if (status is null)
        {
            return WireText.Refuse(id, version, $"unknown status: Status FormalName \"{statusName}\" is none of Usable, Embargoed, Withheld, Canceled");
        }

        var components = newsItem.Descendants("NewsComponent").ToList();
        var lines = components.Select(c => c.Element("NewsLines")).FirstOrDefault(l => l?.Element("HeadLine") is not null)
            ?? components.Select(c => c.Element("NewsLines")).FirstOrDefault(l => l is not null);
        var (body, nitf) = Body(newsItem);
        var descriptive = components.Select(c => c.Element("DescriptiveMetadata")).FirstOrDefault(d => d is not null);
        var headline = WireText.Clean(lines?.Element("HeadLine")?.Value) ?? nitf?.Headline;
        var slugline = WireText.Clean(lines?.Element("SlugLine")?.Value);
        var byline = WireText.Clean(lines?.Element("ByLine")?.Value);

        var item = new WireItem
        {
            ItemId = id,
            Version = version,
            Format = WireFormat.NewsML1,
            PubStatus = status.Value,
            IsCorrection = management?.Elements("Instruction").Any(i => ((string?)i.Attribute("FormalName"))?.Contains("correct", StringComparison.OrdinalIgnoreCase) == true) == true,
            Headline = headline ?? slugline,
            Slugline = slugline,
            Summary = WireText.Clean(components.Select(c => c.Element("NewsLines")?.Element("SubHeadLine")?.Value).FirstOrDefault(t => t is not null)) ?? nitf?.Summary,
            BodyHtml = body,
            Dateline = WireText.Clean(lines?.Element("DateLine")?.Value) ?? nitf?.Dateline,
            Byline = byline is not null ? WireText.Byline(byline) : nitf?.Byline ?? [],
            Credit = WireText.Clean(lines?.Element("CreditLine")?.Value)
                ?? WireText.Clean((string?)components.Select(c => c.Element("AdministrativeMetadata")?.Element("Provider")?.Element("Party")).FirstOrDefault(p => p is not null)?.Attribute("FormalName")),
            Language = WireText.Clean((string?)descriptive?.Element("Language")?.Attribute("FormalName")),
            Subjects = descriptive?.Elements("SubjectCode").Elements()
                .Select(s => new WireSubject(WireText.Clean((string?)s.Attribute("FormalName")), WireText.Clean((string?)s.Attribute("Description") ?? s.Value)))
                .Where(s => s.Code is not null)
                .ToList() ?? [],
            Urgency = WireText.Urgency((string?)management?.Element("Urgency")?.Attribute("FormalName")) ?? nitf?.Urgency,
            Embargoed = embargo,
            FirstCreated = WireText.Date(management?.Element("FirstCreated")?.Value),
            VersionCreated = WireText.Date(management?.Element("ThisRevisionCreated")?.Value),
            Pictures = [.. nitf?.Pictures ?? [], .. Photos(newsItem)],
        };
        return WireText.Check(item, "<HeadLine> nor <SlugLine> in its NewsLines", "DataContent (NITF, XHTML or text)");
    }

    private static readonly string[] IdentifierParts = ["ProviderId", "DateId", "NewsItemId"];

    /// <summary>The story's guid across revisions: the PublicIdentifier without its revision part.</summary>
    private static string? ItemId(XElement? identifier)
    {
        var parts = IdentifierParts.Select(n => WireText.Clean(identifier?.Element(n)?.Value)).ToList();
        if (parts.All(p => p is not null))
        {
            return $"urn:newsml:{parts[0]}:{parts[1]}:{parts[2]}";
        }
        var urn = WireText.Clean(identifier?.Element("PublicIdentifier")?.Value);
        var last = urn?.LastIndexOf(':') ?? -1;
        return urn is not null && last > 0 && urn.Count(c => c == ':') >= 5 ? urn[..last] : urn;
    }

    private static (string? Html, NitfFormat.Content? Nitf) Body(XElement newsItem)
    {
        foreach (var content in newsItem.Descendants("ContentItem"))
        {
            var data = content.Element("DataContent");
            if (data is null)
            {
                continue;
            }
            var child = data.Elements().FirstOrDefault();
            if (child?.Name.LocalName == "nitf")
            {
                var nitf = NitfFormat.ReadContent(child);
                if (WireText.HasText(nitf.BodyHtml))
                {
                    return (nitf.BodyHtml, nitf);
                }
            }
            else if (child?.Name.LocalName == "html")
            {
                var html = WireText.InnerHtml(child.Element(child.Name.Namespace + "body"));
                if (WireText.HasText(html))
                {
                    return (html, null);
                }
            }
            else if (child is not null && WireText.HasText(WireText.InnerHtml(data)))
            {
                return (WireText.InnerHtml(data), null);
            }
            else if (child is null && WireText.Paragraphs(data.Value) is { } text)
            {
                return (text, null);
            }
        }
        return (null, null);
    }

    /// <summary>Photo components: the largest ContentItem with an href, with the component's NewsLines as caption and credit.</summary>
    private static IEnumerable<WirePicture> Photos(XElement newsItem)
    {
        foreach (var component in newsItem.Descendants("NewsComponent"))
        {
            var role = WireText.Code((string?)component.Element("Role")?.Attribute("FormalName"));
            var contents = component.Elements("ContentItem")
                .Where(c => WireText.Code((string?)c.Element("MediaType")?.Attribute("FormalName")) is "photo" or "graphic" or "image"
                    || role is "photo" or "picture" or "image" or "graphic")
                .Where(c => WireText.Href((string?)c.Attribute("Href")) is not null)
                .ToList();
            if (contents.Count == 0)
            {
                continue;
            }
            var best = contents.OrderByDescending(c => Width(c)).First();
            var lines = component.Element("NewsLines");
            var caption = WireText.Clean(component.Descendants("NewsComponent")
                    .Where(c => WireText.Code((string?)c.Element("Role")?.Attribute("FormalName")) == "caption")
                    .Select(c => c.Element("ContentItem")?.Element("DataContent")?.Value).FirstOrDefault(v => v is not null))
                ?? WireText.Clean(lines?.Element("HeadLine")?.Value);
            yield return new WirePicture
            {
                PictureId = WireText.Clean((string?)component.Attribute("Duid")) ?? WireText.Clean((string?)best.Attribute("Href")),
                Href = WireText.Href((string?)best.Attribute("Href")),
                ContentType = WireText.Clean((string?)best.Element("MimeType")?.Attribute("FormalName")),
                Caption = caption,
                Credit = WireText.Clean(lines?.Element("CreditLine")?.Value) ?? WireText.Clean(lines?.Element("ByLine")?.Value),
                Alt = caption,
            };
        }
    }

    private static long Width(XElement content) =>
        content.Element("Characteristics")?.Elements("Property")
            .Where(p => (string?)p.Attribute("FormalName") == "Width")
            .Select(p => long.TryParse((string?)p.Attribute("Value"), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var w) ? w : 0)
            .FirstOrDefault() ?? 0;
}
