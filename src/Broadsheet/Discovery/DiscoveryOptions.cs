using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Broadsheet.Discovery;

/// <summary>Settings under <c>Broadsheet:Discovery</c> (environment: <c>Broadsheet__Discovery__WebSubHub</c>, ...).</summary>
public sealed partial class DiscoveryOptions
{
    public const string Section = "Broadsheet:Discovery";

    /// <summary>Articles in each feed, newest first.</summary>
    [Range(1, 500)]
    public int FeedLength { get; set; } = 50;

    /// <summary>
    /// The WebSub hub the feeds name (<c>rel=hub</c>) and tell of changes (<c>hub.mode=publish</c>); no hub, no pings.
    /// </summary>
    public string? WebSubHub { get; set; }

    /// <summary>The IndexNow key (8 to 128 letters, digits and dashes), served at <c>/{key}.txt</c>; no key, no pings.</summary>
    public string? IndexNowKey { get; set; }

    /// <summary>Where IndexNow submissions go; the shared endpoint passes them on to every participating engine.</summary>
    public string IndexNowEndpoint { get; set; } = "https://api.indexnow.org/indexnow";

    /// <summary>Attempts at one ping before it is given up (logged as a warning).</summary>
    [Range(1, 20)]
    public int PingAttempts { get; set; } = 6;

    /// <summary>The wait before the first retry of a failed ping; it doubles with each attempt.</summary>
    [Range(0.01, 3600)]
    public double PingRetrySeconds { get; set; } = 30;

    /// <summary>
    /// How often a worker looks for pings queued by other processes (a web-only process's changes); the pings of its
    /// own process's changes go at once.
    /// </summary>
    [Range(0.1, 600)]
    public double PingPollSeconds { get; set; } = 2;

    public bool PingsWebSub => !string.IsNullOrWhiteSpace(WebSubHub);

    public bool PingsIndexNow => !string.IsNullOrWhiteSpace(IndexNowKey);

    [GeneratedRegex("^[A-Za-z0-9-]{8,128}$")]
    internal static partial Regex IndexNowKeyPattern();

    internal static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
