using System.ComponentModel.DataAnnotations;

namespace Broadsheet;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSQL,
}

/// <summary>Every setting lives under <c>Broadsheet:</c>; environment variables override (<c>Broadsheet__DataPath</c>).</summary>
public sealed class BroadsheetOptions
{
    public const string Section = "Broadsheet";

    /// <summary>Folder for the SQLite database and the media files.</summary>
    [Required]
    public string DataPath { get; set; } = "./data";

    public DatabaseOptions Database { get; set; } = new();

    public bool SeedDemoContent { get; set; } = true;

    /// <summary>An admin API key accepted in addition to the stored ones, for automation.</summary>
    public string? BootstrapApiKey { get; set; }

    public CacheOptions Cache { get; set; } = new();

    /// <summary>Redis connection string; when set, the output cache is shared through Redis.</summary>
    public string? Redis { get; set; }

    /// <summary>
    /// Starts every Redis key and channel name of this publication, so several publications (or test runs) can share
    /// one Redis without evicting each other's pages. Instances of one publication must use the same prefix.
    /// </summary>
    [RegularExpression("^[A-Za-z0-9:_.-]{1,64}$", ErrorMessage = "Broadsheet:RedisPrefix takes 1 to 64 letters, digits or : _ . -")]
    public string RedisPrefix { get; set; } = "broadsheet:";

    public string MediaPath => Path.Combine(Path.GetFullPath(DataPath), "media");

    /// <summary>Image uploads and renditions.</summary>
    public Media.MediaOptions Media { get; set; } = new();

    /// <summary>
    /// Proxies (addresses like <c>10.0.0.5</c> or networks like <c>10.0.0.0/8</c>) whose <c>X-Forwarded-Proto</c> and
    /// <c>X-Forwarded-For</c> are believed, besides loopback: the load balancer or CDN edge in front of the instances.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>
    /// Where to report a security problem (<c>mailto:security@example.com</c> or an <c>https://</c> form), published as
    /// <c>/.well-known/security.txt</c> (RFC 9116); without it that file is not served.
    /// </summary>
    [RegularExpression("^(mailto:[^\\s@]+@[^\\s@]+|https://\\S+)$", ErrorMessage = "Broadsheet:SecurityContact must be a mailto: or https:// address.")]
    public string? SecurityContact { get; set; }

    /// <summary>The address readers reach the site at; the demo publication's base URL.</summary>
    [Url]
    public string PublicUrl { get; set; } = "http://localhost:5000";
}

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public bool ApplyMigrations { get; set; } = true;
}

public sealed class CacheOptions
{
    /// <summary>Server-side output caching of reader pages. Off only for benchmarking the uncached path.</summary>
    public bool OutputCache { get; set; } = true;

    /// <summary>How long a browser may keep a reader page.</summary>
    [Range(0, 86400)]
    public int MaxAgeSeconds { get; set; } = 60;

    /// <summary>How long a shared cache (CDN) may keep a reader page.</summary>
    [Range(0, 86400)]
    public int SharedMaxAgeSeconds { get; set; } = 300;

    [Range(0, 86400)]
    public int StaleWhileRevalidateSeconds { get; set; } = 60;

    [Range(0, 604800)]
    public int StaleIfErrorSeconds { get; set; } = 86400;

    /// <summary>
    /// How old the in-memory snapshot of the publication, sections, standards links and ad creatives may get.
    /// This instance's own writes refresh it at once; the limit is how long other instances sharing the
    /// database take to show a change to those.
    /// </summary>
    [Range(1, 3600)]
    public int SnapshotSeconds { get; set; } = 10;
}
