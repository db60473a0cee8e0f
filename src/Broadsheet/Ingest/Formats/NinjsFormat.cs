using System.Globalization;
using System.Text.Json;

namespace Broadsheet.Ingest.Formats;

/// <summary>
/// ninjs 1.x, 2.x and 3.x, one object or an array of them. Property names are matched without regard to case, since
/// 3.x spells in camel case what 1.x and 2.x spell in lower case (versionCreated, versioncreated).
/// </summary>
internal static class NinjsFormat
{
    private const string HeadlineNames = "\"headline\", \"headlines\" nor \"slugline\"";
    private const string BodyNames = "\"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\"";

    public static WireParse Read(JsonElement root)
    {
        switch (root.ValueKind)
        {
            case JsonValueKind.Object:
                return new WireParse(WireFormat.Ninjs, [ReadItem(root, null)]);
            case JsonValueKind.Array:
                var items = new List<WireParsedItem>();
                var index = 0;
                foreach (var element in root.EnumerateArray())
                {
                    index++;
                    if (items.Count > WireFormats.MaxItems)
                    {
                        // Counted, not read: the limit refuses the delivery whole.
                        items.Add(WireText.Refuse(null, null, "over the item limit"));
                        continue;
                    }
                    items.Add(element.ValueKind == JsonValueKind.Object
                        ? ReadItem(element, index)
                        : WireText.Refuse(null, null, $"not a ninjs item: element {index} of the array is a JSON {Kind(element)}, not an object"));
                }
                return new WireParse(WireFormat.Ninjs, items);
            default:
                return new WireParse(null, [], $"unknown format: the JSON is a {Kind(root)}, neither a ninjs object nor an array of them");
        }
    }

    private static string Kind(JsonElement element) => element.ValueKind.ToString().ToLowerInvariant();

    private static WireParsedItem ReadItem(JsonElement item, int? index)
    {
        var where = index is null ? "" : $" (item {index} of the array)";
        var id = String(item, "uri") ?? String(item, "guid");
        var versionText = Scalar(item, "version");
        var version = WireText.Version(versionText);
        if (id is null)
        {
            var hint = Has(item, "$schema") || Has(item, "properties") || Has(item, "definitions")
                ? "; it looks like a JSON Schema, not an item"
                : "";
            return WireText.Refuse(null, version, $"no guid: the ninjs object{where} has neither \"uri\" nor \"guid\"{hint}");
        }

        var statusText = String(item, "pubstatus");
        var status = WireText.PubStatus(statusText);
        if (status is null)
        {
            return WireText.Refuse(id, version, $"unknown status: pubstatus \"{statusText}\"{where} is none of usable, withheld, canceled");
        }

        var type = String(item, "type")?.ToLowerInvariant();
        var headline = Headline(item);
        var slugline = String(item, "slugline");
        var (body, pictures) = (Body(item), Pictures(item));
        if (!WireText.HasText(body) && type is "composite" or null)
        {
            // A composite (1.x package) may carry its story as a text association.
            body = Associations(item).Select(a => a.Value).Where(a => String(a, "type") is "text").Select(Body).FirstOrDefault(WireText.HasText);
        }
        if (type is "picture" or "graphic" or "video" or "audio" or "event" or "planning" or "component" && !WireText.HasText(body) && status != WirePubStatus.Canceled)
        {
            return WireText.Refuse(id, version, $"not a story: a {type} item{where} without body text; the desk reads text stories and their pictures");
        }

        var wire = new WireItem
        {
            ItemId = id,
            Version = version,
            Format = WireFormat.Ninjs,
            PubStatus = status.Value,
            IsCorrection = Signals(item).Any(s => WireText.Code(s) == "correction"),
            Headline = headline ?? slugline,
            Slugline = slugline,
            Summary = Description(item),
            BodyHtml = body,
            Dateline = String(item, "located") ?? Located(item),
            Byline = WireText.Byline(String(item, "byline") ?? String(item, "by")),
            Credit = String(item, "copyrightholder") ?? String(item, "infosource") ?? Name(Property(item, "infosources")),
            Language = String(item, "language"),
            Subjects = Subjects(item),
            Urgency = WireText.Urgency(Scalar(item, "urgency")),
            Embargoed = WireText.Date(String(item, "embargoed")),
            FirstCreated = WireText.Date(String(item, "firstcreated")),
            VersionCreated = WireText.Date(String(item, "versioncreated")),
            Pictures = pictures,
            Link = WireText.Href(String(item, "link")) ?? Links(item),
        };
        var checkedItem = WireText.Check(wire, HeadlineNames, BodyNames);
        return checkedItem.Reason is null || where.Length == 0 ? checkedItem : checkedItem with { Reason = checkedItem.Reason + where };
    }

