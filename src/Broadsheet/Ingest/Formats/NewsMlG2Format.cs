using System.Xml.Linq;

namespace Broadsheet.Ingest.Formats;

/// <summary>
/// NewsML-G2 2.x: a newsMessage (several items), a newsItem (text inline as XHTML or NITF, or remote) or a packageItem
/// whose groupSet ties a story to its pictures, resolved in the same message or left as hrefs to fetch.
/// </summary>
internal static class NewsMlG2Format
{
    private static readonly XNamespace G2 = WireFormats.G2Namespace;
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    private const string HeadlineNames = "<headline> nor <slugline>";
    private const string BodyNames = "inlineXML (XHTML or NITF), inlineData or text remoteContent";

    public static WireParse Read(XElement root)
    {
        var items = root.Name == G2 + "newsMessage"
            ? root.Elements(G2 + "itemSet").Elements().ToList()
            : [root];
        if (root.Name.LocalName is not ("newsMessage" or "newsItem" or "packageItem" or "conceptItem" or "knowledgeItem" or "planningItem" or "catalogItem"))
        {
            return new WireParse(WireFormat.NewsMLG2, [],
                $"unknown format: <{root.Name.LocalName}> is in the NewsML-G2 namespace but is none of newsMessage, newsItem, packageItem");
        }

        var byGuid = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var item in items.Where(i => i.Name == G2 + "newsItem"))
        {
            var guid = Guid(item);
            if (guid is not null)
            {
                byGuid.TryAdd(guid, item);
            }
        }

        // Items a package in the same message resolves are read as part of that package, not once more on their own.
        var inPackages = items
            .Where(i => i.Name == G2 + "packageItem")
            .SelectMany(ItemRefs)
            .Select(r => (string?)r.Attribute("residref"))
            .OfType<string>()
            .Where(byGuid.ContainsKey)
            .ToHashSet(StringComparer.Ordinal);

