using System.Net;
using Broadsheet.Articles;
using Broadsheet.Edge;
using Broadsheet.Tests.Reader;

namespace Broadsheet.Tests.Edge;

/// <summary>The cache tags of every cacheable response, as the surrogate keys a CDN purges by.</summary>
public sealed class SurrogateKeyTests(ReaderSite site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

    [Fact]
    public async Task A_page_carries_its_tags_as_surrogate_keys_for_fastly_varnish_and_cloudflare_from_the_cache_too()
    {
        var (app, data) = site[DatabaseProvider.Sqlite];
        using var client = app.Client();
        for (var i = 0; i < 2; i++)
        {
            using var response = await client.GetAsync(data.LeadPath, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var keys = Header(response, SurrogateKeyHeaders.SurrogateKey).Split(' ');
            Assert.True(keys.Contains(CacheTags.Article(data.LeadId)), $"Surrogate-Key of {data.LeadPath} names the article; headers:\n{response.Headers}");
            Assert.Contains(keys, k => k.StartsWith("section:", StringComparison.Ordinal));
            Assert.Equal(keys, Header(response, SurrogateKeyHeaders.CacheTag).Split(','));
            // Without a purger the CDN keeps the page no longer than s-maxage says.
            Assert.False(response.Headers.Contains("Surrogate-Control"));
        }

        using var listing = await client.GetAsync("/api/v1/articles", Ct);
        // The public API's listings are tagged by the same rules.
        Assert.Equal(HttpStatusCode.OK, listing.StatusCode);
        Assert.NotEmpty(Header(listing, SurrogateKeyHeaders.SurrogateKey));
    }

    [Fact]
    public async Task Responses_no_shared_cache_may_keep_carry_no_keys()
    {
        var (app, _) = site[DatabaseProvider.Sqlite];
        using var client = app.Client();
        foreach (var path in new[] { "/newsroom/signin", "/no/such/page", "/healthz/ready" })
        {
            using var response = await client.GetAsync(path, Ct);
            Assert.False(response.Headers.Contains(SurrogateKeyHeaders.SurrogateKey), path);
            Assert.False(response.Headers.Contains(SurrogateKeyHeaders.CacheTag), path);
        }
    }
}
