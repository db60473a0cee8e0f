using System.ComponentModel.DataAnnotations;

namespace Broadsheet.Ingest;

/// <summary>The wire desk's settings, bound from <c>Broadsheet:Ingest</c> (environment <c>Broadsheet__Ingest__*</c>).</summary>
public sealed class IngestOptions
{
    public const string Section = "Broadsheet:Ingest";

    /// <summary>The agencies and partners that deliver copy; each seeds its rules into the database at start-up (the newsroom edits them there).</summary>
    public List<WireSourceOptions> Sources { get; set; } = [];

    /// <summary>Largest delivery accepted, in bytes (a push over it answers 413).</summary>
    [Range(1024, 1L << 30)]
    public long MaxDeliveryBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>Largest picture fetched from an item's link, in bytes.</summary>
    [Range(1024, 1L << 30)]
    public long MaxPictureBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>How long fetching one picture (or a remote body) may take.</summary>
    [Range(1, 600)]
    public int FetchTimeoutSeconds { get; set; } = 20;

    /// <summary>How often the embargo release looks for items whose time has come.</summary>
    [Range(1, 3600)]
    public int EmbargoPollSeconds { get; set; } = 5;

    /// <summary>Run the embargo release on this instance.</summary>
    public bool ReleaseEmbargoes { get; set; } = true;
}

/// <summary>
/// One source, <c>Broadsheet:Ingest:Sources:N</c>. Name identifies it everywhere (dedupe is per source and item id);
/// Folder and FeedUrl are the drop folder and the feed polled for it, the rest are its rules as first seeded.
/// </summary>
public sealed class WireSourceOptions
{
    [Required]
    [StringLength(WireSource.MaxName, MinimumLength = 1)]
    public string Name { get; set; } = "";

    /// <summary>The drop folder watched for this source's files.</summary>
    public string? Folder { get; set; }

    /// <summary>A feed (ninjs API, RSS, Atom) polled for this source.</summary>
    public Uri? FeedUrl { get; set; }

    /// <summary>Seconds between polls of <see cref="FeedUrl"/>.</summary>
    [Range(5, 86400)]
    public int PollSeconds { get; set; } = 60;

    /// <summary>Section path for this source's articles when no subject maps to one.</summary>
    public string? Section { get; set; }

    /// <summary>Agency subject (code such as <c>medtop:20000822</c>, or name) to section path; the first subject that maps wins.</summary>
    public Dictionary<string, string> SubjectSections { get; set; } = [];

    /// <summary>The agency contributor credited when an item names no person (default: the source's name).</summary>
    public string? Byline { get; set; }

    /// <summary>Publish items at once (true), or hold them in the wire queue for an editor to use (false).</summary>
    public bool AutoPublish { get; set; }

    /// <summary>Language of items that do not say (BCP 47).</summary>
    public string? Language { get; set; }

    /// <summary>The name of the admin API key this source pushes with: its pushes are this source's deliveries.</summary>
    public string? ApiKey { get; set; }
}
