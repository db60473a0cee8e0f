using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Broadsheet.Ingest.Formats;

/// <summary>What every format's reader does the same way: text, dates, codes, bylines, markup and the two refusals.</summary>
internal static partial class WireText
{
    /// <summary>Whitespace collapsed and trimmed; null when nothing is left.</summary>
    public static string? Clean(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var collapsed = Spaces().Replace(text, " ").Trim();
        return collapsed.Length == 0 ? null : collapsed;
    }

    public static DateTimeOffset? Date(string? text)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return value;
        }
        // NITF norm dates: 20260115T143000+0100 or 20260115T143000Z (ISO 8601 basic format).
        string[] basic = ["yyyyMMdd'T'HHmmsszzz", "yyyyMMdd'T'HHmmss'Z'", "yyyyMMdd'T'HHmmss", "yyyyMMdd'T'HHmm", "yyyyMMdd"];
        var normalised = BasicOffset().Replace(text, "$1:$2");
        return DateTimeOffset.TryParseExact(normalised, basic, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value)
            ? value
            : null;
    }

    /// <summary>The code of a qcode or a NewsCodes URI: "stat:canceled" and ".../pubstatusg2/canceled" both give "canceled".</summary>
    public static string Code(string? qcode)
    {
        qcode ??= "";
        var at = Math.Max(qcode.LastIndexOf(':'), qcode.LastIndexOf('/'));
        return qcode[(at + 1)..].Trim().ToLowerInvariant();
    }

    public static WirePubStatus? PubStatus(string? value) => Code(value) switch
    {
        "usable" or "" => WirePubStatus.Usable,
        "withheld" or "embargoed" => WirePubStatus.Withheld,
        "canceled" or "cancelled" or "kill" or "killed" => WirePubStatus.Canceled,
        _ => null,
    };

    public static int? Urgency(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 9 ? value : null;

    /// <summary>A version number from what the agency gives ("3", " 3 "); 1 when it is missing or not a number.</summary>
    public static int Version(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : 1;

    /// <summary>Names from a byline string: "By Jane Doe and John Roe" gives two names.</summary>
    public static IReadOnlyList<string> Byline(string? text)
    {
        var line = Clean(text);
        if (line is null)
        {
            return [];
        }
        line = ByPrefix().Replace(line, "");
        return [.. BylineSeparators().Split(line).Select(Clean).OfType<string>().Distinct()];
    }

    public static Uri? Href(string? text) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) ? uri : null;

    /// <summary>Plain text as HTML paragraphs: blank lines (or single lines when there are no blank ones) separate them.</summary>
    public static string? Paragraphs(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var parts = text.Contains("\n\n", StringComparison.Ordinal) ? text.Split("\n\n") : text.Split('\n');
        var html = new StringBuilder();
        foreach (var part in parts.Select(Clean).OfType<string>())
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(part)).Append("</p>");
        }
        return html.Length == 0 ? null : html.ToString();
    }

    /// <summary>
    /// The children of an element as HTML: namespaces dropped (XHTML and NITF elements keep their local names),
    /// comments and processing instructions left out, CDATA escaped as text.
    /// </summary>
    public static string? InnerHtml(XElement? parent, Func<XElement, bool>? leaveOut = null)
    {
        if (parent is null)
        {
            return null;
        }
        var html = new StringBuilder();
        foreach (var node in parent.Nodes())
        {
            var plain = Plain(node, leaveOut);
            if (plain is not null)
            {
                html.Append(plain.ToString(SaveOptions.DisableFormatting));
            }
        }
        var result = html.ToString().Trim();
        return result.Length == 0 ? null : result;
    }

    private static XNode? Plain(XNode node, Func<XElement, bool>? leaveOut) => node switch
    {
        XElement e when leaveOut?.Invoke(e) == true => null,
        XElement e => new XElement(e.Name.LocalName,
            e.Attributes()
                .Where(a => !a.IsNamespaceDeclaration)
                .Select(a => a.Name.Namespace == XNamespace.Xml ? a.Name : XName.Get(a.Name.LocalName))
                .Distinct()
                .Select(name => new XAttribute(name, e.Attributes().First(a => (a.Name.Namespace == XNamespace.Xml ? a.Name : XName.Get(a.Name.LocalName)) == name).Value)),
            e.Nodes().Select(n => Plain(n, leaveOut)).OfType<XNode>()),
        XCData c => new XText(c.Value),
        XText t => new XText(t.Value),
        _ => null,
    };

    /// <summary>Whether HTML has any words in it (markup alone is no body).</summary>
    public static bool HasText(string? html) =>
        !string.IsNullOrWhiteSpace(html) && !string.IsNullOrWhiteSpace(WebUtility.HtmlDecode(Tags().Replace(html, " ")));

    /// <summary>The read item, or the refusal a person can act on when it has no headline or no body.</summary>
    public static WireParsedItem Check(WireItem item, string headlineNames, string bodyNames)
    {
        // A kill needs neither headline nor body: it withdraws, by guid, what was sent before.
        if (item.PubStatus == WirePubStatus.Canceled)
        {
            return new WireParsedItem(item, item.ItemId, item.Version);
        }
        if (item.Headline is null)
        {
            return new WireParsedItem(null, item.ItemId, item.Version, $"no headline: the item has neither {headlineNames}");
        }
        if (!HasText(item.BodyHtml) && item.RemoteBody is null)
        {
            return new WireParsedItem(null, item.ItemId, item.Version, $"no body text: the item has no {bodyNames} with text in it");
        }
        return new WireParsedItem(item, item.ItemId, item.Version);
    }

    public static WireParsedItem Refuse(string? itemId, int? version, string reason) => new(null, itemId, version, reason);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"([+-]\d\d)(\d\d)$")]
    private static partial Regex BasicOffset();

    [GeneratedRegex(@"^by[:\s]+", RegexOptions.IgnoreCase)]
    private static partial Regex ByPrefix();

    [GeneratedRegex(@"\s+and\s+|\s*[,;&]\s*|\s+und\s+|\s+et\s+|\s+och\s+", RegexOptions.IgnoreCase)]
    private static partial Regex BylineSeparators();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
