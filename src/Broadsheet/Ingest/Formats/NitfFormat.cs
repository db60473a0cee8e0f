using System.Xml.Linq;

namespace Broadsheet.Ingest.Formats;

/// <summary>
/// NITF 3.x, on its own or inside a NewsML-G2 inlineXML or a NewsML 1.2 DataContent: the docdata in the head
/// (doc-id, du-key version, urgency, management-status, release date, copyright) and the body (hedline, byline,
/// dateline, abstract, body.content with its media as pictures).
/// </summary>
internal static class NitfFormat
{
    public const string Namespace = "http://iptc.org/std/NITF/2006-10-18/";
    public const string OldNamespace = "http://iptc.org/std/nitf/2006-10-18/";

    /// <summary>What the body of an NITF document gives, wherever the document sits.</summary>
    public sealed record Content(string? Headline, string? Summary, string? BodyHtml, string? Dateline, IReadOnlyList<string> Byline,
        IReadOnlyList<WirePicture> Pictures, int? Urgency);

    public static WireParse Read(XElement nitf)
    {
        XNamespace ns = nitf.Name.Namespace;
        var head = nitf.Element(ns + "head");
        var docdata = head?.Element(ns + "docdata");
        var id = WireText.Clean((string?)docdata?.Element(ns + "doc-id")?.Attribute("id-string"))
            ?? WireText.Clean((string?)nitf.Element(ns + "body")?.Element(ns + "body.head")?.Element(ns + "hedline")?.Attribute("id"));
        var duKey = docdata?.Element(ns + "du-key");
        var version = WireText.Version((string?)duKey?.Attribute("version"));
        if (id is null)
        {
            return new WireParse(WireFormat.Nitf, [WireText.Refuse(null, version,
                "no guid: the NITF document has no <doc-id id-string> in its docdata, so its versions cannot be told apart")]);
        }

        var content = ReadContent(nitf);
        var status = (string?)docdata?.Attribute("management-status");
        var release = WireText.Date((string?)docdata?.Element(ns + "date.release")?.Attribute("norm"));
        var pubStatus = WireText.Code(status) == "embargoed" && release is not null
            ? WirePubStatus.Usable
            : WireText.PubStatus(status);
        if (pubStatus is null)
        {
            return new WireParse(WireFormat.Nitf, [WireText.Refuse(id, version,
                $"unknown status: management-status \"{status}\" is none of usable, embargoed, withheld, canceled")]);
        }
        var copyright = docdata?.Element(ns + "doc.copyright");
        var item = new WireItem
        {
            ItemId = id,
            Version = version,
            Format = WireFormat.Nitf,
            PubStatus = pubStatus.Value,
            IsCorrection = docdata?.Element(ns + "correction") is not null,
            Headline = content.Headline ?? WireText.Clean(head?.Element(ns + "title")?.Value),
            Slugline = WireText.Clean((string?)duKey?.Attribute("key")),
            Summary = content.Summary,
            BodyHtml = content.BodyHtml,
            Dateline = content.Dateline,
            Byline = content.Byline,
            Credit = WireText.Clean((string?)copyright?.Attribute("holder"))
                ?? WireText.Clean((string?)head?.Element(ns + "pubdata")?.Attribute("name")),
            Language = WireText.Clean((string?)nitf.Attribute(XNamespace.Xml + "lang"))
                ?? WireText.Clean((string?)nitf.Element(ns + "body")?.Attribute(XNamespace.Xml + "lang")),
            Subjects = head?.Element(ns + "tobject")?.Elements(ns + "tobject.subject")
                .Select(s => new WireSubject(
                    WireText.Clean((string?)s.Attribute("tobject.subject.refnum")),
                    WireText.Clean((string?)s.Attribute("tobject.subject.detail") ?? (string?)s.Attribute("tobject.subject.matter") ?? (string?)s.Attribute("tobject.subject.type"))))
                .Where(s => s.Code is not null || s.Name is not null)
                .ToList() ?? [],
            Urgency = content.Urgency ?? WireText.Urgency((string?)docdata?.Element(ns + "urgency")?.Attribute("ed-urg")),
            Embargoed = release,
            VersionCreated = WireText.Date((string?)docdata?.Element(ns + "date.issue")?.Attribute("norm"))
                ?? WireText.Date((string?)head?.Element(ns + "pubdata")?.Attribute("date.publication")),
            Pictures = content.Pictures,
        };
        return new WireParse(WireFormat.Nitf, [WireText.Check(item, "<hedline><hl1> nor a <title> in the head", "<body.content>")]);
    }

    public static Content ReadContent(XElement nitf)
    {
        XNamespace ns = nitf.Name.Namespace;
        var body = nitf.Element(ns + "body");
        var bodyHead = body?.Element(ns + "body.head");
        var byline = bodyHead?.Elements(ns + "byline").FirstOrDefault();
        var bodyContent = body?.Element(ns + "body.content");
        var pictures = bodyContent?.Descendants(ns + "media")
            .Where(m => ((string?)m.Attribute("media-type"))?.Trim().ToLowerInvariant() is null or "image" or "photo" or "graphic")
            .Select(Picture)
            .Where(p => p.Href is not null || p.PictureId is not null)
            .ToList() ?? [];
        return new Content(
            Headline: WireText.Clean(bodyHead?.Element(ns + "hedline")?.Element(ns + "hl1")?.Value),
            Summary: WireText.Clean(bodyHead?.Element(ns + "abstract")?.Value),
            BodyHtml: WireText.InnerHtml(bodyContent, e => e.Name.LocalName == "media"),
            Dateline: WireText.Clean(bodyHead?.Element(ns + "dateline")?.Value),
            // A byline's job title (<byttl>) is not a name.
            Byline: byline is null ? [] : WireText.Byline(string.Concat(byline.Nodes().Select(n => n switch
            {
                XText t => t.Value,
                XElement { Name.LocalName: "byttl" } => " ",
                XElement e => e.Value,
                _ => "",
            }))),
            Pictures: pictures,
            Urgency: WireText.Urgency((string?)nitf.Element(ns + "head")?.Element(ns + "docdata")?.Element(ns + "urgency")?.Attribute("ed-urg")));
    }

    private static WirePicture Picture(XElement media)
    {
        XNamespace ns = media.Name.Namespace;
        var reference = media.Elements(ns + "media-reference")
            .OrderByDescending(r => long.TryParse((string?)r.Attribute("width"), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var w) ? w : 0)
            .FirstOrDefault();
        var caption = WireText.Clean(media.Element(ns + "media-caption")?.Value);
        return new WirePicture
        {
            PictureId = WireText.Clean((string?)media.Attribute("id")) ?? WireText.Clean((string?)reference?.Attribute("data-location")),
            Href = WireText.Href((string?)reference?.Attribute("source")),
            ContentType = WireText.Clean((string?)reference?.Attribute("mime-type")),
            Caption = caption,
            Credit = WireText.Clean(media.Element(ns + "media-producer")?.Value),
            Alt = WireText.Clean((string?)reference?.Attribute("alternate-text")) ?? caption,
        };
    }
}
