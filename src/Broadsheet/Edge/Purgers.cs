using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace Broadsheet.Edge;

/// <summary>Extension point: tells one kind of shared cache to drop every page carrying any of these surrogate keys.</summary>
public interface IEdgePurger
{
    string Name { get; }

    /// <summary>Purges the keys; throws on a failure worth retrying (network error, 429, 5xx), <see cref="EdgePurgeRefusedException"/> on one that is not.</summary>
    Task PurgeAsync(IReadOnlyList<string> keys, CancellationToken ct);
}

/// <summary>The CDN refused the purge for a reason a retry does not fix (bad token, unknown zone).</summary>
public sealed class EdgePurgeRefusedException(string message) : Exception(message);

internal static class PurgeResponses
{
    public static async Task EnsureAsync(HttpResponseMessage response, string who, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        var body = await response.Content.ReadAsStringAsync(ct);
        var message = $"{who} answered {(int)response.StatusCode}: {(body.Length > 300 ? body[..300] : body)}";
        if ((int)response.StatusCode is 429 or >= 500 or 408)
        {
            throw new HttpRequestException(message, null, response.StatusCode);
        }
        throw new EdgePurgeRefusedException(message);
    }
}

/// <summary>
/// Varnish with vmod_xkey (deploy/varnish/broadsheet.vcl): <c>PURGE /</c> with the keys in an <c>xkey-purge</c> header,
/// to every configured Varnish. The VCL accepts it only from its allowed addresses.
/// </summary>
public sealed class VarnishPurger(IHttpClientFactory http, IOptions<EdgeOptions> options) : IEdgePurger
{
    public const string Header = "xkey-purge";

    public string Name => "varnish";

    public async Task PurgeAsync(IReadOnlyList<string> keys, CancellationToken ct)
    {
        using var client = http.CreateClient(EdgeExtensions.HttpClientName);
        foreach (var varnish in options.Value.VarnishUrls)
        {
            // Header lines stay short: Varnish refuses a request whose headers exceed http_req_hdr_len (8 KB).
            foreach (var chunk in keys.Chunk(100))
            {
                using var request = new HttpRequestMessage(new HttpMethod("PURGE"), new Uri(new Uri(varnish), "/"));
                request.Headers.TryAddWithoutValidation(Header, string.Join(' ', chunk));
                using var response = await client.SendAsync(request, ct);
                await PurgeResponses.EnsureAsync(response, "Varnish at " + varnish, ct);
            }
        }
    }
}

/// <summary>
/// Fastly's purge by surrogate key: <c>POST {api}/service/{id}/purge</c> with <c>Fastly-Key</c> and a JSON body
/// <c>{"surrogate_keys": [...]}</c>, at most 256 keys a request; <c>Fastly-Soft-Purge: 1</c> when configured.
/// </summary>
public sealed class FastlyPurger(IHttpClientFactory http, IOptions<EdgeOptions> options) : IEdgePurger
{
    public const int MaxKeys = 256;

    public string Name => "fastly";

    public async Task PurgeAsync(IReadOnlyList<string> keys, CancellationToken ct)
    {
        var edge = options.Value;
        using var client = http.CreateClient(EdgeExtensions.HttpClientName);
        var url = $"{edge.FastlyApiUrl.TrimEnd('/')}/service/{Uri.EscapeDataString(edge.FastlyServiceId!)}/purge";
        foreach (var chunk in keys.Chunk(MaxKeys))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(new { surrogate_keys = chunk }) };
            request.Headers.Add("Fastly-Key", edge.FastlyApiToken);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (edge.FastlySoftPurge)
            {
                request.Headers.Add("Fastly-Soft-Purge", "1");
            }
            using var response = await client.SendAsync(request, ct);
            await PurgeResponses.EnsureAsync(response, "Fastly", ct);
        }
    }
}

/// <summary>
/// Cloudflare's purge by cache tag: <c>POST {api}/zones/{zone}/purge_cache</c> with a bearer API token and a JSON body
/// <c>{"tags": [...]}</c>, at most 30 tags a request.
/// </summary>
public sealed class CloudflarePurger(IHttpClientFactory http, IOptions<EdgeOptions> options) : IEdgePurger
{
    public const int MaxTags = 30;

    public string Name => "cloudflare";

    public async Task PurgeAsync(IReadOnlyList<string> keys, CancellationToken ct)
    {
        var edge = options.Value;
        using var client = http.CreateClient(EdgeExtensions.HttpClientName);
        var url = $"{edge.CloudflareApiUrl.TrimEnd('/')}/zones/{Uri.EscapeDataString(edge.CloudflareZoneId!)}/purge_cache";
        foreach (var chunk in keys.Chunk(MaxTags))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(new { tags = chunk }) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", edge.CloudflareApiToken);
            using var response = await client.SendAsync(request, ct);
            await PurgeResponses.EnsureAsync(response, "Cloudflare", ct);
        }
    }
}
