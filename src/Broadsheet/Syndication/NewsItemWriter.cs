using System.Globalization;
using System.Text;
using System.Xml;
using Broadsheet.Articles;
using Broadsheet.Media;

namespace Broadsheet.Syndication;

/// <summary>
/// An article as a NewsML-G2 2.35 <c>newsItem</c>: item metadata, content metadata (headline, slugline, dateline, by,
/// creditline, summary, subjects, language), the body as XHTML in <c>inlineXML</c>, and the pictures as links to their
/// renditions. Written with <see cref="XmlWriter"/>, so every text is escaped and the output is well-formed.
/// </summary>
public static class NewsItemWriter
{
    public const string MediaType = "application/vnd.iptc.g2.newsitem+xml";
    public const string Namespace = "http://iptc.org/std/nar/2006-10-01/";

    /// <summary>The IPTC catalog that defines the schemes used here (ninat, stat, sig, drol, irel, cpnat, crol).</summary>
    private const string IptcCatalog = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml";

    public static byte[] Write(SyndicationSource source)
    {
        var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            Write(xml, source);
        }
        return stream.ToArray();
    }

    private static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Text(string value) => Data.TextRules.ForXml(value);

    private static void Element(XmlWriter xml, string name, string? value, params (string Name, string Value)[] attributes)
    {
        if (value is null)
        {
            return;
        }
        xml.WriteStartElement(name, Namespace);
        foreach (var (attribute, attributeValue) in attributes)
        {
            xml.WriteAttributeString(attribute, attributeValue);
        }
        xml.WriteString(Text(value));
        xml.WriteEndElement();
    }

    private static void Empty(XmlWriter xml, string name, params (string Name, string? Value)[] attributes)
    {
        xml.WriteStartElement(name, Namespace);
        foreach (var (attribute, value) in attributes.Where(a => a.Value is not null))
        {
            xml.WriteAttributeString(attribute, value);
        }
        xml.WriteEndElement();
    }

    /// <summary>A concept with a name: <c>&lt;subject literal="…"&gt;&lt;name&gt;…&lt;/name&gt;&lt;/subject&gt;</c>.</summary>
    private static void Named(XmlWriter xml, string element, string name, params (string Name, string? Value)[] attributes)
    {
        xml.WriteStartElement(element, Namespace);
        foreach (var (attribute, value) in attributes.Where(a => a.Value is not null))
        {
            xml.WriteAttributeString(attribute, value);
        }
        Element(xml, "name", name);
        xml.WriteEndElement();
    }

    private static void Write(XmlWriter xml, SyndicationSource source)
    {
        var a = source.Article;
        xml.WriteStartDocument();
        xml.WriteStartElement("newsItem", Namespace);
        xml.WriteAttributeString("guid", source.ArticleUrl);
        xml.WriteAttributeString("version", a.Version.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("standard", "NewsML-G2");
        xml.WriteAttributeString("standardversion", "2.35");
        xml.WriteAttributeString("conformance", "power");
        xml.WriteAttributeString("xml", "lang", null, a.Language);
        Empty(xml, "catalogRef", ("href", IptcCatalog));

        xml.WriteStartElement("rightsInfo", Namespace);
        Named(xml, "copyrightHolder", source.PublicationName, ("uri", source.BaseUrl + "/"));
        Element(xml, "copyrightNotice", $"© {source.VersionCreated.Year} {source.PublicationName}");
        Element(xml, "usageTerms", source.UsageTerms);
        xml.WriteEndElement();

        xml.WriteStartElement("itemMeta", Namespace);
        Empty(xml, "itemClass", ("qcode", "ninat:text"));
        Named(xml, "provider", source.PublicationName, ("uri", source.BaseUrl + "/"));
        Element(xml, "versionCreated", Time(source.VersionCreated));
        Element(xml, "firstCreated", Time(a.CreatedAt));
        Empty(xml, "pubStatus", ("qcode", "stat:usable"));
        foreach (var note in a.Notes.OrderBy(n => n.At))
        {
            Element(xml, "edNote", $"{(note.Kind == NoteKind.Correction ? "Correction" : "Update")}: {note.Text}");
        }
        if (a.Notes.Any(n => n.Kind == NoteKind.Correction))
        {
            Empty(xml, "signal", ("qcode", "sig:correction"));
        }
        foreach (var picture in source.Pictures())
        {
            PictureLink(xml, source, picture);
        }
        Empty(xml, "link", ("rel", "irel:canonical"), ("href", source.ArticleUrl), ("contenttype", "text/html"));
        xml.WriteEndElement();

        xml.WriteStartElement("contentMeta", Namespace);
        if (a.FirstPublishedAt is { } first)
        {
            Element(xml, "contentCreated", Time(first));
        }
        if (a.LastUpdatedAt is { } updated)
        {
            Element(xml, "contentModified", Time(updated));
        }
        foreach (var c in a.Byline.OrderBy(b => b.Position).Select(b => b.Contributor))
        {
            xml.WriteStartElement("creator", Namespace);
            xml.WriteAttributeString("role", c.Kind == ContributorKind.Person ? "crol:author" : "crol:agency");
            if (c.Kind == ContributorKind.Person)
            {
                xml.WriteAttributeString("uri", source.Url(ArticleUrls.AuthorPath(c.Slug)));
            }
            Element(xml, "name", c.Name);
            Element(xml, "definition", c.Role);
            xml.WriteEndElement();
        }
        Empty(xml, "language", ("tag", a.Language));
        Named(xml, "genre", a.Type.ToString(), ("literal", ContentNames.Of(a.Type)));
        Named(xml, "subject", a.Section.Name, ("type", "cpnat:abstract"), ("literal", "section:" + a.Section.Path), ("uri", source.Url(ArticleUrls.SectionPath(a.Section.Path))));
        foreach (var topic in a.Topics.OrderBy(t => t.Position).Select(t => t.Topic))
        {
            Named(xml, "subject", topic.Name, ("type", "cpnat:abstract"), ("literal", "topic:" + topic.Slug), ("uri", source.Url(ArticleUrls.TopicPath(topic.Slug))));
        }
        Element(xml, "slugline", a.Slug);
        Element(xml, "headline", a.Headline);
        Element(xml, "dateline", a.Dateline);
        var byline = a.Byline.OrderBy(b => b.Position).Select(b => b.Contributor.Name).ToList();
        if (byline.Count > 0)
        {
            Element(xml, "by", string.Join(", ", byline));
        }
        Element(xml, "creditline", source.PublicationName);
        if (a.Summary.Count > 0)
        {
            Element(xml, "description", string.Join("\n", a.Summary), ("role", "drol:summary"));
        }
        xml.WriteEndElement();

        xml.WriteStartElement("contentSet", Namespace);
        xml.WriteStartElement("inlineXML", Namespace);
        xml.WriteAttributeString("contenttype", "application/xhtml+xml");
        xml.WriteStartElement("html", BodyMarkup.XhtmlNamespace);
        xml.WriteStartElement("head", BodyMarkup.XhtmlNamespace);
        xml.WriteElementString("title", BodyMarkup.XhtmlNamespace, Text(a.Headline));
        xml.WriteEndElement();
        xml.WriteStartElement("body", BodyMarkup.XhtmlNamespace);
        BodyMarkup.Write(xml, source, BodyMarkup.XhtmlNamespace);
        xml.WriteFullEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    /// <summary>A picture as a link to its widest JPEG, naming the image for good (<c>residref</c>) with its caption as the title.</summary>
    private static void PictureLink(XmlWriter xml, SyndicationSource source, SyndicatedPicture picture)
    {
        var image = picture.Image;
        var rendition = image.Renditions.Where(r => r.Format == RenditionMaker.Jpeg).MaxBy(r => r.Width) ?? image.Renditions.MaxBy(r => r.Width);
        if (rendition is null)
        {
            return;
        }
        xml.WriteStartElement("link", Namespace);
        xml.WriteAttributeString("rel", picture.Name == "featureimage" ? "irel:seeAlso" : "irel:associatedWith");
        xml.WriteAttributeString("href", source.Url(ImageSources.UrlOf(rendition.Path)));
        xml.WriteAttributeString("residref", source.ImageUri(image));
        xml.WriteAttributeString("contenttype", SyndicatedPicture.ContentTypeOf(rendition));
        Element(xml, "title", picture.Caption ?? picture.Alt);
        xml.WriteEndElement();
    }
}
