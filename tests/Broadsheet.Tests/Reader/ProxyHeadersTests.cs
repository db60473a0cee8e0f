using System.Net;
using Broadsheet.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Broadsheet.Tests.Reader;

/// <summary>
/// Behind a TLS-terminating proxy: X-Forwarded-Proto is applied before anything else in the pipeline, so the output
/// cache keeps the page reached over HTTPS apart from the one reached over plain HTTP, and each links with its own scheme.
/// </summary>
public sealed class ProxyHeadersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_page_reached_through_a_TLS_proxy_links_over_https_and_is_cached_apart_from_plain_http()
    {
        // No publication row: absolute links come from the request, as on a site without a configured base URL.
        await using var app = new BroadsheetApp(DatabaseProvider.Sqlite);
        using var client = app.Client();
        var plainBase = $"http://{app.BaseAddress.Authority}/";
        var secureBase = $"https://{app.BaseAddress.Authority}/";

        Assert.Equal(secureBase, await CanonicalAsync(client, "https"));
        Assert.Equal(plainBase, await CanonicalAsync(client, null));
        Assert.Equal(secureBase, await CanonicalAsync(client, "https"));
        Assert.Equal(plainBase, await CanonicalAsync(client, null));
    }

    [Fact]
    public async Task Trusted_proxies_are_read_from_settings_and_anything_else_stops_the_start()
    {
        await using (var app = new ConfiguredApp(DatabaseProvider.Sqlite, new Dictionary<string, string>
        {
            ["Broadsheet:TrustedProxies:0"] = "10.20.0.0/16",
            ["Broadsheet:TrustedProxies:1"] = "192.0.2.7",
        }))
        {
            var forwarded = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
            Assert.Contains(System.Net.IPNetwork.Parse("10.20.0.0/16"), forwarded.KnownIPNetworks);
            Assert.Contains(IPAddress.Parse("192.0.2.7"), forwarded.KnownProxies);
            Assert.Contains(IPAddress.IPv6Loopback, forwarded.KnownProxies);
        }

        await using var wrong = new ConfiguredApp(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["Broadsheet:TrustedProxies:0"] = "the load balancer" });
        var error = Assert.ThrowsAny<Exception>(() => wrong.Services);
        Assert.Contains("Broadsheet:TrustedProxies must list IP addresses", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<string?> CanonicalAsync(HttpClient client, string? forwardedProto)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        return document.QuerySelector("link[rel=canonical]")?.GetAttribute("href");
    }
}
