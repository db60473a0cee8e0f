using System.Net;
using System.Threading.Channels;
using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Discovery;

/// <summary>
/// Queues the pings of every change of published content as <see cref="PendingPing"/> rows, one per kind of ping and
/// piece of its tags, for a <see cref="PingWorker"/> of any worker process: as an <see cref="IContentChangeOutbox"/>,
/// in the transaction of the write that made the change (the article writer's, the scheduler's, the wire desk's), so
/// that a change commits with its pings or not at all. Each change is queued once, by the instance that wrote it, so
/// several workers do not tell of it twice; nothing is queued unless a WebSub hub or an IndexNow key is configured.
/// </summary>
/// <remarks>
/// A write saved outside any transaction (a section renamed, say) has committed before its tags are known; its rows are
/// written right after. If that fails (the database failed right after the write), the change is logged and not told
/// of. Nothing a reader sees depends on it: the feeds and sitemaps already carry the change, and crawlers find it at
/// their next visit, only later than a ping would have brought them.
/// </remarks>
public sealed class PingQueue(IServiceScopeFactory scopes, IOptions<DiscoveryOptions> options, TimeProvider clock, ILogger<PingQueue> logger)
    : IContentChangeOutbox
{
    // One pending wake-up is enough: the worker sends everything due when it wakes.
    private readonly Channel<bool> queued = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public bool Enabled { get; } = options.Value.PingsWebSub || options.Value.PingsIndexNow;

    private IEnumerable<PingKind> Kinds
    {
        get
        {
            if (options.Value.PingsWebSub)
            {
                yield return PingKind.WebSub;
            }
            if (options.Value.PingsIndexNow)
            {
                yield return PingKind.IndexNow;
            }
        }
    }

    public void Add(BroadsheetDb db, IReadOnlyCollection<string> pages)
    {
        if (!Enabled)
        {
            return;
        }
        // To the microsecond, as the worker reads the clock (and PostgreSQL stores it): due at once on either provider.
        var now = ArticleWriter.Now(clock);
        foreach (var chunk in Chunks(pages))
        {
            foreach (var kind in Kinds)
            {
                db.Set<PendingPing>().Add(new PendingPing { Kind = kind, Tags = chunk, CreatedAt = now, NextAttemptAt = now });
            }
        }
    }

    public async Task CommittedAsync(IReadOnlyCollection<string> pages, bool recorded, CancellationToken ct)
    {
        if (!Enabled)
        {
            return;
        }
        if (!recorded)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
                Add(db, pages);
                await db.SaveChangesAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not queue the pings for tags {Tags}; crawlers will find the change at their next visit", string.Join(' ', pages));
                return;
            }
        }
        queued.Writer.TryWrite(true);
    }

    /// <summary>The tags joined by spaces, in pieces a row can hold.</summary>
    internal static IEnumerable<string> Chunks(IEnumerable<string> tags)
    {
        var piece = new System.Text.StringBuilder();
        foreach (var tag in tags.Where(t => t.Length is > 0 and <= PendingPing.MaxTagsLength && !t.Contains(' ', StringComparison.Ordinal)))
        {
            if (piece.Length > 0 && piece.Length + 1 + tag.Length > PendingPing.MaxTagsLength)
            {
                yield return piece.ToString();
                piece.Clear();
            }
            piece.Append(piece.Length > 0 ? " " : "").Append(tag);
        }
        if (piece.Length > 0)
        {
            yield return piece.ToString();
        }
    }

    /// <summary>Until this process queues a ping or <paramref name="poll"/> passes on the clock (for other processes' pings).</summary>
    internal async Task WaitAsync(TimeSpan poll, CancellationToken ct)
    {
        if (queued.Reader.TryRead(out _))
        {
            return;
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(poll, clock, stop.Token);
        var wake = queued.Reader.WaitToReadAsync(stop.Token).AsTask();
        await Task.WhenAny(delay, wake);
        await stop.CancelAsync();
        queued.Reader.TryRead(out _);
        ct.ThrowIfCancellationRequested();
    }
}

/// <summary>One notification to send: a WebSub publish of feed URLs, or an IndexNow submission of page URLs.</summary>
public sealed record Ping(PingKind Kind, IReadOnlyList<string> Urls);

public enum PingKind
{
    WebSub,
    IndexNow,
}

