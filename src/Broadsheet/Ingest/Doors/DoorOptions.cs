using System.ComponentModel.DataAnnotations;

namespace Broadsheet.Ingest.Doors;

/// <summary>
/// The doors' view of <c>Broadsheet:Ingest</c>: each source's drop folder and feed (<c>Sources:N:Folder</c>,
/// <c>Sources:N:FeedUrl</c>, read beside the desk's own rules of the same source) and how the doors behave
/// (<c>Broadsheet:Ingest:Doors:*</c>).
/// </summary>
public sealed class DoorOptions
{
    public const string Section = "Broadsheet:Ingest";

    public List<DoorSource> Sources { get; set; } = [];

    public DoorSettings Doors { get; set; } = new();

    public IEnumerable<DoorSource> Folders => Sources.Where(s => !string.IsNullOrWhiteSpace(s.Folder));

    public IEnumerable<DoorSource> Feeds => Sources.Where(s => s.FeedUrl is not null);

    /// <summary>Problems a person can act on, one per line, or none.</summary>
    public IEnumerable<string> Problems()
    {
        for (var i = 0; i < Sources.Count; i++)
        {
            var s = Sources[i];
            var at = $"{Section}:Sources:{i}";
            if ((s.Folder is not null || s.FeedUrl is not null) && string.IsNullOrWhiteSpace(s.Name))
            {
                yield return $"{at}:Name is required for a source with a folder or a feed URL.";
            }
            if (s.FeedUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
            {
                yield return $"{at}:FeedUrl must be an absolute http or https address.";
            }
            if (s.PollSeconds is < 1 or > 86400)
            {
                yield return $"{at}:PollSeconds must be between 1 and 86400.";
            }
        }
        foreach (var name in Sources.Where(s => !string.IsNullOrWhiteSpace(s.Name)).GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            yield return $"{Section}:Sources: the name '{name.Key}' is used by more than one source.";
        }
        foreach (var folder in Folders.GroupBy(s => Path.GetFullPath(s.Folder!)).Where(g => g.Count() > 1))
        {
            yield return $"{Section}:Sources: the folder '{folder.Key}' is used by more than one source.";
        }
    }
}

/// <summary>One source as the doors see it; <see cref="Name"/> is what the desk knows it by.</summary>
public sealed class DoorSource
{
    public string Name { get; set; } = "";

    /// <summary>A folder the agency drops files into (FTP, SFTP, a mounted share); <c>done/</c>, <c>quarantine/</c> and <c>processing/</c> are made inside it.</summary>
    public string? Folder { get; set; }

    /// <summary>A feed polled for new items: a ninjs API, RSS or Atom.</summary>
    public Uri? FeedUrl { get; set; }

    /// <summary>How often the feed is polled when all is well.</summary>
    public int PollSeconds { get; set; } = 60;

    /// <summary>Request headers the feed needs (an agency's API key: <c>Headers:Authorization</c>).</summary>
    public Dictionary<string, string> Headers { get; set; } = [];
}

/// <summary><c>Broadsheet:Ingest:Doors:*</c>.</summary>
public sealed class DoorSettings
{
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
}
