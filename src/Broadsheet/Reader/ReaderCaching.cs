using System.Buffers.Text;
using System.Security.Cryptography;
using Broadsheet.Rendering;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Broadsheet.Reader;

/// <summary>
/// For reader pages: buffers the rendered page, gives it a weak ETag (a hash of the body), answers 304 to a
/// matching If-None-Match, and sets Cache-Control from <see cref="CacheOptions"/>. It sits inside output
/// caching, so the ETag and Cache-Control are stored with the page and a cache hit (including its 304s) costs
/// nothing here.
/// </summary>
public sealed class ReaderPageHeaders
{
    private static readonly StringValues NoCache = "no-cache";
    private static readonly StringValues NoStore = "no-store";
    private static readonly StringValues VaryAcceptEncoding = HeaderNames.AcceptEncoding;

    private readonly RequestDelegate next;
    private readonly StringValues cacheControl;
    private readonly StringValues redirectCacheControl;

    public ReaderPageHeaders(RequestDelegate next, IOptions<BroadsheetOptions> options)
    {
        this.next = next;
        var cache = options.Value.Cache;
        cacheControl = $"public, max-age={cache.MaxAgeSeconds}, s-maxage={cache.SharedMaxAgeSeconds}, " +
            $"stale-while-revalidate={cache.StaleWhileRevalidateSeconds}, stale-if-error={cache.StaleIfErrorSeconds}";
        redirectCacheControl = $"public, max-age={cache.MaxAgeSeconds}, s-maxage={cache.SharedMaxAgeSeconds}";
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || context.GetEndpoint()?.Metadata.GetMetadata<ReaderPageMarker>() is null)
        {
            await next(context);
            return;
        }

        var response = context.Response;
        var body = response.Body;
        using var buffer = new MemoryStream(32 * 1024);
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = body;
        }

        var headers = response.Headers;
        AppendVary(headers);
        switch (response.StatusCode)
        {
            case StatusCodes.Status200OK:
                var etag = WeakETag(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
                headers.ETag = etag;
                headers.CacheControl = cacheControl;
                if (Matches(request.Headers.IfNoneMatch, etag))
                {
                    response.StatusCode = StatusCodes.Status304NotModified;
                    headers.ContentType = default;
                    return;
                }
                break;
            case StatusCodes.Status301MovedPermanently:
                headers.CacheControl = redirectCacheControl;
                break;
            case >= 500:
                headers.CacheControl = NoStore;
                break;
            default:
                headers.CacheControl = NoCache;
                break;
        }
        if (buffer.Length == 0)
        {
            return; // an empty error response: status-code pages still get to render it
        }
        response.ContentLength = buffer.Length;
        if (!HttpMethods.IsHead(request.Method))
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(body, context.RequestAborted);
        }
    }

    /// <summary><c>W/"…"</c> over the first 16 bytes of the body's SHA-256: stable across renders of the same content.</summary>
    public static string WeakETag(ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(body, hash);
        return "W/\"" + Base64Url.EncodeToString(hash[..16]) + "\"";
    }

    private static bool Matches(StringValues ifNoneMatch, string etag)
    {
        foreach (var value in ifNoneMatch)
        {
            if (value is null)
            {
                continue;
            }
            foreach (var candidate in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                // Weak comparison (RFC 9110 13.1.2): W/ prefixes are ignored.
                if (candidate == "*" || Opaque(candidate).SequenceEqual(Opaque(etag)))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static ReadOnlySpan<char> Opaque(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag.AsSpan(2) : tag;

    private static void AppendVary(IHeaderDictionary headers)
    {
        foreach (var value in headers.Vary)
        {
            if (value is not null && value.Contains(HeaderNames.AcceptEncoding, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
        }
        headers.Append(HeaderNames.Vary, VaryAcceptEncoding);
    }
}
