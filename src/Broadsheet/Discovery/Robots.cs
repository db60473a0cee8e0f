using System.Text;
using Broadsheet.Rendering;
using Microsoft.Extensions.Options;

namespace Broadsheet.Discovery;

/// <summary><c>/robots.txt</c> (RFC 9309) naming the sitemaps, and the IndexNow key file.</summary>
internal static class Robots
{
    /// <summary>Paths no crawler needs: the editors' app and the admin API (both refuse anonymous readers anyway).</summary>
    public static readonly string[] Disallowed = ["/newsroom", "/api/admin"];

    public static void Map(WebApplication app)
    {
        app.MapGet("/robots.txt", RobotsAsync)
            .WithName("Robots").WithTags("Sitemaps").WithSummary("Crawling rules and the sitemaps.");
        var key = app.Services.GetRequiredService<IOptions<DiscoveryOptions>>().Value.IndexNowKey;
        if (!string.IsNullOrWhiteSpace(key))
        {
            // IndexNow checks that the site owns the key by fetching it from the root.
            app.MapGet($"/{key}.txt", (HttpContext http) =>
                {
                    http.Response.Headers.CacheControl = "public, max-age=86400";
                    return TypedResults.Text(key, "text/plain; charset=utf-8");
                })
                .WithName("IndexNowKey").WithTags("Sitemaps").WithSummary("The IndexNow key.");
        }
    }

    private static async Task<IResult> RobotsAsync(HttpContext http, SiteChrome chrome, CancellationToken ct)
    {
        await chrome.LoadAsync(ct);
        var text = new StringBuilder("User-agent: *\n");
        foreach (var path in Disallowed)
        {
            text.Append("Disallow: ").Append(path).Append('\n');
        }
        text.Append('\n');
        text.Append("Sitemap: ").Append(chrome.Absolute(http.Request, "/sitemap.xml")).Append('\n');
        text.Append("Sitemap: ").Append(chrome.Absolute(http.Request, "/sitemaps/news.xml")).Append('\n');
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Text(text.ToString(), "text/plain; charset=utf-8");
    }
}
