using System.Net;
using System.Threading.Channels;
using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Discovery;

/// <summary>
/// Hears every eviction of published content (as an <see cref="IContentChangeBroadcast"/>, after the write committed,
/// on the instance that wrote it, or on a worker the changes of web-only processes) and queues its tags for <see cref="PingWorker"/>. Nothing is queued unless a WebSub
/// hub or an IndexNow key is configured.
/// </summary>
/// <remarks>
/// The queue is in memory: a ping still queued or waiting for a retry when the process stops is lost. Nothing a
/// reader sees depends on it: the feeds and sitemaps already carry the change, and crawlers find it at their next
/// visit, only later than a ping would have brought them.
/// </remarks>
public sealed class PingQueue(IOptions<DiscoveryOptions> options) : IContentChangeBroadcast, IWorkerChangeFollower
{
    private readonly Channel<IReadOnlyCollection<string>> changes = Channel.CreateUnbounded<IReadOnlyCollection<string>>(new UnboundedChannelOptions { SingleReader = true });

    public bool Enabled { get; } = options.Value.PingsWebSub || options.Value.PingsIndexNow;

    public Task PublishAsync(IReadOnlyCollection<string> tags, CancellationToken ct)
    {
        if (Enabled)
        {
            changes.Writer.TryWrite(tags);
        }
        return Task.CompletedTask;
    }

    /// <summary>A web-only process's change, on the worker that sends the pings.</summary>
    public Task FollowAsync(IReadOnlyCollection<string> tags, CancellationToken ct) => PublishAsync(tags, ct);

    internal ChannelReader<IReadOnlyCollection<string>> Reader => changes.Reader;
}

/// <summary>One notification to send: a WebSub publish of feed URLs, or an IndexNow submission of page URLs.</summary>
public sealed record Ping(PingKind Kind, IReadOnlyList<string> Urls);

public enum PingKind
{
    WebSub,
    IndexNow,
}

