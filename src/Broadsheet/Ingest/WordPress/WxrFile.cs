using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Broadsheet.Ingest.WordPress;

/// <summary>A WordPress author (<c>wp:author</c>): the login posts name in <c>dc:creator</c>, and the name readers see.</summary>
public sealed record WxrAuthor(string Login, string DisplayName);

/// <summary>A category (<c>wp:category</c>), its parent named by nicename.</summary>
public sealed record WxrCategory(string Nicename, string Name, string? Parent);

/// <summary>A tag (<c>wp:tag</c>).</summary>
public sealed record WxrTag(string Slug, string Name);

/// <summary>What the first pass learns: the site, its authors, categories, tags and attachments, and how many posts to import.</summary>
public sealed record WxrIndex(
    string Site,
    IReadOnlyList<WxrAuthor> Authors,
    IReadOnlyList<WxrCategory> Categories,
    IReadOnlyList<WxrTag> Tags,
    IReadOnlyDictionary<long, WxrAttachment> Attachments,
    int Posts);

/// <summary>An attachment item: where its file is (the uploads-relative path and the URL) and its alt text and caption.</summary>
public sealed record WxrAttachment(long Id, string? File, string? Url, string? Alt, string? Caption, string? Title);

/// <summary>One post as the export gives it; <see cref="Status"/> is WordPress's (publish, draft, pending, private, future, trash).</summary>
public sealed record WxrPost(
    long Id,
    string Title,
    string? Creator,
    string Content,
    string Excerpt,
    string? Name,
    string Status,
    DateTimeOffset? Date,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Tags,
    long? ThumbnailId);