/// <summary>
/// Sends the queued pings (<see cref="PendingPing"/>): claims the due rows, turns their tags into the URLs that changed
/// and tells the world: the feeds that show them to the WebSub hub (<c>hub.mode=publish</c>, one <c>hub.url</c> per
/// feed), the pages to IndexNow (JSON, at most 10,000 URLs a request). Everything due goes out together: a burst of saves
/// makes one ping of each kind, not one per save. A failed ping (a network error, 429 or 5xx) is retried after
/// <see cref="DiscoveryOptions.PingRetrySeconds"/>, doubling each time, up to <see cref="DiscoveryOptions.PingAttempts"/>;
/// other refusals are logged and dropped.
/// </summary>
public sealed class PingWorker(
    PingQueue queue, IServiceScopeFactory scopes, IHttpClientFactory http, IOptions<DiscoveryOptions> options,
    IOptions<BroadsheetOptions> site, TimeProvider clock, ILogger<PingWorker> logger) : BackgroundService
{
    public const string HttpClientName = "Broadsheet.Discovery";

    /// <summary>IndexNow's limit of URLs per submission.</summary>
    public const int MaxIndexNowUrls = 10_000;

    /// <summary>Rows claimed at once.</summary>
    private const int BatchSize = 500;

    /// <summary>How long a claim holds: longer than the sends of one batch (30 s of timeout each) take.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private readonly DiscoveryOptions discovery = options.Value;

    /// <summary>This worker's name on its claims: unique per instance, so two apps in one process do not share claims.</summary>
    private readonly string worker = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!queue.Enabled)
        {
            return;
        }
        var poll = TimeSpan.FromSeconds(discovery.PingPollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stoppingToken))
                {
                }
                await queue.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Could not send the queued pings; trying again");
                try
                {
                    await Task.Delay(poll, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>
    /// Claims the due rows in one UPDATE whose WHERE clause still requires them to be free (so of several racing workers
    /// one gets each row), sends their pings and settles them. False when nothing was due.
    /// </summary>
    internal async Task<bool> SendDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var pending = db.Set<PendingPing>();
        // Cut to the microsecond, as PostgreSQL stores it: the claim is read back by its exact ClaimedUntil.
        var now = ArticleWriter.Now(clock);
        var due = await pending.AsNoTracking()
            .Where(p => p.NextAttemptAt <= now && (p.ClaimedUntil == null || p.ClaimedUntil < now))
            .OrderBy(p => p.Id).Select(p => p.Id).Take(BatchSize).ToListAsync(ct);
        if (due.Count == 0)
        {
            return false;
        }
        var until = now + Lease;
        var claimed = await pending
            .Where(p => due.Contains(p.Id) && (p.ClaimedUntil == null || p.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ClaimedUntil, until).SetProperty(p => p.ClaimedBy, worker), ct);
        if (claimed == 0)
        {
            return true;
        }
        var rows = await pending.AsNoTracking().Where(p => due.Contains(p.Id) && p.ClaimedBy == worker && p.ClaimedUntil == until).ToListAsync(ct);
        var baseUrl = await BaseUrlAsync(db, ct);
        // WebSub first: a hub fetches the feeds it is told of, and an engine may follow the page from there.
        foreach (var group in rows.GroupBy(r => r.Kind).OrderBy(g => g.Key))
        {
            var tags = group.SelectMany(r => r.Tags.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
            var outcome = Outcome.Sent;
            try
            {
                foreach (var ping in await PingsAsync(db, baseUrl, group.Key, tags, ct))
                {
                    var sent = await SendAsync(ping, ct);
                    if (sent == Outcome.Sent)
                    {
                        logger.LogInformation("{Kind} ping of {Count} URLs sent", ping.Kind, ping.Urls.Count);
                    }
                    outcome = (Outcome)Math.Max((int)outcome, (int)sent);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not work out which URLs changed for tags {Tags}", string.Join(' ', tags));
                outcome = Outcome.Failed;
            }
            await SettleAsync(pending, group.Key, [.. group], outcome, ct);
        }
        return true;
    }

    /// <summary>Sent or refused: the rows go. Failed: each is retried after its backoff, or goes after its last attempt.</summary>
    private async Task SettleAsync(DbSet<PendingPing> pending, PingKind kind, List<PendingPing> rows, Outcome outcome, CancellationToken ct)
    {
        var now = ArticleWriter.Now(clock);
        var gone = outcome == Outcome.Failed ? rows.Where(r => r.Attempts + 1 >= discovery.PingAttempts).ToList() : rows;
        if (gone.Count > 0)
        {
            var ids = gone.Select(r => r.Id).ToList();
            await pending.Where(p => ids.Contains(p.Id)).ExecuteDeleteAsync(ct);
            if (outcome == Outcome.Refused)
            {
                logger.LogWarning("{Kind} ping of {Count} queued changes refused; dropped", kind, gone.Count);
            }
            else if (outcome == Outcome.Failed)
            {
                logger.LogWarning("{Kind} ping of {Count} queued changes given up after {Attempts} attempts", kind, gone.Count, discovery.PingAttempts);
            }
        }
        foreach (var retry in rows.Except(gone).GroupBy(r => r.Attempts))
        {
            var ids = retry.Select(r => r.Id).ToList();
            var next = now + TimeSpan.FromSeconds(discovery.PingRetrySeconds * Math.Pow(2, retry.Key));
            await pending.Where(p => ids.Contains(p.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Attempts, retry.Key + 1)
                .SetProperty(p => p.NextAttemptAt, next)
                .SetProperty(p => p.ClaimedUntil, (DateTimeOffset?)null)
                .SetProperty(p => p.ClaimedBy, (string?)null), ct);
        }
    }

    /// <summary>The pings of one kind these evicted tags call for.</summary>
    internal static async Task<List<Ping>> PingsAsync(BroadsheetDb db, string baseUrl, PingKind kind, IReadOnlyCollection<string> tags, CancellationToken ct)
    {
        if (kind == PingKind.WebSub)
        {
            var feeds = tags.SelectMany(FeedUrls.ForTag).Distinct().Order(StringComparer.Ordinal).Select(p => baseUrl + p).ToList();
            return feeds.Count > 0 ? [new Ping(PingKind.WebSub, feeds)] : [];
        }
        var pages = await PagesAsync(db, tags, ct);
        return [.. pages.Select(p => baseUrl + p).Chunk(MaxIndexNowUrls).Select(chunk => new Ping(PingKind.IndexNow, chunk))];
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

    /// <summary>In order of weight: of a batch's pings, the heaviest outcome settles its rows (a failure retries them all).</summary>
    private enum Outcome
    {
        Sent,
        Refused,
        Failed,
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
