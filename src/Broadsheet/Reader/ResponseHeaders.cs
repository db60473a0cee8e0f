using Broadsheet.Rendering;
using Microsoft.Extensions.Primitives;

namespace Broadsheet.Reader;

/// <summary>
/// Security headers on every response (pages, APIs, errors, static files and media), computed once.
/// Placed inside the exception handler and status-code pages so that re-executed error pages get them again.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, InlineStyle style)
{
    private static readonly StringValues NoSniff = "nosniff";
    private static readonly StringValues Referrer = "strict-origin-when-cross-origin";
    private static readonly StringValues Deny = "DENY";

    /// <summary>The site uses none of these browser features, so no page (or script injected into one) may ask for them.</summary>
    public static readonly StringValues Permissions =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), browsing-topics=()";

    /// <summary>A year, sent only over HTTPS: a browser ignores it over plain HTTP, and a site first tried over HTTP must stay reachable.</summary>
    public static readonly StringValues StrictTransport = "max-age=31536000";

    private readonly StringValues policy = style.Policy;

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = policy;
        headers.XContentTypeOptions = NoSniff;
        headers["Referrer-Policy"] = Referrer;
        headers.XFrameOptions = Deny;
        headers["Permissions-Policy"] = Permissions;
        if (context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = StrictTransport;
        }
        return next(context);
    }
}

/// <summary>
/// Rewrites <c>Accept-Encoding</c> to exactly one of <c>br</c>, <c>gzip</c> or <c>identity</c>, the coding the
/// response will use. The output cache varies by this header, so there is one cached copy per coding instead of
/// one per browser's spelling of the header, and response compression sees the same choice.
/// </summary>
public sealed class AcceptEncodingNormalizer(RequestDelegate next)
{
    public static readonly StringValues Brotli = "br";
    public static readonly StringValues Gzip = "gzip";
    public static readonly StringValues Identity = "identity";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Request.Headers;
        headers.AcceptEncoding = Normalize(headers.AcceptEncoding);
        return next(context);
    }

    public static StringValues Normalize(StringValues header)
    {
        if (header.Count == 0)
        {
            return Identity;
        }
        double br = -1, gzip = -1, any = -1;
        foreach (var value in header)
        {
            var rest = (value ?? "").AsSpan();
            while (!rest.IsEmpty)
            {
                var comma = rest.IndexOf(',');
                var item = (comma < 0 ? rest : rest[..comma]).Trim();
                rest = comma < 0 ? [] : rest[(comma + 1)..];
                var semicolon = item.IndexOf(';');
                var name = (semicolon < 0 ? item : item[..semicolon]).Trim();
                var q = semicolon < 0 ? 1.0 : Quality(item[(semicolon + 1)..]);
                if (name.Equals("br", StringComparison.OrdinalIgnoreCase))
                {
                    br = q;
                }
                else if (name.Equals("gzip", StringComparison.OrdinalIgnoreCase))
                {
                    gzip = q;
                }
                else if (name.SequenceEqual("*"))
                {
                    any = q;
                }
            }
        }
        if (br < 0)
        {
            br = any;
        }
        if (gzip < 0)
        {
            gzip = any;
        }
        if (br > 0 && br >= gzip)
        {
            return Brotli;
        }
        return gzip > 0 ? Gzip : Identity;
    }

    private static double Quality(ReadOnlySpan<char> parameters)
    {
        parameters = parameters.Trim();
        if (parameters.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
            && double.TryParse(parameters[2..], System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var q))
        {
            return q;
        }
        return 1.0;
    }
}