/// <summary>
/// Turns queued cache tags into the URLs that changed and tells the world: the feeds that show them to the WebSub hub
/// (<c>hub.mode=publish</c>, one <c>hub.url</c> per feed), the pages to IndexNow (JSON, at most 10,000 URLs a request).
/// A failed ping (a network error, 429 or 5xx) is retried after <see cref="DiscoveryOptions.PingRetrySeconds"/>, doubling
/// each time, up to <see cref="DiscoveryOptions.PingAttempts"/>; other refusals are logged and dropped.
/// </summary>
public sealed class PingWorker(
    PingQueue queue, IServiceScopeFactory scopes, IHttpClientFactory http, IOptions<DiscoveryOptions> options,
    IOptions<BroadsheetOptions> site, TimeProvider clock, ILogger<PingWorker> logger) : BackgroundService
{
    public const string HttpClientName = "Broadsheet.Discovery";

    /// <summary>IndexNow's limit of URLs per submission.</summary>
    public const int MaxIndexNowUrls = 10_000;

    private readonly DiscoveryOptions discovery = options.Value;
    private readonly List<Task> sending = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                // Everything queued meanwhile goes out together: a burst of saves makes one ping, not one per save.
                var tags = new HashSet<string>(StringComparer.Ordinal);
                while (queue.Reader.TryRead(out var batch))
                {
                    tags.UnionWith(batch);
                }
                try
                {
                    foreach (var ping in await PingsAsync(tags, stoppingToken))
                    {
                        sending.RemoveAll(t => t.IsCompleted);
                        sending.Add(SendWithRetriesAsync(ping, stoppingToken));
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Could not work out which URLs changed; no ping sent for tags {Tags}", string.Join(' ', tags));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await Task.WhenAll(sending);
    }

    /// <summary>The pings these evicted tags call for.</summary>
    internal async Task<List<Ping>> PingsAsync(IReadOnlyCollection<string> tags, CancellationToken ct)
    {
        var pings = new List<Ping>();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var baseUrl = await BaseUrlAsync(db, ct);
        if (discovery.PingsWebSub)
        {
            var feeds = tags.SelectMany(FeedUrls.ForTag).Distinct().Order(StringComparer.Ordinal).Select(p => baseUrl + p).ToList();
            if (feeds.Count > 0)
            {
                pings.Add(new Ping(PingKind.WebSub, feeds));
            }
        }
        if (discovery.PingsIndexNow)
        {
            var pages = await PagesAsync(db, tags, ct);
            pings.AddRange(pages.Select(p => baseUrl + p).Chunk(MaxIndexNowUrls).Select(chunk => new Ping(PingKind.IndexNow, chunk)));
        }
        return pings;
    }

    private async Task<string> BaseUrlAsync(BroadsheetDb db, CancellationToken ct)
    {
        var configured = await db.Publications.AsNoTracking().OrderBy(p => p.Id).Select(p => p.BaseUrl).FirstOrDefaultAsync(ct);
        return (string.IsNullOrWhiteSpace(configured) ? site.Value.PublicUrl : configured).TrimEnd('/');
    }

    /// <summary>
    /// The reader pages the tags name: articles (published, or unpublished so that engines drop them), sections,
    /// topics, authors and home. A deleted article is gone from the database, and with it the URL to tell of.
    /// </summary>
    private static async Task<List<string>> PagesAsync(BroadsheetDb db, IReadOnlyCollection<string> tags, CancellationToken ct)
    {
        var ids = tags.Select(CacheTags.ArticleId).OfType<int>().ToList();
        var pages = new List<string>();
        if (ids.Count > 0)
        {
            var articles = await db.Articles.AsNoTracking()
                .Where(a => ids.Contains(a.Id) && (a.Status == ArticleStatus.Published || a.Status == ArticleStatus.Unpublished))
                .OrderBy(a => a.Id)
                .Select(a => new { a.Id, a.Slug, a.Section.Path })
                .ToListAsync(ct);
            pages.AddRange(articles.Select(a => ArticleUrls.PathOf(a.Path, a.Id, a.Slug)));
        }
        foreach (var tag in tags.Order(StringComparer.Ordinal))
        {
            var page = PageOf(tag);
            if (page is not null)
            {
                pages.Add(page);
            }
        }
        return pages;
    }

    private static string? PageOf(string tag)
    {
        foreach (var (prefix, path) in new (string Prefix, Func<string, string> Path)[]
            { (CacheTags.Section(""), ArticleUrls.SectionPath), (CacheTags.Topic(""), ArticleUrls.TopicPath), (CacheTags.Author(""), ArticleUrls.AuthorPath) })
        {
            if (tag.StartsWith(prefix, StringComparison.Ordinal))
            {
                return path(tag[prefix.Length..]);
            }
        }
        return tag == CacheTags.Home ? "/" : null;
    }

    private async Task SendWithRetriesAsync(Ping ping, CancellationToken ct)
    {
        var delay = TimeSpan.FromSeconds(discovery.PingRetrySeconds);
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await SendAsync(ping, ct);
            if (outcome == Outcome.Sent)
            {
                logger.LogInformation("{Kind} ping of {Count} URLs sent", ping.Kind, ping.Urls.Count);
                return;
            }
            if (outcome == Outcome.Refused || attempt >= discovery.PingAttempts)
            {
                logger.LogWarning("{Kind} ping of {Count} URLs given up after {Attempts} attempts", ping.Kind, ping.Urls.Count, attempt);
                return;
            }
            try
            {
                await Task.Delay(delay, clock, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            delay *= 2;
        }
    }

    private enum Outcome
    {
        Sent,
        Failed,
        Refused,
    }

    private async Task<Outcome> SendAsync(Ping ping, CancellationToken ct)
    {
        try
        {
            using var client = http.CreateClient(HttpClientName);
            using var response = ping.Kind == PingKind.WebSub
                ? await client.PostAsync(discovery.WebSubHub, new FormUrlEncodedContent(
                    [new("hub.mode", "publish"), .. ping.Urls.Select(u => new KeyValuePair<string, string>("hub.url", u))]), ct)
                : await client.PostAsJsonAsync(discovery.IndexNowEndpoint, IndexNowBody(ping.Urls), ct);
            if (response.IsSuccessStatusCode)
            {
                return Outcome.Sent;
            }
            logger.LogWarning("{Kind} ping answered {Status}", ping.Kind, (int)response.StatusCode);
            return response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500 ? Outcome.Failed : Outcome.Refused;
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            logger.LogWarning("{Kind} ping failed: {Message}", ping.Kind, e.Message);
            return Outcome.Failed;
        }
    }

    /// <summary>IndexNow's submission: the host, the key and where it is served, and the URLs (all on that host).</summary>
    internal IndexNowSubmission IndexNowBody(IReadOnlyList<string> urls)
    {
        var host = new Uri(urls[0]).GetLeftPart(UriPartial.Authority);
        return new IndexNowSubmission(new Uri(host).Host, discovery.IndexNowKey!, $"{host}/{discovery.IndexNowKey}.txt", urls);
    }
}

public sealed record IndexNowSubmission(string Host, string Key, string KeyLocation, IReadOnlyList<string> UrlList);
