using Microsoft.Extensions.Options;

namespace Broadsheet.Ingest;

/// <summary>A picture's bytes, ready for the image library.</summary>
public sealed record WirePictureFile(byte[] Bytes, string FileName, WirePicture Picture);

/// <summary>What was fetched for an item before its transaction: the remote body, the first picture, and what failed.</summary>
public sealed record WireFetched(string? Body, WirePictureFile? Picture, string? Problem)
{
    public static readonly WireFetched Nothing = new(null, null, null);
}

/// <summary>
/// Fetches what an item links to (a remote body, its picture) before the item's transaction, with a size limit and a
/// timeout (<see cref="IngestOptions"/>), so a slow agency server never holds a database transaction open. A picture
/// that cannot be had does not stop the story: the entry says why it came without it.
/// </summary>
public sealed class WireFetcher(IHttpClientFactory http, IOptions<IngestOptions> options, ILogger<WireFetcher> logger)
{
    public const string ClientName = "wire";

    public async Task<WireFetched> FetchAsync(WireItem item, CancellationToken ct)
    {
        if (item.PubStatus == WirePubStatus.Canceled)
        {
            return WireFetched.Nothing;
        }
        var problems = new List<string>();
        string? body = null;
        if (item.BodyHtml is null && item.RemoteBody is { } remote)
        {
            var (bytes, _, problem) = await GetAsync(remote, ct);
            if (bytes is not null)
            {
                body = System.Text.Encoding.UTF8.GetString(bytes);
            }
            else
            {
                problems.Add($"The body at {remote} could not be fetched: {problem}");
            }
        }
        WirePictureFile? file = null;
        if (item.Pictures.FirstOrDefault(p => p.Data is { Length: > 0 } || p.Href is not null) is { } picture)
        {
            var name = picture.PictureId ?? picture.Href?.Segments.LastOrDefault() ?? "picture";
            if (picture.Data is { Length: > 0 } data)
            {
                file = new WirePictureFile(data, name, picture);
            }
            else
            {
                var (bytes, _, problem) = await GetAsync(picture.Href!, ct);
                if (bytes is not null)
                {
                    file = new WirePictureFile(bytes, name, picture);
                }
                else
                {
                    problems.Add($"The picture at {picture.Href} could not be fetched: {problem}");
                }
            }
        }
        return new WireFetched(body, file, problems.Count == 0 ? null : string.Join(" ", problems));
    }

    private async Task<(byte[]? Bytes, string? ContentType, string? Problem)> GetAsync(Uri uri, CancellationToken ct)
    {
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return (null, null, "only http and https links are fetched.");
        }
        var limits = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(limits.FetchTimeoutSeconds));
        try
        {
            using var client = http.CreateClient(ClientName);
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return (null, null, $"the server answered {(int)response.StatusCode}.");
            }
            if (response.Content.Headers.ContentLength > limits.MaxPictureBytes)
            {
                return (null, null, $"it is larger than {limits.MaxPictureBytes} bytes.");
            }
            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var copy = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                if (copy.Length + read > limits.MaxPictureBytes)
                {
                    return (null, null, $"it is larger than {limits.MaxPictureBytes} bytes.");
                }
                copy.Write(buffer, 0, read);
            }
            return (copy.ToArray(), response.Content.Headers.ContentType?.MediaType, null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, null, $"no answer within {limits.FetchTimeoutSeconds} seconds.");
        }
        catch (HttpRequestException ex)
        {
            logger.LogInformation(ex, "Fetching {Uri} for a wire item failed", uri);
            return (null, null, ex.Message);
        }
    }
}
