using Broadsheet.Articles;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Broadsheet.Rendering;

/// <summary>Marks the reader's page endpoints: they get ETags, Cache-Control and output caching.</summary>
public sealed class ReaderPageMarker
{
    /// <summary>A page or feed: buffered, so its ETag is a hash of the body.</summary>
    public static readonly ReaderPageMarker Instance = new(buffered: true);

    /// <summary>
    /// A response written as it is read from the database (sitemaps of tens of thousands of URLs): it gets
    /// Cache-Control and output caching, but is not buffered for an ETag, so memory stays flat whatever its size.
    /// </summary>
    public static readonly ReaderPageMarker Streamed = new(buffered: false);

    private ReaderPageMarker(bool buffered)
    {
        Buffered = buffered;
    }

    public bool Buffered { get; }
}

/// <summary>
/// Tags the current response: its output-cache entry, so that evicting any of the tags drops it, and its surrogate keys
/// (<see cref="Of"/>), so that a CDN in front drops it on the same change.
/// </summary>
public static class ResponseCacheTags
{
    public static void Add(HttpContext http, IEnumerable<string> tags)
    {
        var recorded = http.Features.Get<TagsFeature>();
        if (recorded is null)
        {
            recorded = new TagsFeature();
            http.Features.Set(recorded);
        }
        var cached = http.Features.Get<IOutputCacheFeature>()?.Context.Tags;
        foreach (var tag in tags)
        {
            recorded.Tags.Add(tag);
            cached?.Add(tag);
        }
    }

    /// <summary>Every tag of the response: those added here and those its output-cache policy gave it.</summary>
    public static IReadOnlyCollection<string> Of(HttpContext http)
    {
        var recorded = http.Features.Get<TagsFeature>()?.Tags;
        var cached = http.Features.Get<IOutputCacheFeature>()?.Context.Tags;
        if (cached is null || cached.Count == 0)
        {
            return recorded is null ? [] : recorded;
        }
        return recorded is null ? cached : [.. recorded.Union(cached, StringComparer.Ordinal)];
    }

    private sealed class TagsFeature
    {
        public HashSet<string> Tags { get; } = new(StringComparer.Ordinal);
    }
}

/// <summary>
/// A bound on how long the current reader page may be kept, for a page whose content changes at a known time without
/// a write (a front-page story expiring): the output cache and <c>Cache-Control</c> keep it no longer than that.
/// </summary>
public static class ResponseCacheLifetime
{
    private static readonly object Key = new();

    public static void AtMost(HttpContext http, TimeSpan lifetime)
    {
        var bound = lifetime < TimeSpan.Zero ? TimeSpan.Zero : lifetime;
        if (Of(http) is not { } earlier || bound < earlier)
        {
            http.Items[Key] = bound;
        }
    }

    public static TimeSpan? Of(HttpContext http) => http.Items.TryGetValue(Key, out var value) ? (TimeSpan?)value : null;
}

/// <summary>
/// The output-cache policy of reader pages: anonymous GET/HEAD, one entry per normalised Accept-Encoding
/// (the cache stores compressed bytes) and per <c>page</c> query value; other query strings do not create
/// entries, so cache-busting URLs cannot flood it. Only 200s without cookies are stored. Entries live until
/// their tags are evicted, or <see cref="Lifetime"/> at most; a response whose render began before one of its tags
/// was evicted is not stored (<see cref="GuardedOutputCacheStore"/>).
/// </summary>
public sealed class ReaderCachePolicy : IOutputCachePolicy
{
    public const string Name = "Reader";

    /// <summary>Eviction by tag keeps pages fresh; the lifetime only bounds how long a rotated ad or a section menu can lag.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private static readonly StringValues VaryHeaders = HeaderNames.AcceptEncoding;
    private static readonly StringValues VaryQuery = "page";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<ReaderPageMarker>() is null)
        {
            // Other Razor Pages (the newsroom) are per-user and must never be stored.
            context.EnableOutputCaching = false;
            return ValueTask.CompletedTask;
        }
        var request = context.HttpContext.Request;
        var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && StringValues.IsNullOrEmpty(request.Headers.Authorization);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.CacheVaryByRules.HeaderNames = VaryHeaders;
        context.CacheVaryByRules.QueryKeys = VaryQuery;
        return ValueTask.CompletedTask;
    }

    private static readonly KeyValuePair<string, object?> Hit = new("result", "hit");
    private static readonly KeyValuePair<string, object?> Miss = new("result", "miss");

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        Telemetry.OutputCacheRequests.Add(1, Hit);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Content changed while the page was rendered from the in-memory snapshot: the change's eviction has already
    /// run, so storing this page would keep the old section names or ads until the entry's lifetime ends.
    /// </summary>
    private static bool BuiltFromStaleSnapshot(HttpContext http) =>
        http.RequestServices.GetService<SiteChrome>()?.Site is { } site
        && site.Generation != http.RequestServices.GetRequiredService<ContentCache>().Generation;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (context.AllowCacheLookup)
        {
            Telemetry.OutputCacheRequests.Add(1, Miss);
        }
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(response.Headers.SetCookie)
            || BuiltFromStaleSnapshot(context.HttpContext))
        {
            context.AllowCacheStorage = false;
        }
        else if (ResponseCacheLifetime.Of(context.HttpContext) is { } bound && bound < (context.ResponseExpirationTimeSpan ?? Lifetime))
        {
            context.AllowCacheStorage = bound > TimeSpan.Zero;
            context.ResponseExpirationTimeSpan = bound;
        }
        return ValueTask.CompletedTask;
    }
}
