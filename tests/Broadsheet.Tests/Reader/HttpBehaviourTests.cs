using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Broadsheet.Rendering;
using Broadsheet.Tests.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Reader;

/// <summary>Headers, ETags, compression and output caching as a browser or CDN sees them.</summary>
public class HttpBehaviourTests(ReaderSite site)
{
    private static HttpRequestMessage Get(string path, string? encoding = null, string? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (encoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
        }
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }
        return request;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request) =>
        await client.SendAsync(request, TestContext.Current.CancellationToken);

    private static void AssertSecurityHeaders(HttpResponseMessage response, string what)
    {
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Matches(@"^default-src 'self'; script-src 'self'; style-src 'self' 'sha256-[A-Za-z0-9+/]{43}=' 'sha256-[A-Za-z0-9+/]{43}='; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'$", csp);
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var nosniff) && nosniff.Single() == "nosniff", what);
        Assert.True(response.Headers.TryGetValues("Referrer-Policy", out var referrer) && referrer.Single() == "strict-origin-when-cross-origin", what);
        Assert.True(response.Headers.TryGetValues("X-Frame-Options", out var frames) && frames.Single() == "DENY", what);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Every_kind_of_response_carries_the_security_headers(DatabaseProvider provider)
    {
        var (app, data) = site[provider];
        var client = app.Client();
        foreach (var path in new[] { "/", data.LeadPath, "/news/world", "/no/such/page", "/favicon.svg", "/api/v1/nothing", $"/ads/{data.RectangleAdId}/click", "/ads/99999/view", $"/news/world/article/{data.LeadId}/x" })
        {
            using var response = await SendAsync(client, Get(path));
            AssertSecurityHeaders(response, path);
        }
        // Twice: the second answer comes from the output cache.
        using var cached = await SendAsync(client, Get("/news/world"));
        Assert.NotNull(cached.Headers.Age);
        AssertSecurityHeaders(cached, "cached page");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task The_CSP_allows_exactly_the_inline_stylesheet_and_pages_have_no_inline_script(DatabaseProvider provider)
    {
        var (app, data) = site[provider];
        var client = app.Client();
        // Each kind of page carries its own stylesheet, which the one policy (two hashes, see the header test) allows, also from the cache.
        foreach (var path in new[] { "/", "/news/archive", data.LeadPath })
        {
            for (var fetch = 0; fetch < 2; fetch++)
            {
                using var page = await SendAsync(client, Get(path));
                var style = Html.Parse(await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).QuerySelector("style")!.TextContent;
                var pageHash = "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)));
                Assert.Contains($" '{pageHash}'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
                Assert.Equal(path == data.LeadPath, style.Contains(".listen-bar", StringComparison.Ordinal));
                Assert.True(fetch == 0 || page.Headers.Age is not null, $"{path} again comes from the cache");
            }
        }
        using var response = await SendAsync(client, Get(data.LeadPath));
        var doc = Html.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var styles = doc.QuerySelectorAll("style");
        Assert.Single(styles);
        var hash = "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(styles[0].TextContent)));
        Assert.Contains($" '{hash}'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains(".listen-bar", styles[0].TextContent, StringComparison.Ordinal);
        // Print rules are a stylesheet of their own that blocks no rendering.
        Assert.Equal("print", doc.QuerySelector("link[rel=stylesheet][href^='/css/print.css']")!.GetAttribute("media"));
        Assert.Empty(doc.QuerySelectorAll("[style]"));
        // Data blocks, or the listen player's file from this site (CSP script-src 'self'): never inline code.
        Assert.All(doc.QuerySelectorAll("script"), s => Assert.True(
            s.GetAttribute("type") == "application/ld+json" || (s.GetAttribute("src")?.StartsWith("/js/", StringComparison.Ordinal) == true && s.TextContent.Length == 0),
            s.OuterHtml));
        Assert.Empty(doc.QuerySelectorAll("[onclick], [onload], [onerror]"));
        // No third-party requests: every src and stylesheet is on this site.
        Assert.All(doc.QuerySelectorAll("[src], source[srcset], link[rel=stylesheet], link[rel=icon]"),
            e => Assert.StartsWith("/", e.GetAttribute("src") ?? e.GetAttribute("srcset") ?? e.GetAttribute("href"), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Pages_say_how_they_may_be_cached_and_answer_304_to_a_matching_ETag(DatabaseProvider provider)
    {
        var (app, data) = site[provider];
        var client = app.Client();
        using var first = await SendAsync(client, Get(data.WorldPath));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("public, max-age=60, s-maxage=300, stale-while-revalidate=60, stale-if-error=86400", first.Headers.CacheControl!.ToString());
        var etag = first.Headers.ETag!;
        Assert.True(etag.IsWeak);
        Assert.Contains("Accept-Encoding", first.Headers.Vary);

        using var notModified = await SendAsync(client, Get(data.WorldPath, ifNoneMatch: etag.ToString()));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

        using var other = await SendAsync(client, Get(data.WorldPath, ifNoneMatch: "W/\"something-else\""));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(etag, other.Headers.ETag);

        using var notFound = await SendAsync(client, Get("/no/such/page"));
        Assert.Equal("no-cache", notFound.Headers.CacheControl!.ToString());
        using var ad = await SendAsync(client, Get($"/ads/{data.RectangleAdId}/view"));
        Assert.True(ad.Headers.CacheControl!.NoStore);
        using var icon = await SendAsync(client, Get("/favicon.svg?v=abc"));
        Assert.Equal("public, max-age=31536000, immutable", icon.Headers.CacheControl!.ToString());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Without_output_caching_the_page_itself_answers_304(DatabaseProvider provider)
    {
        await using var app = new BroadsheetApp(provider, outputCache: false);
        var data = await ReaderData.SeedAsync(app);
        var client = app.Client();
        using var first = await SendAsync(client, Get(data.LeadPath));
        using var second = await SendAsync(client, Get(data.LeadPath, ifNoneMatch: first.Headers.ETag!.ToString()));
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Null(second.Headers.Age);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Compressed_pages_are_cached_per_coding_and_not_recompressed(DatabaseProvider provider)
    {
        var (app, data) = site[provider];
        var client = app.Client();
        var path = "/topics/shipping";
        using var br1 = await SendAsync(client, Get(path, "gzip, deflate, br, zstd"));
        using var br2 = await SendAsync(client, Get(path, "br;q=1.0, gzip;q=0.8"));
        Assert.Equal(["br"], br1.Content.Headers.ContentEncoding);
        Assert.Null(br1.Headers.Age);
        Assert.NotNull(br2.Headers.Age); // the same cache entry, though the header was spelled differently
        var bytes1 = await br1.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var bytes2 = await br2.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(bytes1, bytes2);

        using var gzip = await SendAsync(client, Get(path, "gzip"));
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        Assert.Null(gzip.Headers.Age); // its own entry
        using var plain = await SendAsync(client, Get(path));
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        var html = await plain.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        using var brotli = new BrotliStream(new MemoryStream(bytes1), CompressionMode.Decompress);
        Assert.Equal(html, await new StreamReader(brotli).ReadToEndAsync(TestContext.Current.CancellationToken));
        using var gunzip = new GZipStream(new MemoryStream(await gzip.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)), CompressionMode.Decompress);
        Assert.Equal(html, await new StreamReader(gunzip).ReadToEndAsync(TestContext.Current.CancellationToken));
        Assert.Equal(br1.Headers.ETag, plain.Headers.ETag);
        Assert.Contains("Accept-Encoding", gzip.Headers.Vary);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_600_word_article_page_fits_the_size_budget(DatabaseProvider provider)
    {
        var (app, data) = site[provider];
        Assert.InRange(data.LeadWords, 600, 700);
        var client = app.Client();
        using var response = await SendAsync(client, Get(data.LeadPath, "gzip"));
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        var gzipped = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.True(gzipped.Length <= 10 * 1024, $"HTML is {gzipped.Length} bytes gzipped; the budget is 10 KB");

        using var gunzip = new GZipStream(new MemoryStream(gzipped), CompressionMode.Decompress);
        var doc = Html.Parse(await new StreamReader(gunzip).ReadToEndAsync(TestContext.Current.CancellationToken));
        var cssAndJs = GzipSize(string.Concat(doc.QuerySelectorAll("style").Select(s => s.TextContent)));
        foreach (var url in doc.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href"))
            .Concat(doc.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src"))))
        {
            using var asset = await SendAsync(client, Get(url!, "gzip"));
            asset.EnsureSuccessStatusCode();
            cssAndJs += (await asset.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length;
        }
        Assert.True(cssAndJs <= 15 * 1024, $"CSS and JS are {cssAndJs} bytes gzipped; the budget is 15 KB");
        TestContext.Current.SendDiagnosticMessage($"600-word article: HTML {gzipped.Length} B gzipped, CSS+JS {cssAndJs} B gzipped");

        // Every other kind of reader page keeps to the article's budget too.
        foreach (var path in new[] { "/", "/news/archive", "/search?q=negotiators", "/topics", "/authors", "/standards", $"/report-error?article={data.LeadId}" })
        {
            using var page = await SendAsync(client, Get(path, "gzip"));
            var size = (await page.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length;
            Assert.True(page.IsSuccessStatusCode && size <= 10 * 1024, $"{path}: {page.StatusCode}, {size} bytes gzipped; the budget is 10 KB");
        }
    }

    private static int GzipSize(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }
        return (int)buffer.Length;
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_hit_answered_at_the_front_is_the_output_caches_answer_and_goes_with_its_tags(DatabaseProvider provider)
    {
        var (app, data) = site[provider];
        var client = app.Client();
        var hits = app.Services.GetRequiredService<HitCache>();
        var store = app.Services.GetRequiredService<IOutputCacheStore>();
        var path = data.WorldPath + "?utm_source=front";
        using var rendered = await SendAsync(client, Get(path, "br"));
        var keys = rendered.Headers.GetValues("Surrogate-Key").Single().Split(' ');
        // Start from a render, whatever earlier tests left held. The site is shared: the read counts of other classes'
        // tests move "Most read" on, and a page whose tags are evicted while it renders is rightly not stored, so a
        // render that met such a change is made again.
        HttpResponseMessage? next = null;
        for (var attempt = 0; attempt < 10 && next?.Headers.Age is null; attempt++)
        {
            next?.Dispose();
            await store.EvictByTagAsync(keys[0], TestContext.Current.CancellationToken);
            using var render = await SendAsync(client, Get(path, "br"));
            Assert.Null(render.Headers.Age);
            next = await SendAsync(client, Get(path, "br"));
        }
        using var front = next!;
        Assert.True(hits.Count > 0);

        // A conditional request that is not satisfied passes the front and is answered by the output cache itself.
        var outputCache = Get(path, "br");
        outputCache.Headers.IfModifiedSince = DateTimeOffset.UnixEpoch;
        using var behind = await SendAsync(client, outputCache);
        Assert.NotNull(front.Headers.Age);
        Assert.NotNull(behind.Headers.Age);
        static string Described(HttpResponseMessage r) => string.Join('\n', r.Headers.Concat(r.Content.Headers)
            .Where(h => h.Key != "Age").Select(h => h.Key + ": " + string.Join(", ", h.Value)).Order(StringComparer.Ordinal)) + "\n" + (int)r.StatusCode;
        Assert.Equal(Described(behind), Described(front));
        Assert.Equal(await behind.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), await front.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        AssertSecurityHeaders(front, "a hit at the front");

        // HEAD and an authorised request are never answered from a GET's copy.
        using var head = await SendAsync(client, new HttpRequestMessage(HttpMethod.Head, path));
        Assert.Null(head.Headers.Age);
        var authorised = Get(path, "br");
        authorised.Headers.TryAddWithoutValidation("Authorization", "Bearer someone");
        using var withAuthorization = await SendAsync(client, authorised);
        Assert.Null(withAuthorization.Headers.Age);

        // Every tag of the page evicts it, here and in the output cache: the next request renders.
        foreach (var key in new[] { keys[0], keys[^1] })
        {
            await store.EvictByTagAsync(key, TestContext.Current.CancellationToken);
            using var after = await SendAsync(client, Get(path, "br"));
            Assert.Null(after.Headers.Age);
            using var again = await SendAsync(client, Get(path, "br"));
            Assert.NotNull(again.Headers.Age);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Other_query_strings_share_the_cached_page_but_page_numbers_do_not(DatabaseProvider provider)
    {
        var (app, _) = site[provider];
        var client = app.Client();
        using var first = await SendAsync(client, Get("/news/business"));
        using var busted = await SendAsync(client, Get("/news/business?utm_source=x&cb=123"));
        Assert.NotNull(busted.Headers.Age);
        using var page2 = await SendAsync(client, Get("/news/archive?page=2"));
        using var page1 = await SendAsync(client, Get("/news/archive"));
        Assert.NotEqual(page1.Headers.ETag, page2.Headers.ETag);
    }
}
