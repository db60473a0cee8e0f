using System.ComponentModel.DataAnnotations;

namespace Broadsheet.Ingest.Doors;

/// <summary>
/// How the doors behave, <c>Broadsheet:Ingest:Doors:*</c>. Which folders and feeds there are is each source's
/// <see cref="WireSourceOptions.Folder"/>, <see cref="WireSourceOptions.FeedUrl"/> and <see cref="WireSourceOptions.PollSeconds"/>.
/// </summary>
public sealed class DoorSettings
{
    public const string Section = IngestOptions.Section + ":Doors";

    /// <summary>Runs the drop folders and the pollers in this instance (several instances may: they share the work safely).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>This instance's name on its claims (<c>processing/{InstanceId}/</c>) and feed leases; default host name, process id and a random part.</summary>
    public string? InstanceId { get; set; }

    /// <summary>How often every drop folder is looked at, besides the file system's own notices.</summary>
    [Range(0.05, 3600)]
    public double SweepSeconds { get; set; } = 5;

    /// <summary>A dropped file is taken once its size and time have not changed for this long (FTP uploads arrive in pieces).</summary>
    [Range(0, 3600)]
    public double StableSeconds { get; set; } = 2;

    /// <summary>A claim in <c>processing/</c> whose instance has not shown a sign of life for this long is taken over.</summary>
    [Range(1, 86400)]
    public double ClaimStaleSeconds { get; set; } = 60;

    /// <summary>
    /// How many files of one folder the desk handles at once. Each file is still its own delivery (its own transactions,
    /// filed on its own once committed); several in flight share the database's commits, and one file's reading and
    /// parsing overlaps another's writing.
    /// </summary>
    [Range(1, 64)]
    public int FilesInFlight { get; set; } = 8;

    /// <summary>Larger files go to quarantine unread.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>A feed request that takes longer fails (and is retried with backoff).</summary>
    [Range(1, 600)]
    public double FeedTimeoutSeconds { get; set; } = 30;

    /// <summary>A larger feed response fails.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFeedBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>The wait after a failed poll; it doubles with each failure in a row, up to <see cref="MaxBackoffSeconds"/>.</summary>
    [Range(0.01, 86400)]
    public double RetryBaseSeconds { get; set; } = 30;

    [Range(0.01, 604800)]
    public double MaxBackoffSeconds { get; set; } = 3600;

    public TimeSpan Sweep => TimeSpan.FromSeconds(SweepSeconds);
    public TimeSpan Stable => TimeSpan.FromSeconds(StableSeconds);
    public TimeSpan ClaimStale => TimeSpan.FromSeconds(ClaimStaleSeconds);
    public TimeSpan FeedTimeout => TimeSpan.FromSeconds(FeedTimeoutSeconds);

    /// <summary>The wait before the next poll after <paramref name="failures"/> failures in a row.</summary>
    public TimeSpan Backoff(int failures) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoffSeconds, RetryBaseSeconds * Math.Pow(2, Math.Clamp(failures - 1, 0, 30))));

    public static IEnumerable<WireSourceOptions> Folders(IngestOptions options) => options.Sources.Where(s => !string.IsNullOrWhiteSpace(s.Folder));

    public static IEnumerable<WireSourceOptions> Feeds(IngestOptions options) => options.Sources.Where(s => s.FeedUrl is not null);

    /// <summary>What is wrong with the sources' folders and feeds, one sentence each naming the setting.</summary>
    public static IEnumerable<string> Problems(IngestOptions options)
    {
        for (var i = 0; i < options.Sources.Count; i++)
        {
            if (options.Sources[i].FeedUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
            {
                yield return $"{IngestOptions.Section}:Sources:{i}:FeedUrl must be an absolute http or https address.";
            }
        }
        foreach (var folder in Folders(options).GroupBy(s => Path.GetFullPath(s.Folder!)).Where(g => g.Count() > 1))
        {
            yield return $"{IngestOptions.Section}:Sources: the folder '{folder.Key}' is used by more than one source.";
        }
    }
}
