using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace Broadsheet.Ingest.Formats;

/// <summary>
/// Reads a wire delivery in any format the desk takes: detects the format from the bytes (root element and namespace,
/// JSON shape; the declared content type only breaks no tie), reads each item into a <see cref="WireItem"/> or refuses
/// it with a reason a person can act on. Pure: no I/O, no clock; never throws.
/// </summary>
public static class WireFormats
{
    /// <summary>Larger deliveries are refused whole: agencies send items in kilobytes, a newsMessage in a few megabytes.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    /// <summary>More items than this in one delivery are refused whole, so that one delivery cannot flood the desk.</summary>
    public const int MaxItems = 1000;

    public const string G2Namespace = "http://iptc.org/std/nar/2006-10-01/";
    public const string AtomNamespace = "http://www.w3.org/2005/Atom";

    static WireFormats() =>
        // Agencies still declare windows-1252 and other legacy code pages in their XML prologs.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static WireParse Parse(byte[] body, string? contentType)
    {
        try
        {
            return Detect(body, contentType);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Every expected failure has its own reason below; this one keeps a parser's oversight from losing the delivery.
            return new WireParse(null, [], $"the delivery could not be read ({e.GetType().Name}: {e.Message})");
        }
    }

    private static WireParse Detect(byte[]? body, string? contentType)
    {
        if (body is null || body.Length == 0)
        {
            return new WireParse(null, [], "empty delivery: the body has no bytes");
        }
        if (body.Length > MaxBytes)
        {
            return new WireParse(null, [],
                string.Create(CultureInfo.InvariantCulture, $"too large: the delivery is {body.Length:N0} bytes and the limit is {MaxBytes:N0} bytes ({MaxBytes / 1024 / 1024} MiB); ask the sender to split it"));
        }

        var (text, bomLength, encoding) = Sniff(body);
        var first = text.FirstOrDefault(c => !char.IsWhiteSpace(c) && c != '\0');
        return first switch
        {
            '<' => ParseXml(body),
            '{' or '[' => ParseJson(body, bomLength, encoding),
            '\0' => new WireParse(null, [], "empty delivery: the body is only whitespace"),
            _ => new WireParse(null, [],
                $"unknown format: the delivery starts with '{Printable(first)}', neither XML ('<') nor JSON ('{{' or '['){DeclaredType(contentType)}"),
        };
    }

    private static string DeclaredType(string? contentType) =>
        string.IsNullOrWhiteSpace(contentType) ? "" : $"; it was sent as {contentType.Trim()}";

    private static string Printable(char c) => char.IsControl(c) || char.IsSurrogate(c) ? $"U+{(int)c:X4}" : c.ToString();

    /// <summary>The start of the body as text, by its byte order mark (UTF-8 when none), for detection only.</summary>
    private static (string Text, int BomLength, Encoding Encoding) Sniff(byte[] body)
    {
        var head = body.AsSpan(0, Math.Min(body.Length, 4096));
        (Encoding encoding, int bom) = head switch
        {
            [0xEF, 0xBB, 0xBF, ..] => ((Encoding)new UTF8Encoding(false), 3),
            [0xFF, 0xFE, 0x00, 0x00, ..] => (new UTF32Encoding(false, false), 4),
            [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(true, false), 4),
            [0xFF, 0xFE, ..] => (new UnicodeEncoding(false, false), 2),
            [0xFE, 0xFF, ..] => (new UnicodeEncoding(true, false), 2),
            // UTF-16 without a mark, as some XML senders do: '<' then a zero byte, or the other way round.
            [0x3C, 0x00, ..] => (new UnicodeEncoding(false, false), 0),
            [0x00, 0x3C, ..] => (new UnicodeEncoding(true, false), 0),
            _ => (new UTF8Encoding(false), 0),
        };
        return (encoding.GetString(head[bom..]), bom, encoding);
    }

