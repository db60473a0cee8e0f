using System.Text.RegularExpressions;
using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.FrontPage;

/// <summary>
/// Reads counted in memory per article and hour and added to <see cref="ArticleReadCount"/> in batches, so a page view
/// costs one increment, not a database write. Nothing about the reader is kept: no cookie, no address, no agent.
/// Safe to call from any thread; several instances may flush into one database (the UPDATE is relative).
/// </summary>
public sealed class ReadCounter(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ReadCounter> logger)
{
    /// <summary>Distinct (article, hour) pairs held between flushes; past it new pairs are dropped, so a flood of made-up ids cannot fill memory.</summary>
    public const int MaxPending = 50_000;

    private readonly Lock gate = new();
    private Dictionary<(int ArticleId, DateTimeOffset Hour), long> pending = [];

    public static DateTimeOffset HourOf(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero);

    /// <summary>Counts one read of the article now; false when the batch is full and the read was dropped.</summary>
    public bool Count(int articleId)
    {
        var key = (articleId, HourOf(clock.GetUtcNow()));
        lock (gate)
        {
            if (pending.TryGetValue(key, out var count))
            {
                pending[key] = count + 1;
                return true;
            }
            if (pending.Count >= MaxPending)
            {
                return false;
            }
            pending[key] = 1;
            return true;
        }
    }

    /// <summary>Reads not yet written, for one article, in every hour.</summary>
    public long Pending(int articleId)
    {
        lock (gate)
        {
            return pending.Where(p => p.Key.ArticleId == articleId).Sum(p => p.Value);
        }
    }

    /// <summary>
    /// Adds the reads gathered since the last flush to the hourly rows of the articles readers may see (a beacon naming
    /// another id counts for nothing). On failure the reads are kept for the next flush.
    /// </summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        Dictionary<(int ArticleId, DateTimeOffset Hour), long> batch;
        lock (gate)
        {
            if (pending.Count == 0)
            {
                return;
            }
            batch = pending;
            pending = [];
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
            var ids = batch.Keys.Select(k => k.ArticleId).Distinct().ToList();
            var visible = (await scope.ServiceProvider.GetRequiredService<PublishedArticles>().Visible()
                .Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
            foreach (var ((articleId, hour), count) in batch)
            {
                if (visible.Contains(articleId))
                {
                    await AddAsync(db, articleId, hour, count, ct);
                }
                // Written (or dropped): a failure further on must not count it again. Removing while enumerating is allowed.
                batch.Remove((articleId, hour));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            lock (gate)
            {
                foreach (var (key, count) in batch)
                {
                    pending[key] = pending.GetValueOrDefault(key) + count;
                }
            }
            logger.LogWarning(e, "Could not write {Pairs} read counts; keeping them for the next flush", batch.Count);
        }
    }

    // A relative UPDATE, else an INSERT; an INSERT that loses a race with another instance's turns into the UPDATE.
    private static async Task AddAsync(BroadsheetDb db, int articleId, DateTimeOffset hour, long count, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var updated = await db.Set<ArticleReadCount>()
                .Where(r => r.ArticleId == articleId && r.Hour == hour)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Count, r => r.Count + count), ct);
            if (updated > 0)
            {
                return;
            }
            var row = db.Set<ArticleReadCount>().Add(new ArticleReadCount { ArticleId = articleId, Hour = hour, Count = count });
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
            }
            finally
            {
                row.State = EntityState.Detached;
            }
        }
    }
}

/// <summary>
/// Whether a beacon comes from a reader's browser that showed the page: a script ran (bots that fetch pages without
/// running scripts never send it), from this site's own page, not for a prefetch, and from no agent that names itself a robot.
/// </summary>
public static partial class ReadSignal
{
    public static bool IsReader(HttpRequest request)
    {
        var agent = request.Headers.UserAgent.ToString();
        if (agent.Length == 0 || Robots().IsMatch(agent))
        {
            return false;
        }
        if (request.Headers["Sec-Purpose"].ToString().Contains("prefetch", StringComparison.OrdinalIgnoreCase)
            || request.Headers["Purpose"].ToString().Contains("prefetch", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site != "same-origin")
        {
            return false;
        }
        // Browsers send Origin with every POST a page makes; its host must be ours.
        return Uri.TryCreate(request.Headers.Origin.ToString(), UriKind.Absolute, out var origin)
            && string.Equals(origin.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    // Self-declared robots, crawlers, link previews, monitors, headless browsers and HTTP libraries.
    [GeneratedRegex(@"bot\b|bot/|crawl|spider|slurp|scrap|preview|fetch|monitor|checker|lighthouse|headless|phantom|python|curl|wget|httpclient|okhttp|java/|go-http|node-fetch|axios|libwww|facebookexternalhit|embedly|\+https?://", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Robots();
}