        var parsed = new List<WireParsedItem>();
        foreach (var item in items)
        {
            var guid = Guid(item);
            var version = (string?)item.Attribute("version") is { } v ? WireText.Version(v) : (int?)null;
            switch (item.Name.LocalName)
            {
                case "packageItem" when item.Name.Namespace == G2:
                    parsed.Add(ReadPackage(item, byGuid));
                    break;
                case "newsItem" when item.Name.Namespace == G2:
                    if (guid is null || !inPackages.Contains(guid))
                    {
                        parsed.Add(ReadNewsItem(item));
                    }
                    break;
                case "conceptItem" or "knowledgeItem" or "planningItem" or "catalogItem":
                    parsed.Add(WireText.Refuse(guid, version,
                        $"not a story: a {item.Name.LocalName} carries {What(item.Name.LocalName)}; the desk reads newsItem and packageItem"));
                    break;
                default:
                    parsed.Add(WireText.Refuse(guid, version, $"not a story: <{item.Name.LocalName}> is no NewsML-G2 item the desk reads"));
                    break;
            }
        }
        return new WireParse(WireFormat.NewsMLG2, parsed);
    }

    private static string What(string itemKind) => itemKind switch
    {
        "conceptItem" => "the description of a concept (a person, an event, a code)",
        "knowledgeItem" => "a set of concepts",
        "planningItem" => "news planning (coverage to come)",
        _ => "a catalog of codes",
    };

    private static string? Guid(XElement item) => WireText.Clean((string?)item.Attribute("guid"));

    private static IEnumerable<XElement> ItemRefs(XElement package) =>
        package.Elements(G2 + "groupSet").Descendants(G2 + "itemRef").Concat(package.Elements(G2 + "itemRef"));

    private static string ItemClass(XElement item) =>
        WireText.Code((string?)item.Element(G2 + "itemMeta")?.Element(G2 + "itemClass")?.Attribute("qcode")
            ?? (string?)item.Element(G2 + "itemMeta")?.Element(G2 + "itemClass")?.Attribute("uri"));

    private static WireParsedItem ReadNewsItem(XElement item)
    {
        var story = Story(item, out var refusal);
        if (story is null)
        {
            return WireText.Refuse(Guid(item), WireText.Version((string?)item.Attribute("version")), refusal!);
        }
        var itemClass = ItemClass(item);
        if (itemClass is "picture" or "graphic")
        {
            return WireText.Refuse(story.ItemId, story.Version,
                $"not a story: a {itemClass} item on its own; the desk takes pictures with the story that uses them (a packageItem)");
        }
        if (itemClass is not ("" or "text" or "composite"))
        {
            return WireText.Refuse(story.ItemId, story.Version, $"not a story: a {itemClass} item (itemClass ninat:{itemClass}); the desk reads text stories and their pictures");
        }
        return WireText.Check(story, HeadlineNames, BodyNames);
    }

    /// <summary>The item's metadata and text (inline or remote); null with a reason when it has no guid.</summary>
    private static WireItem? Story(XElement item, out string? refusal)
    {
        var guid = Guid(item);
        if (guid is null)
        {
            refusal = $"no guid: the <{item.Name.LocalName}> has no guid attribute, so its versions cannot be told apart";
            return null;
        }
        refusal = null;
        var itemMeta = item.Element(G2 + "itemMeta");
        var content = item.Element(G2 + "contentMeta");
        var nitf = InlineNitf(item);

        var body = Body(item, out var remote);
        var signals = itemMeta?.Elements(G2 + "signal").Select(s => WireText.Code((string?)s.Attribute("qcode") ?? (string?)s.Attribute("uri"))) ?? [];
        var headline = Text(content, "headline") ?? nitf?.Headline;
        var slugline = Text(content, "slugline");
        var by = content?.Elements(G2 + "by").Select(b => WireText.Clean(b.Value)).FirstOrDefault(b => b is not null);
        var byline = by is not null
            ? WireText.Byline(by)
            : content?.Elements(G2 + "creator").Select(c => WireText.Clean(c.Element(G2 + "name")?.Value)).OfType<string>().ToList() is { Count: > 0 } creators
                ? creators
                : nitf?.Byline ?? [];

        return new WireItem
        {
            ItemId = guid,
            Version = WireText.Version((string?)item.Attribute("version")),
            Format = WireFormat.NewsMLG2,
            PubStatus = WireText.PubStatus((string?)itemMeta?.Element(G2 + "pubStatus")?.Attribute("qcode")
                ?? (string?)itemMeta?.Element(G2 + "pubStatus")?.Attribute("uri")) ?? WirePubStatus.Usable,
            IsCorrection = signals.Contains("correction"),
            Headline = headline ?? slugline,
            Slugline = slugline,
            Summary = Description(content, "summary"),
            BodyHtml = body,
            RemoteBody = remote,
            Dateline = Text(content, "dateline") ?? nitf?.Dateline,
            Byline = byline,
            Credit = Text(content, "creditline") ?? WireText.Clean(content?.Element(G2 + "infoSource")?.Element(G2 + "name")?.Value),
            Language = WireText.Clean((string?)content?.Element(G2 + "language")?.Attribute("tag"))
                ?? WireText.Clean((string?)item.Attribute(XNamespace.Xml + "lang")),
            Subjects = Subjects(content),
            Urgency = WireText.Urgency(content?.Element(G2 + "urgency")?.Value) ?? nitf?.Urgency,
            Embargoed = WireText.Date(itemMeta?.Element(G2 + "embargoed")?.Value),
            FirstCreated = WireText.Date(itemMeta?.Element(G2 + "firstCreated")?.Value) ?? WireText.Date(content?.Element(G2 + "contentCreated")?.Value),
            VersionCreated = WireText.Date(itemMeta?.Element(G2 + "versionCreated")?.Value),
            Pictures = nitf?.Pictures ?? [],
            Link = WireText.Href((string?)itemMeta?.Elements(G2 + "link").FirstOrDefault(l => WireText.Code((string?)l.Attribute("rel")) is "seealso" or "alternate")?.Attribute("href")),
        };
    }

    /// <summary>The first non-empty element of that name, preferring one without a role (the main one).</summary>
    private static string? Text(XElement? parent, string name) =>
        parent?.Elements(G2 + name)
            .OrderBy(e => e.Attribute("role") is null ? 0 : 1)
            .Select(e => WireText.Clean(e.Value))
            .FirstOrDefault(t => t is not null);

    private static string? Description(XElement? parent, string role) =>
        parent?.Elements(G2 + "description")
            .Where(d => WireText.Code((string?)d.Attribute("role") ?? (string?)d.Attribute("roleuri")) == role)
            .Select(d => WireText.Clean(d.Value))
            .FirstOrDefault(t => t is not null);

    private static List<WireSubject> Subjects(XElement? content) =>
        content?.Elements(G2 + "subject")
            .Select(s => new WireSubject(
                WireText.Clean((string?)s.Attribute("qcode") ?? (string?)s.Attribute("uri") ?? (string?)s.Attribute("literal")),
                WireText.Clean(s.Elements(G2 + "name").FirstOrDefault()?.Value)))
            .Where(s => s.Code is not null || s.Name is not null)
            .ToList() ?? [];

    private static NitfFormat.Content? InlineNitf(XElement item)
    {
        var nitf = item.Element(G2 + "contentSet")?.Elements(G2 + "inlineXML").Elements().FirstOrDefault(e => e.Name.LocalName == "nitf");
        return nitf is null ? null : NitfFormat.ReadContent(nitf);
    }

    private static string? Body(XElement item, out Uri? remote)
    {
        remote = null;
        var set = item.Element(G2 + "contentSet");
        if (set is null)
        {
            return null;
        }
        foreach (var inline in set.Elements(G2 + "inlineXML"))
        {
            var child = inline.Elements().FirstOrDefault();
            var html = child switch
            {
                null => null,
                { Name.LocalName: "nitf" } => NitfFormat.ReadContent(child).BodyHtml,
                { Name.LocalName: "html" } => WireText.InnerHtml(child.Element(child.Name.Namespace + "body")),
                _ when child.Name.Namespace == Xhtml => WireText.InnerHtml(inline),
                _ => null,
            };
            if (WireText.HasText(html))
            {
                return html;
            }
        }
        foreach (var data in set.Elements(G2 + "inlineData"))
        {
            var type = ((string?)data.Attribute("contenttype"))?.Trim().ToLowerInvariant();
            var text = data.Value;
            var html = type is "text/html" or "application/xhtml+xml" ? WireText.Clean(text) : WireText.Paragraphs(text);
            if (WireText.HasText(html))
            {
                return html;
            }
        }
        remote = set.Elements(G2 + "remoteContent")
            .Where(r => ((string?)r.Attribute("contenttype"))?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) != true)
            .Select(r => WireText.Href((string?)r.Attribute("href")))
            .FirstOrDefault(h => h is not null);
        return null;
    }

    private static WireParsedItem ReadPackage(XElement package, Dictionary<string, XElement> byGuid)
    {
        var story = Story(package, out var refusal);
        if (story is null)
        {
            return WireText.Refuse(null, WireText.Version((string?)package.Attribute("version")), refusal!);
        }

        WireItem? text = null;
        XElement? unresolvedText = null;
        var pictures = new List<WirePicture>();
        foreach (var itemRef in ItemRefs(package))
        {
            var residref = WireText.Clean((string?)itemRef.Attribute("residref"));
            var resolved = residref is not null && byGuid.TryGetValue(residref, out var found) ? found : null;
            var itemClass = resolved is not null ? ItemClass(resolved) : WireText.Code((string?)itemRef.Element(G2 + "itemClass")?.Attribute("qcode"));
            if (itemClass is "picture" or "graphic")
            {
                pictures.Add(resolved is not null ? Picture(resolved) : Picture(itemRef, residref));
            }
            else if (itemClass is "" or "text" or "composite" && text is null && unresolvedText is null)
            {
                if (resolved is not null)
                {
                    text = Story(resolved, out _);
                }
                else
                {
                    unresolvedText = itemRef;
                }
            }
        }

        var remote = text?.RemoteBody ?? story.RemoteBody;
        if (text is null && unresolvedText is not null)
        {
            remote ??= WireText.Href((string?)unresolvedText.Attribute("href"));
            if (remote is null && !WireText.HasText(story.BodyHtml) && story.PubStatus != WirePubStatus.Canceled)
            {
                return WireText.Refuse(story.ItemId, story.Version,
                    $"no body text: the package's text item {(string?)unresolvedText.Attribute("residref")} is neither in the message nor given by an href");
            }
        }
        var headline = story.Headline is { } own && own != story.Slugline ? own : text?.Headline ?? story.Headline;
        var merged = story with
        {
            Headline = headline,
            Slugline = story.Slugline ?? text?.Slugline,
            Summary = story.Summary ?? text?.Summary ?? Description(unresolvedText, "summary"),
            BodyHtml = WireText.HasText(story.BodyHtml) ? story.BodyHtml : text?.BodyHtml,
            RemoteBody = remote,
            Dateline = story.Dateline ?? text?.Dateline,
            Byline = story.Byline.Count > 0 ? story.Byline : text?.Byline ?? [],
            Credit = story.Credit ?? text?.Credit,
            Language = story.Language ?? text?.Language,
            Subjects = story.Subjects.Count > 0 ? story.Subjects : text?.Subjects ?? [],
            Urgency = story.Urgency ?? text?.Urgency,
            IsCorrection = story.IsCorrection || text?.IsCorrection == true,
            Pictures = [.. story.Pictures, .. text?.Pictures ?? [], .. pictures],
        };
        return WireText.Check(merged, HeadlineNames, "text item (inline, in the message or by href)");
    }

    /// <summary>A picture from its own newsItem: the largest rendition, caption, credit and alt text from its metadata.</summary>
    private static WirePicture Picture(XElement item)
    {
        var content = item.Element(G2 + "contentMeta");
        var rendition = item.Element(G2 + "contentSet")?.Elements(G2 + "remoteContent")
            .OrderByDescending(r => Pixels(r))
            .FirstOrDefault(r => WireText.Href((string?)r.Attribute("href")) is not null);
        var caption = Description(content, "caption") ?? Text(content, "headline");
        return new WirePicture
        {
            PictureId = Guid(item),
            Href = WireText.Href((string?)rendition?.Attribute("href")),
            ContentType = WireText.Clean((string?)rendition?.Attribute("contenttype")),
            Caption = caption,
            Credit = Text(content, "creditline") ?? Text(content, "by"),
            Alt = Description(content, "alternative") ?? Description(content, "alt") ?? caption,
        };
    }

    /// <summary>A picture the package names but the message does not carry: what the itemRef says of it.</summary>
    private static WirePicture Picture(XElement itemRef, string? residref)
    {
        var caption = Description(itemRef, "caption") ?? Text(itemRef, "title");
        return new WirePicture
        {
            PictureId = residref,
            Href = WireText.Href((string?)itemRef.Attribute("href")),
            ContentType = WireText.Clean((string?)itemRef.Attribute("contenttype")),
            Caption = caption,
            Alt = Description(itemRef, "alternative") ?? caption,
        };
    }

    private static long Pixels(XElement rendition) =>
        long.TryParse((string?)rendition.Attribute("width"), out var w) && long.TryParse((string?)rendition.Attribute("height"), out var h) ? w * h : 0;
}