    internal static readonly XmlReaderSettings SecureXml = new()
    {
        // A DOCTYPE is skipped, never processed: no external entity is fetched (XXE) and no entity is expanded
        // (billion laughs). NITF files often carry a DOCTYPE, so refusing it outright would refuse good copy.
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        MaxCharactersInDocument = MaxBytes * 2L,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    internal static XmlReader OpenXml(byte[] body) => XmlReader.Create(new MemoryStream(body, writable: false), SecureXml);

    private static WireParse ParseXml(byte[] body)
    {
        XDocument document;
        try
        {
            using var reader = OpenXml(body);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            return new WireParse(null, [], NotWellFormed(e));
        }
        catch (Exception e) when (e is DecoderFallbackException or ArgumentException or NotSupportedException)
        {
            // An encoding the prolog names but .NET does not know, or bytes that are not in the declared encoding.
            return new WireParse(null, [], $"not readable XML: {e.Message}");
        }

        var root = document.Root!;
        var ns = root.Name.NamespaceName;
        var name = root.Name.LocalName;
        var parse = (ns, name) switch
        {
            (G2Namespace, _) => NewsMlG2Format.Read(root),
            ("" or NitfFormat.Namespace or NitfFormat.OldNamespace, "nitf") => NitfFormat.Read(root),
            ("", "NewsML") => NewsMl1Format.Read(root),
            ("", "rss") => FeedFormat.Read(body, WireFormat.Rss),
            (AtomNamespace, "feed" or "entry") => FeedFormat.Read(body, WireFormat.Atom),
            _ => new WireParse(null, [], UnknownRoot(root)),
        };
        return Limit(parse);
    }

    private static string UnknownRoot(XElement root)
    {
        var ns = root.Name.NamespaceName;
        var where = ns.Length == 0 ? "in no known namespace" : $"in namespace {ns}";
        var hint = (ns, root.Name.LocalName) switch
        {
            ("http://www.w3.org/2001/XMLSchema", _) => " (an XML Schema, not wire copy)",
            ("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "RDF") => " (RSS 1.0 is not read; ask for RSS 2.0 or Atom)",
            ("", "NewsML") or (_, "newsMessage" or "newsItem" or "packageItem") =>
                $" (NewsML-G2 items are in namespace {G2Namespace})",
            _ => "",
        };
        return $"unknown format: the root element is <{root.Name.LocalName}> {where}{hint}; the desk reads NewsML-G2, NITF, NewsML 1.2, RSS 2.0, Atom and ninjs";
    }

    internal static string NotWellFormed(XmlException e)
    {
        var message = e.Message;
        // XmlException repeats the position at the end of its message ("... Line 3, position 12.").
        var at = message.LastIndexOf(" Line ", StringComparison.Ordinal);
        if (at > 0)
        {
            message = message[..at];
        }
        return string.Create(CultureInfo.InvariantCulture, $"not well-formed XML at line {e.LineNumber}, column {e.LinePosition}: {message.TrimEnd()}");
    }

    private static WireParse ParseJson(byte[] body, int bomLength, Encoding encoding)
    {
        // System.Text.Json reads UTF-8 only: other encodings (by their mark) are converted first.
        ReadOnlyMemory<byte> utf8 = encoding is UTF8Encoding
            ? body.AsMemory(bomLength)
            : Encoding.UTF8.GetBytes(encoding.GetString(body, bomLength, body.Length - bomLength));
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 64, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            var message = e.Message;
            var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (at > 0)
            {
                message = message[..at];
            }
            return new WireParse(null, [],
                string.Create(CultureInfo.InvariantCulture, $"not well-formed JSON at line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1}: {message.TrimEnd()}"));
        }
        using (document)
        {
            return Limit(NinjsFormat.Read(document.RootElement));
        }
    }

    private static WireParse Limit(WireParse parse)
    {
        if (parse.Items.Count > MaxItems)
        {
            return new WireParse(parse.Format, [],
                string.Create(CultureInfo.InvariantCulture, $"too many items: the delivery holds {parse.Items.Count:N0} items and the limit is {MaxItems:N0}; ask the sender to split it"));
        }
        if (parse.Refusal is null && parse.Items.Count == 0)
        {
            return parse with { Refusal = "no item: the delivery is well-formed but holds no news item" };
        }
        return parse;
    }
}