/// <summary>
/// Reads a WordPress export (WXR: RSS 2.0 with the <c>wp:</c>, <c>content:</c>, <c>excerpt:</c> and <c>dc:</c>
/// namespaces) with <see cref="XmlReader"/>, one <c>item</c> at a time, so a large export stays flat in memory. DTDs are
/// ignored and nothing is fetched. Any WXR version is read: elements are matched by the namespace's stem.
/// </summary>
public static class WxrFile
{
    private const string WpStem = "http://wordpress.org/export/";
    private const string ContentNs = "http://purl.org/rss/1.0/modules/content/";
    private const string DcNs = "http://purl.org/dc/elements/1.1/";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        // Exports often carry stray control characters in post text; they are dropped from the text instead.
        CheckCharacters = false,
        IgnoreComments = true,
        Async = false,
    };

    private static bool IsWp(XName name, string local) => name.LocalName == local && name.NamespaceName.StartsWith(WpStem, StringComparison.Ordinal) && !name.NamespaceName.EndsWith("/excerpt/", StringComparison.Ordinal);

    private static string? Wp(XElement e, string local) => e.Elements().FirstOrDefault(c => IsWp(c.Name, local))?.Value;

    /// <summary>The first pass: the channel's site, authors, categories and tags, every attachment, and the count of posts.</summary>
    public static WxrIndex Index(string path, CancellationToken ct = default)
    {
        string? site = null, link = null;
        var authors = new List<WxrAuthor>();
        var categories = new List<WxrCategory>();
        var tags = new List<WxrTag>();
        var attachments = new Dictionary<long, WxrAttachment>();
        var posts = 0;
        foreach (var element in ChannelElements(path, ct))
        {
            var name = element.Name;
            if (name.LocalName == "link" && name.NamespaceName.Length == 0)
            {
                link ??= element.Value.Trim();
            }
            else if (IsWp(name, "base_site_url"))
            {
                site = element.Value.Trim();
            }
            else if (IsWp(name, "author") && Clean(Wp(element, "author_login")) is { } login)
            {
                authors.Add(new WxrAuthor(login, Clean(Wp(element, "author_display_name")) ?? login));
            }
            else if (IsWp(name, "category") && Clean(Wp(element, "category_nicename")) is { } nicename)
            {
                categories.Add(new WxrCategory(nicename, Clean(Wp(element, "cat_name")) ?? nicename, Clean(Wp(element, "category_parent"))));
            }
            else if (IsWp(name, "tag") && Clean(Wp(element, "tag_slug")) is { } slug)
            {
                tags.Add(new WxrTag(slug, Clean(Wp(element, "tag_name")) ?? slug));
            }
            else if (name.LocalName == "item")
            {
                switch (Wp(element, "post_type"))
                {
                    case "post":
                        posts++;
                        break;
                    case "attachment" when long.TryParse(Wp(element, "post_id"), CultureInfo.InvariantCulture, out var id):
                        var meta = Meta(element);
                        attachments[id] = new WxrAttachment(
                            id,
                            Clean(meta.GetValueOrDefault("_wp_attached_file")),
                            Clean(Wp(element, "attachment_url")) ?? Clean(element.Element("guid")?.Value),
                            Clean(meta.GetValueOrDefault("_wp_attachment_image_alt")),
                            Clean(Text(element, "http://wordpress.org/export/", "encoded", excerpt: true)),
                            Clean(element.Element("title")?.Value));
                        break;
                }
            }
        }
        var siteUrl = site ?? link ?? throw new InvalidDataException("This is not a WordPress export: the channel names no site (wp:base_site_url or link).");
        return new WxrIndex(siteUrl.TrimEnd('/'), authors, categories, tags, attachments, posts);
    }

    /// <summary>The second pass: every post (not pages, attachments or menu items), in file order.</summary>
    public static IEnumerable<WxrPost> Posts(string path, CancellationToken ct = default)
    {
        foreach (var item in ChannelElements(path, ct).Where(e => e.Name.LocalName == "item" && Wp(e, "post_type") == "post"))
        {
            if (!long.TryParse(Wp(item, "post_id"), CultureInfo.InvariantCulture, out var id))
            {
                continue;
            }
            var meta = Meta(item);
            var categories = item.Elements("category").Where(c => (string?)c.Attribute("domain") == "category").Select(c => (string?)c.Attribute("nicename")).OfType<string>().ToList();
            var tags = item.Elements("category").Where(c => (string?)c.Attribute("domain") == "post_tag").Select(c => Clean(c.Value) ?? (string?)c.Attribute("nicename")).OfType<string>().ToList();
            yield return new WxrPost(
                id,
                Clean(item.Element("title")?.Value) ?? "",
                Clean(item.Element(XName.Get("creator", DcNs))?.Value),
                Strip(item.Element(XName.Get("encoded", ContentNs))?.Value ?? ""),
                Strip(Text(item, WpStem, "encoded", excerpt: true) ?? ""),
                Clean(Wp(item, "post_name")),
                Clean(Wp(item, "status")) ?? "draft",
                DateOf(Wp(item, "post_date_gmt"), Wp(item, "post_date")),
                categories,
                tags,
                long.TryParse(meta.GetValueOrDefault("_thumbnail_id"), CultureInfo.InvariantCulture, out var thumbnail) ? thumbnail : null);
        }
    }

    /// <summary>The channel's children one at a time, each read whole (an item is small; the file is not).</summary>
    private static IEnumerable<XElement> ChannelElements(string path, CancellationToken ct)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var reader = XmlReader.Create(stream, Settings);
        if (!reader.ReadToFollowing("rss") || !reader.ReadToDescendant("channel"))
        {
            throw new InvalidDataException("This is not a WordPress export: no rss/channel element.");
        }
        if (!reader.Read())
        {
            yield break;
        }
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "channel"))
        {
            ct.ThrowIfCancellationRequested();
            if (reader.NodeType == XmlNodeType.Element)
            {
                // ReadFrom leaves the reader on the node after the element.
                yield return (XElement)XNode.ReadFrom(reader);
            }
            else
            {
                reader.Read();
            }
        }
    }

    private static Dictionary<string, string> Meta(XElement item)
    {
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in item.Elements().Where(e => IsWp(e.Name, "postmeta")))
        {
            if (Wp(entry, "meta_key") is { } key)
            {
                meta[key] = Wp(entry, "meta_value") ?? "";
            }
        }
        return meta;
    }

    /// <summary><c>excerpt:encoded</c>: its namespace is the export's with <c>excerpt/</c> appended.</summary>
    private static string? Text(XElement item, string stem, string local, bool excerpt) =>
        item.Elements().FirstOrDefault(e => e.Name.LocalName == local && e.Name.NamespaceName.StartsWith(stem, StringComparison.Ordinal) && e.Name.NamespaceName.EndsWith("/excerpt/", StringComparison.Ordinal) == excerpt)?.Value;

    /// <summary>The post's time: <c>post_date_gmt</c> when set (drafts have zeros there), else <c>post_date</c> read as UTC.</summary>
    private static DateTimeOffset? DateOf(string? gmt, string? local)
    {
        foreach (var value in new[] { gmt, local })
        {
            if (value is not null && !value.StartsWith("0000", StringComparison.Ordinal)
                && DateTime.TryParseExact(value.Trim(), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
            {
                return new DateTimeOffset(time, TimeSpan.Zero);
            }
        }
        return null;
    }

    private static string? Clean(string? value) => Data.InputText.Trimmed(value is null ? null : Strip(value));

    /// <summary>Text without the control characters exports sometimes carry (line breaks and tabs stay).</summary>
    private static string Strip(string value) =>
        value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            ? new string(value.Where(c => !char.IsControl(c) || c is '\n' or '\r' or '\t').ToArray())
            : value;
}
