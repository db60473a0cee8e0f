using Broadsheet.Rendering;
using Microsoft.Extensions.Options;

namespace Broadsheet.Edge;

/// <summary>
/// Gives every cacheable response its cache tags as surrogate keys: <c>Surrogate-Key</c> (Fastly, Varnish's xkey;
/// space-separated) and <c>Cache-Tag</c> (Cloudflare; comma-separated). With a purger configured, the shared cache may
/// also keep the page for <see cref="EdgeOptions.SharedMaxAgeSeconds"/> (<c>Surrogate-Control</c>, <c>CDN-Cache-Control</c>),
/// since every change purges it. It sits inside output caching, so the headers are stored with the page.
/// </summary>
public sealed class SurrogateKeyHeaders(RequestDelegate next, IOptions<EdgeOptions> options)
{
    public const string SurrogateKey = "Surrogate-Key";
    public const string CacheTag = "Cache-Tag";

    private readonly string? sharedControl = options.Value.Purger == PurgerKind.None ? null : $"max-age={options.Value.SharedMaxAgeSeconds}";

    public Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.OnStarting(static state =>
            {
                var (http, control) = ((HttpContext, string?))state;
                AddHeaders(http, control);
                return Task.CompletedTask;
            }, (context, sharedControl));
        }
        return next(context);
    }

    private static void AddHeaders(HttpContext http, string? sharedControl)
    {
        var response = http.Response;
        var tags = ResponseCacheTags.Of(http);
        if (tags.Count == 0 || !IsPublic(response))
        {
            return;
        }
        var keys = tags.Where(IsHeaderSafe).Order(StringComparer.Ordinal).ToList();
        response.Headers[SurrogateKey] = string.Join(' ', keys);
        response.Headers[CacheTag] = string.Join(',', keys);
        if (sharedControl is not null && response.StatusCode == StatusCodes.Status200OK)
        {
            response.Headers["Surrogate-Control"] = sharedControl;
            response.Headers["CDN-Cache-Control"] = sharedControl;
        }
    }

    private static bool IsPublic(HttpResponse response) =>
        response.Headers.CacheControl.ToString() is { Length: > 0 } control
        && control.Contains("public", StringComparison.OrdinalIgnoreCase)
        && !control.Contains("no-store", StringComparison.OrdinalIgnoreCase)
        && !control.Contains("private", StringComparison.OrdinalIgnoreCase)
        && response.Headers.SetCookie.Count == 0;

    /// <summary>A key can hold neither of the lists' separators nor a control character.</summary>
    private static bool IsHeaderSafe(string tag) => tag.Length > 0 && tag.All(c => c > ' ' && c < 127 && c != ',');
}
