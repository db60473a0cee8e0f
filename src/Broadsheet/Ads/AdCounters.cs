using System.Collections.Concurrent;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Ads;

/// <summary>
/// Impressions and clicks counted in memory and written to the database in batches, so a busy page costs
/// one increment per view instead of one database write. Safe to call from any thread.
/// </summary>
// Why: the semaphore never hands out its wait handle, so it holds nothing to dispose; disposing it would
// break the flush that runs while the host shuts down.
#pragma warning disable CA1001
public sealed class AdCounters(IServiceScopeFactory scopes, ILogger<AdCounters> logger)
{
    private readonly ConcurrentDictionary<int, Counts> counts = new();
    private readonly SemaphoreSlim flushing = new(1, 1);

    public void CountImpression(int creativeId) => Interlocked.Increment(ref counts.GetOrAdd(creativeId, static _ => new Counts()).Impressions);

    public void CountClick(int creativeId) => Interlocked.Increment(ref counts.GetOrAdd(creativeId, static _ => new Counts()).Clicks);

    /// <summary>Counts not yet written, for one creative.</summary>
    public (long Impressions, long Clicks) Pending(int creativeId) =>
        counts.TryGetValue(creativeId, out var c) ? (Interlocked.Read(ref c.Impressions), Interlocked.Read(ref c.Clicks)) : (0, 0);

    /// <summary>Adds the counts gathered since the last flush to the creatives' rows. On failure they are kept for the next flush.</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        await flushing.WaitAsync(ct);
        try
        {
            foreach (var (id, entry) in counts)
            {
                var impressions = Interlocked.Exchange(ref entry.Impressions, 0);
                var clicks = Interlocked.Exchange(ref entry.Clicks, 0);
                if (impressions == 0 && clicks == 0)
                {
                    continue;
                }
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
                    // One relative UPDATE per creative: correct even with several instances flushing at once.
                    await db.AdCreatives.Where(a => a.Id == id).ExecuteUpdateAsync(
                        s => s.SetProperty(a => a.Impressions, a => a.Impressions + impressions)
                              .SetProperty(a => a.Clicks, a => a.Clicks + clicks), ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Interlocked.Add(ref entry.Impressions, impressions);
                    Interlocked.Add(ref entry.Clicks, clicks);
                    logger.LogWarning(e, "Could not write ad counts for creative {Id}; keeping them for the next flush", id);
                }
            }
        }
        finally
        {
            flushing.Release();
        }
    }

    private sealed class Counts
    {
        public long Impressions;
        public long Clicks;
    }
}

#pragma warning restore CA1001

/// <summary>Flushes <see cref="AdCounters"/> every <see cref="AdsOptions.FlushIntervalSeconds"/> and once more on shutdown.</summary>
public sealed class AdCountersFlush(AdCounters counters, Microsoft.Extensions.Options.IOptions<AdsOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.FlushIntervalSeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await counters.FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await counters.FlushAsync(cancellationToken);
    }
}
