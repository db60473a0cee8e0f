using System.Text.Json.Serialization;

namespace Broadsheet.Ingest;

/// <summary>The formats the wire desk reads; detected from the content, never from the declared type alone.</summary>
public enum WireFormat
{
    NewsMLG2,
    Ninjs,
    Nitf,
    NewsML1,
    Rss,
    Atom,
}

/// <summary>What the agency says may be done with an item (IPTC pubStatus: usable, withheld, canceled).</summary>
public enum WirePubStatus
{
    Usable,
    Withheld,
    Canceled,
}

/// <summary>
/// One agency item, read from any format into one shape: what the parsers produce and the desk consumes.
/// Text stays as the agency sent it (the body as HTML); mapping to an article is the desk's job.
/// </summary>
public sealed record WireItem
{
    /// <summary>The agency's guid for the story across its versions (NewsML-G2 guid, ninjs uri/guid, NITF doc-id ...).</summary>
    public required string ItemId { get; init; }

    /// <summary>The item's version; higher supersedes lower. 1 when the format gives none.</summary>
    public int Version { get; init; } = 1;

    public required WireFormat Format { get; init; }

    public WirePubStatus PubStatus { get; init; } = WirePubStatus.Usable;

    /// <summary>The agency flags this version as a correction of an earlier one (NewsML-G2 signal sig:correction and the like).</summary>
    public bool IsCorrection { get; init; }

    public string? Headline { get; init; }

    public string? Slugline { get; init; }

    /// <summary>A standfirst or summary in plain text (NewsML-G2 description role drol:summary, ninjs description_text ...).</summary>
    public string? Summary { get; init; }

    /// <summary>The body as (X)HTML fragments, as the agency sent them; null when the item has none inline.</summary>
    public string? BodyHtml { get; init; }

    /// <summary>Where the body is when it is not inline (NewsML-G2 remoteContent of a text item).</summary>
    public Uri? RemoteBody { get; init; }

    public string? Dateline { get; init; }

    /// <summary>Names in byline order; agencies often give one string ("By Jane Doe and John Roe") which parsers split where they can.</summary>
    public IReadOnlyList<string> Byline { get; init; } = [];

    /// <summary>The agency or provider credited for the item ("Reuters").</summary>
    public string? Credit { get; init; }

    /// <summary>BCP 47 language tag when the item gives one.</summary>
    public string? Language { get; init; }

    public IReadOnlyList<WireSubject> Subjects { get; init; } = [];

    /// <summary>1 (flash) to 8 (lowest) when given.</summary>
    public int? Urgency { get; init; }

    /// <summary>Not to be published before this instant.</summary>
    public DateTimeOffset? Embargoed { get; init; }

    public DateTimeOffset? FirstCreated { get; init; }

    public DateTimeOffset? VersionCreated { get; init; }

    /// <summary>Pictures that go with the story (package groups, ninjs associations, NITF media, enclosures).</summary>
    public IReadOnlyList<WirePicture> Pictures { get; init; } = [];

    /// <summary>Link to the item on the agency's or partner's site (RSS/Atom link), when given.</summary>
    public Uri? Link { get; init; }
}

/// <summary>A subject code or name (IPTC Media Topic qcode, agency code, RSS category).</summary>
public sealed record WireSubject(string? Code, string? Name);

/// <summary>A picture of an item: where to fetch it (or its bytes when sent inline) and its metadata.</summary>
public sealed record WirePicture
{
    public string? PictureId { get; init; }

    public Uri? Href { get; init; }

    public byte[]? Data { get; init; }

    public string? ContentType { get; init; }

    public string? Caption { get; init; }

    public string? Credit { get; init; }

    /// <summary>Alternative text; parsers fall back to a description or the caption when the format has no alt text.</summary>
    public string? Alt { get; init; }
}

/// <summary>
/// What a parser made of a delivery: zero or more items, each read or refused with a reason, or a reason the
/// delivery as a whole is not wire copy at all (not well-formed, unknown format, no item).
/// </summary>
public sealed record WireParse(WireFormat? Format, IReadOnlyList<WireParsedItem> Items, string? Refusal = null);

/// <summary>One item of a delivery: <see cref="Item"/> when it was read, else <see cref="Reason"/> (with whatever guid could be found).</summary>
public sealed record WireParsedItem(WireItem? Item, string? ItemId = null, int? Version = null, string? Reason = null);

/// <summary>A delivery as it arrived, from any of the three doors (push, drop folder, polling).</summary>
public sealed record WireDelivery(byte[] Body, string? ContentType, string Origin, string? SourceName = null, string? FileName = null);

/// <summary>What the desk did with one item of a delivery: the answer of <c>POST /api/admin/ingest</c>.</summary>
public sealed record WireOutcome([property: JsonPropertyName("guid")] string? ItemId, int? Version, string Status, int? ArticleId = null, string? Reason = null)
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Duplicate = "duplicate";
    public const string Killed = "killed";
    public const string Held = "held";
    public const string Quarantined = "quarantined";
}

/// <summary>The desk's answer to a delivery; <see cref="NotAnItem"/> when the bytes held no item at all (quarantined whole).</summary>
public sealed record WireReceipt(IReadOnlyList<WireOutcome> Items, string? NotAnItem = null);

// The two seams of the wire desk, named here so that every part can be written against them:
//   WireFormats.Parse(byte[] body, string? contentType) -> WireParse             (Ingest/Formats)
//   WireDesk.ReceiveAsync(WireDelivery delivery, CancellationToken ct) -> Task<WireReceipt>   (Ingest)