    /// <summary>The property of that name in any case; the last one when an object repeats it.</summary>
    private static JsonElement? Property(JsonElement item, string name)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        JsonElement? found = null;
        foreach (var property in item.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                found = property.Value;
            }
        }
        return found;
    }

    private static bool Has(JsonElement item, string name) => Property(item, name) is not null;

    private static string? String(JsonElement item, string name) =>
        Property(item, name) is { ValueKind: JsonValueKind.String } value ? WireText.Clean(value.GetString()) : null;

    /// <summary>A string or a number as text: ninjs 1.x sends version as a string, some senders as a number.</summary>
    private static string? Scalar(JsonElement item, string name) => Property(item, name) switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
        _ => null,
    };

    private static IEnumerable<JsonElement> Array(JsonElement item, string name) =>
        Property(item, name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object) : [];

    private static string? Name(JsonElement? list) =>
        list is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Select(e => String(e, "name")).FirstOrDefault(n => n is not null)
            : null;

    private static string? Headline(JsonElement item) =>
        String(item, "headline")
        ?? Array(item, "headlines").OrderBy(h => String(h, "role") is null or "main" ? 0 : 1).Select(h => String(h, "value")).FirstOrDefault(h => h is not null);

    private static string? Description(JsonElement item)
    {
        if (String(item, "description_text") is { } text)
        {
            return text;
        }
        var descriptions = Array(item, "descriptions").ToList();
        var summary = descriptions.OrderBy(d => String(d, "role")?.ToLowerInvariant() switch
        {
            "summary" or "abstract" => 0,
            null or "text" or "description" => 1,
            _ => 2,
        }).Select(d => (Value: String(d, "value"), Type: String(d, "contenttype"))).FirstOrDefault(d => d.Value is not null);
        var value = summary.Value ?? String(item, "description_html") ?? String(item, "description_xhtml");
        return value is not null && (summary.Type?.Contains("html", StringComparison.OrdinalIgnoreCase) == true || summary.Value is null)
            ? WireText.Clean(System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(value, "<[^>]*>", " ")))
            : value;
    }

    private static string? Body(JsonElement item)
    {
        if (String(item, "body_html") is { } html && WireText.HasText(html))
        {
            return html;
        }
        if (String(item, "body_xhtml") is { } xhtml && WireText.HasText(xhtml))
        {
            return xhtml;
        }
        var bodies = Array(item, "bodies")
            .Select(b => (Role: String(b, "role")?.ToLowerInvariant(), Type: String(b, "contenttype")?.ToLowerInvariant(), Value: Property(b, "value") is { ValueKind: JsonValueKind.String } v ? v.GetString() : null))
            .Where(b => !string.IsNullOrWhiteSpace(b.Value))
            .ToList();
        var htmlBody = bodies
            .Where(b => b.Type is null or "text/html" or "application/xhtml+xml")
            .OrderBy(b => b.Role is null or "main" or "html" or "html5" ? 0 : 1)
            .FirstOrDefault(b => WireText.HasText(b.Value));
        if (htmlBody.Value is not null)
        {
            return HtmlFragment(htmlBody.Value);
        }
        if (bodies.FirstOrDefault(b => b.Type is "text/plain").Value is { } plainBody)
        {
            return WireText.Paragraphs(plainBody);
        }
        return Property(item, "body_text") is { ValueKind: JsonValueKind.String } plain ? WireText.Paragraphs(plain.GetString()) : null;
    }

    /// <summary>A whole HTML document (as some agencies put in bodies) reduced to what its body holds.</summary>
    private static string HtmlFragment(string html)
    {
        var start = html.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            return html.Trim();
        }
        var open = html.IndexOf('>', start);
        var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return open < 0 ? html.Trim() : html[(open + 1)..(end > open ? end : html.Length)].Trim();
    }

    private static IEnumerable<string> Signals(JsonElement item) =>
        Property(item, "signals") is { ValueKind: JsonValueKind.Array } signals
            ? signals.EnumerateArray().Select(s => s.ValueKind == JsonValueKind.String ? s.GetString() : String(s, "uri") ?? String(s, "name") ?? String(s, "code")).OfType<string>()
            : [];

    private static string? Located(JsonElement item) =>
        Array(item, "places").Where(p => String(p, "rel") is "located" || String(p, "role") is "located").Select(p => String(p, "name")).FirstOrDefault(n => n is not null);

    private static Uri? Links(JsonElement item) =>
        Array(item, "links").Where(l => String(l, "rel") is null or "alternate" or "canonical" or "self").Select(l => WireText.Href(String(l, "href"))).FirstOrDefault(h => h is not null);

    private static List<WireSubject> Subjects(JsonElement item) =>
        Array(item, "subject").Concat(Array(item, "subjects"))
            .Select(s => new WireSubject(String(s, "code") ?? String(s, "uri") ?? String(s, "literal"), String(s, "name")))
            .Where(s => s.Code is not null || s.Name is not null)
            .ToList();

    /// <summary>Associations by name: an object of named items in 1.x and 2.x, an array of items with a name in 3.x.</summary>
    private static IEnumerable<KeyValuePair<string?, JsonElement>> Associations(JsonElement item) => Property(item, "associations") switch
    {
        { ValueKind: JsonValueKind.Object } named => named.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Object)
            .Select(p => new KeyValuePair<string?, JsonElement>(p.Name, p.Value)),
        { ValueKind: JsonValueKind.Array } list => list.EnumerateArray()
            .Where(e => e.ValueKind == JsonValueKind.Object)
            .Select(e => new KeyValuePair<string?, JsonElement>(String(e, "name"), e)),
        _ => [],
    };

    private static List<WirePicture> Pictures(JsonElement item) =>
        Associations(item)
            .Where(a => String(a.Value, "type")?.ToLowerInvariant() is "picture" or "graphic" or "image")
            .Select(a => Picture(a.Value))
            .ToList();

    private static WirePicture Picture(JsonElement association)
    {
        var renditions = Property(association, "renditions") switch
        {
            { ValueKind: JsonValueKind.Object } named => named.EnumerateObject().Select(p => p.Value).Where(v => v.ValueKind == JsonValueKind.Object).ToList(),
            { ValueKind: JsonValueKind.Array } list => list.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Object).ToList(),
            _ => [],
        };
        var best = renditions
            .Where(r => WireText.Href(String(r, "href")) is not null)
            .OrderByDescending(r => Number(r, "width") * Number(r, "height"))
            .Select(r => (JsonElement?)r)
            .FirstOrDefault();
        var caption = Description(association) ?? Headline(association);
        var alt = Array(association, "descriptions").Where(d => String(d, "role")?.ToLowerInvariant() is "alt" or "alternative" or "alttext")
            .Select(d => String(d, "value")).FirstOrDefault(v => v is not null);
        return new WirePicture
        {
            PictureId = String(association, "uri") ?? String(association, "guid"),
            Href = best is { } b ? WireText.Href(String(b, "href")) : null,
            ContentType = best is { } r2 ? String(r2, "contenttype") ?? String(r2, "mimetype") : String(association, "mimetype") ?? String(association, "contenttype"),
            Caption = caption,
            Credit = String(association, "by") ?? String(association, "byline") ?? String(association, "copyrightholder"),
            Alt = alt ?? caption,
        };
    }

    private static long Number(JsonElement item, string name) =>
        Property(item, name) is { ValueKind: JsonValueKind.Number } n && n.TryGetInt64(out var value) ? value
        : long.TryParse(String(item, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
}
