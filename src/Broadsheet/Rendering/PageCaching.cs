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

/// <summary>Tags the output-cache entry of the current response, so that evicting any of the tags drops it.</summary>
public static class ResponseCacheTags
{
    public static void Add(HttpContext http, IEnumerable<string> tags)
    {
        if (http.Features.Get<IOutputCacheFeature>()?.Context.Tags is { } set)
        {
            foreach (var tag in tags)
            {
                set.Add(tag);
            }
        }
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
/// their tags are evicted, or <see cref="Lifetime"/> at most.
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

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    /// <summary>
    /// Content changed while the page was rendered from the in-memory snapshot: the change's eviction has already
    /// run, so storing this page would keep the old section names or ads until the entry's lifetime ends.
    /// </summary>
    private static bool BuiltFromStaleSnapshot(HttpContext http) =>
        http.RequestServices.GetService<SiteChrome>()?.Site is { } site
        && site.Generation != http.RequestServices.GetRequiredService<ContentCache>().Generation;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
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
