using System.ComponentModel.DataAnnotations;

namespace Broadsheet.Edge;

public enum PurgerKind
{
    None,
    Varnish,
    Fastly,
    Cloudflare,
}

/// <summary>Settings under <c>Broadsheet:Edge</c>: the shared cache (CDN or Varnish) in front of the instances.</summary>
public sealed class EdgeOptions
{
    public const string Section = "Broadsheet:Edge";

    /// <summary>Who is told to drop the pages of a change: <c>None</c> (the default), <c>Varnish</c>, <c>Fastly</c> or <c>Cloudflare</c>.</summary>
    public PurgerKind Purger { get; set; } = PurgerKind.None;

    /// <summary>
    /// With a purger, how long the shared cache may keep a page (<c>Surrogate-Control</c> and <c>CDN-Cache-Control</c>):
    /// purging keeps it fresh, so it can be long. Browsers still get <c>Broadsheet:Cache:MaxAgeSeconds</c>.
    /// </summary>
    [Range(0, 31536000)]
    public int SharedMaxAgeSeconds { get; set; } = 86400;

    /// <summary>Varnish: the base address of each Varnish server (<c>http://10.0.0.7:6081</c>); each gets every purge.</summary>
    public List<string> VarnishUrls { get; set; } = [];

    public string? FastlyServiceId { get; set; }

    public string? FastlyApiToken { get; set; }

    public string FastlyApiUrl { get; set; } = "https://api.fastly.com";

    /// <summary>Fastly: mark pages stale instead of removing them, so <c>stale-if-error</c> can still serve them.</summary>
    public bool FastlySoftPurge { get; set; }

    public string? CloudflareZoneId { get; set; }

    /// <summary>Cloudflare: an API token with the zone's Cache Purge permission.</summary>
    public string? CloudflareApiToken { get; set; }

    public string CloudflareApiUrl { get; set; } = "https://api.cloudflare.com/client/v4";

    /// <summary>
    /// Sends every purge a second time after this long (0: once only): another instance may have rendered the old page
    /// from its snapshot before it heard of the change, and the shared cache may have fetched it meanwhile.
    /// </summary>
    [Range(0, 60)]
    public double RepurgeSeconds { get; set; } = 0.5;

    /// <summary>Attempts of one purge before it is logged as failed; the wait doubles from <see cref="RetrySeconds"/>.</summary>
    [Range(1, 20)]
    public int Attempts { get; set; } = 5;

    [Range(0, 600)]
    public double RetrySeconds { get; set; } = 1;

    public IEnumerable<string> Problems()
    {
        switch (Purger)
        {
            case PurgerKind.Varnish when VarnishUrls.Count == 0 || !VarnishUrls.All(IsHttpUrl):
                yield return $"{Section}:VarnishUrls must list the http(s) address of each Varnish when {Section}:Purger is Varnish.";
                break;
            case PurgerKind.Fastly when string.IsNullOrWhiteSpace(FastlyServiceId) || string.IsNullOrWhiteSpace(FastlyApiToken) || !IsHttpUrl(FastlyApiUrl):
                yield return $"{Section}:FastlyServiceId, FastlyApiToken and an http(s) FastlyApiUrl are needed when {Section}:Purger is Fastly.";
                break;
            case PurgerKind.Cloudflare when string.IsNullOrWhiteSpace(CloudflareZoneId) || string.IsNullOrWhiteSpace(CloudflareApiToken) || !IsHttpUrl(CloudflareApiUrl):
                yield return $"{Section}:CloudflareZoneId, CloudflareApiToken and an http(s) CloudflareApiUrl are needed when {Section}:Purger is Cloudflare.";
                break;
        }
    }

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
