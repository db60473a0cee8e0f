using Broadsheet.Articles;
using Broadsheet.Media;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Broadsheet.Ads;

public static class AdsExtensions
{
    public static WebApplicationBuilder AddAds(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdsOptions>()
            .BindConfiguration(AdsOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<AdCounters>();
        builder.Services.AddSingleton<AdCreativeCatalog>();
        // Every page with an ad slot carries the ads tag, and the site snapshot holds the creatives.
        builder.Services.AddSingleton<IContentTagRule>(new FixedPages<AdCreative>(CacheTags.Ads));
        builder.Services.AddScoped<IAdProvider, HouseAdsProvider>();
        builder.Services.AddScoped<AdSlots>();
        builder.Services.AddScoped<AdWriter>();
        builder.Services.AddScoped<IImageDependents, AdImageUses>();
        builder.Services.AddHostedService<AdCountersFlush>();
        return builder;
    }

    /// <summary>
    /// The counting URLs that cached pages point at. Both answer <c>no-store</c>, so every view and click
    /// reaches the server (the redirect targets, the image renditions, stay cacheable).
    /// </summary>
    public static WebApplication MapAds(this WebApplication app)
    {
        var ads = app.MapGroup("/ads").WithTags("Ads").ExcludeFromDescription();
        ads.MapGet("/{id:int}/view", ViewAsync)
            .WithName("AdView")
            .WithSummary("Counts an impression and redirects to the creative's image");
        ads.MapGet("/{id:int}/click", ClickAsync)
            .WithName("AdClick")
            .WithSummary("Counts a click and redirects to the creative's link");
        return app;
    }

    private static async Task<Results<RedirectHttpResult, NotFound>> ViewAsync(
        int id, HttpContext http, AdCreativeCatalog catalog, AdCounters counters, CancellationToken ct)
    {
        if (await catalog.FindAsync(id, ct) is not { } creative)
        {
            return TypedResults.NotFound();
        }
        counters.CountImpression(id);
        http.Response.Headers.CacheControl = "no-store";
        var webp = http.Request.Headers.Accept.ToString().Contains("image/webp", StringComparison.OrdinalIgnoreCase);
        return TypedResults.Redirect("/media/" + BestRenditionPath(creative.Image, webp));
    }

    private static async Task<Results<RedirectHttpResult, NotFound>> ClickAsync(
        int id, HttpContext http, AdCreativeCatalog catalog, AdCounters counters, CancellationToken ct)
    {
        if (await catalog.FindAsync(id, ct) is not { } creative || !IsSafeTarget(creative.LinkUrl))
        {
            return TypedResults.NotFound();
        }
        counters.CountClick(id);
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Robots-Tag"] = "noindex";
        return TypedResults.Redirect(creative.LinkUrl);
    }

    /// <summary>The smallest rendition sharp on a 2x screen in its slot, in WebP when the browser takes it.</summary>
    internal static string BestRenditionPath(Image image, bool webp)
    {
        var wanted = image.Height > 0 && (double)image.Width / image.Height >= 3 ? 1456 : 600;
        var format = webp ? "webp" : "jpeg";
        var renditions = image.Renditions.Where(r => r.Format == format).OrderBy(r => r.Width).ToList();
        if (renditions.Count == 0)
        {
            renditions = [.. image.Renditions.Where(r => r.Format == "jpeg").OrderBy(r => r.Width)];
        }
        if (renditions.Count == 0)
        {
            return image.OriginalPath;
        }
        return (renditions.FirstOrDefault(r => r.Width >= wanted) ?? renditions[^1]).Path;
    }

    internal static bool IsSafeTarget(string url) =>
        (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal))
        || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));
}
