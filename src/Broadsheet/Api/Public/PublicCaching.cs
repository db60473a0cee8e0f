using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Broadsheet.Api.Public;

/// <summary>
/// Makes every successful public GET cacheable by browsers and a CDN: <c>Cache-Control</c> with
/// <c>s-maxage</c>, <c>stale-while-revalidate</c> and <c>stale-if-error</c>, and a strong <c>ETag</c> over
/// the JSON so that a revalidation costs a 304. Output caching stores the same bytes and headers.
/// </summary>
internal sealed class PublicCaching(IOptions<BroadsheetOptions> options, IOptions<JsonOptions> json) : IEndpointFilter
{
    /// <summary>The output-cache policy public API endpoints use; publishes evict its entries by tag.</summary>
    public const string PolicyName = "Api.Public";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        var (bytes, contentType) = inner switch
        {
            IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK } and IValueHttpResult { Value: { } value } =>
                (System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), json.Value.SerializerOptions), "application/json; charset=utf-8"),
            // Another representation of the same content (an article as ninjs or NewsML-G2), already written.
            FileContentHttpResult { FileContents: var contents, ContentType: var type } => (contents.ToArray(), type),
            _ => (null, null),
        };
        if (bytes is null)
        {
            return result;
        }
        var http = context.HttpContext;
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16)) + "\"";
        var cache = options.Value.Cache;
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl =
            $"public, max-age={cache.MaxAgeSeconds}, s-maxage={cache.SharedMaxAgeSeconds}, stale-while-revalidate={cache.StaleWhileRevalidateSeconds}, stale-if-error={cache.StaleIfErrorSeconds}";
        if (http.Request.Headers.IfNoneMatch.Count > 0
            && EntityTagHeaderValue.TryParseList(http.Request.Headers.IfNoneMatch, out var tags)
            && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Tag == etag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.Bytes(bytes, contentType);
    }

    /// <summary>Tags the response with what it shows (its output-cache entry and its surrogate keys), so writes evict it.</summary>
    public static void Tag(HttpContext http, params string[] tags) => Rendering.ResponseCacheTags.Add(http, tags);
}
