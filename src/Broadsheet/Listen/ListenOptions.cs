using System.ComponentModel.DataAnnotations;

namespace Broadsheet.Listen;

/// <summary>Settings under <c>Broadsheet:Listen</c> (environment: <c>Broadsheet__Listen__JobTimeoutSeconds</c>, ...).</summary>
public sealed class ListenOptions
{
    public const string Section = "Broadsheet:Listen";

    /// <summary>Runs the generation worker in this instance. Web-only instances of a scaled deployment turn it off.</summary>
    public bool Worker { get; set; } = true;

    /// <summary>Where audio files live; default <c>{DataPath}/audio</c>. Shared storage when several workers run.</summary>
    public string? AudioPath { get; set; }

    /// <summary>
    /// Voices per language made as soon as an article is published or updated, in the catalogue's order (the default
    /// voice first); further voices are made when a listener first asks for them.
    /// </summary>
    [Range(1, 16)]
    public int VoicesAhead { get; set; } = 2;

    /// <summary>How often the worker looks for work when nobody wakes it.</summary>
    [Range(0.05, 3600)]
    public double PollSeconds { get; set; } = 3;

    /// <summary>Jobs one instance runs at once. Each holds a thread at lowered priority.</summary>
    [Range(1, 16)]
    public int Concurrency { get; set; } = 1;

    /// <summary>A job that takes longer (synthesis and encoding) is abandoned and retried.</summary>
    [Range(0.1, 3600)]
    public double JobTimeoutSeconds { get; set; } = 60;

    /// <summary>Attempts before a job is marked failed for good.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait before the first retry; it doubles with each attempt.</summary>
    [Range(0.01, 86400)]
    public double RetryBaseSeconds { get; set; } = 10;

    /// <summary>Niceness (0–19) of the threads that synthesise and encode, so page serving keeps the CPU it needs.</summary>
    [Range(0, 19)]
    public int WorkerNiceness { get; set; } = 10;

    /// <summary>How often files and rows of old revisions, unpublished articles and orphans are swept.</summary>
    [Range(1, 10080)]
    public double SweepMinutes { get; set; } = 30;

    /// <summary>Average MP3 bitrate in kbit/s; mono speech needs little.</summary>
    [Range(8, 320)]
    public int Mp3BitrateKbps { get; set; } = 48;

    /// <summary>LAME algorithm quality 0 (best) to 9 (fastest); speech at 48 kbit/s sounds the same at 7 and encodes about twice as fast as at 5.</summary>
    [Range(0, 9)]
    public int Mp3Quality { get; set; } = 7;

    /// <summary>
    /// Whether each recording is also encoded as Opus after its MP3 (the player prefers it where the browser plays it).
    /// False keeps MP3 alone: the Opus pass costs several times the MP3 in CPU.
    /// </summary>
    public bool Opus { get; set; } = true;

    /// <summary>Opus bitrate in bit/s.</summary>
    [Range(6000, 510000)]
    public int OpusBitrate { get; set; } = 24000;

    /// <summary>Opus encoder complexity 0–10: low keeps the managed encoder fast; speech barely gains from more.</summary>
    [Range(0, 10)]
    public int OpusComplexity { get; set; } = 1;

    public PodcastOptions Podcast { get; set; } = new();

    public TimeSpan JobTimeout => TimeSpan.FromSeconds(JobTimeoutSeconds);

    /// <summary>A claim outlives the job's timeout, so only a dead instance's job is taken over.</summary>
    public TimeSpan Lease => TimeSpan.FromSeconds(JobTimeoutSeconds * 2 + 30);

    public string AudioDirectory(BroadsheetOptions broadsheet) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(AudioPath) ? Path.Combine(broadsheet.DataPath, "audio") : AudioPath);

    /// <summary>Wait before attempt <paramref name="attemptsMade"/> + 1: base, 2×base, 4×base... capped at a day.</summary>
    public TimeSpan RetryDelay(int attemptsMade) =>
        TimeSpan.FromSeconds(Math.Min(86400, RetryBaseSeconds * Math.Pow(2, Math.Max(0, attemptsMade - 1))));
}

/// <summary>The podcast feed's channel details (Apple Podcasts requires an owner and a category).</summary>
public sealed class PodcastOptions
{
    /// <summary>Default: the publication's name.</summary>
    public string? Title { get; set; }

    public string? Description { get; set; }

    /// <summary>Default: the publication's name.</summary>
    public string? Author { get; set; }

    public string? OwnerName { get; set; }

    [EmailAddress]
    public string OwnerEmail { get; set; } = "podcasts@example.com";

    /// <summary>An Apple Podcasts category.</summary>
    public string Category { get; set; } = "News";

    public string? Subcategory { get; set; } = "Daily News";

    public bool Explicit { get; set; }

    /// <summary>Episodes in a feed, newest first.</summary>
    [Range(1, 1000)]
    public int Episodes { get; set; } = 100;

    /// <summary>Side of the square artwork in pixels (Apple: 1400–3000).</summary>
    [Range(1400, 3000)]
    public int ArtworkSize { get; set; } = 1400;
}
