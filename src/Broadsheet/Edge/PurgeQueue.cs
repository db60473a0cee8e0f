using System.Threading.Channels;
using Broadsheet.Articles;
using Microsoft.Extensions.Options;

namespace Broadsheet.Edge;

/// <summary>
/// The tags of every committed change (from <see cref="ContentChanges"/>, after this instance evicted its own cache),
/// sent to the configured <see cref="IEdgePurger"/> in the background: a write never waits for the CDN. Tags queued while
/// a purge is in flight go out together; a failed purge is retried with a doubling wait and logged when it gives up; each
/// purge is sent again after <see cref="EdgeOptions.RepurgeSeconds"/> for pages other instances rendered from their
/// snapshot before they heard of the change.
/// </summary>
/// <remarks>In memory, like the feed pings: purges still queued when the process stops are lost, and the pages they
/// named stay in the shared cache until <see cref="EdgeOptions.SharedMaxAgeSeconds"/> ends.</remarks>
public sealed class PurgeQueue(IEdgePurger purger, IOptions<EdgeOptions> options, TimeProvider clock, ILogger<PurgeQueue> logger)
    : BackgroundService, ISharedCachePurge
{
    private readonly Channel<IReadOnlyCollection<string>> changes = Channel.CreateUnbounded<IReadOnlyCollection<string>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly EdgeOptions edge = options.Value;
    private readonly List<Task> sending = [];
    private long pending;

    /// <summary>Purges queued or being sent (retries and repurges included): zero when the queue is idle.</summary>
    public long Pending => Interlocked.Read(ref pending);

    public void Purge(IReadOnlyCollection<string> tags)
    {
        if (tags.Count > 0)
        {
            Interlocked.Increment(ref pending);
            changes.Writer.TryWrite(tags);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await changes.Reader.WaitToReadAsync(stoppingToken))
            {
                var keys = new SortedSet<string>(StringComparer.Ordinal);
                var batches = 0;
                while (changes.Reader.TryRead(out var batch))
                {
                    keys.UnionWith(batch);
                    batches++;
                }
                var list = keys.ToList();
                await SendAsync(list, stoppingToken);
                Interlocked.Add(ref pending, -batches);
                if (edge.RepurgeSeconds > 0)
                {
                    sending.RemoveAll(t => t.IsCompleted);
                    Interlocked.Increment(ref pending);
                    sending.Add(RepurgeAsync(list, stoppingToken));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await Task.WhenAll(sending);
    }

    private async Task RepurgeAsync(IReadOnlyList<string> keys, CancellationToken ct)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(edge.RepurgeSeconds), clock, ct);
            await SendAsync(keys, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            Interlocked.Decrement(ref pending);
        }
    }

    /// <summary>One purge with its retries; never throws but for shutdown.</summary>
    internal async Task SendAsync(IReadOnlyList<string> keys, CancellationToken ct)
    {
        var wait = TimeSpan.FromSeconds(edge.RetrySeconds);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await purger.PurgeAsync(keys, ct);
                Telemetry.EdgePurges.Add(1, new KeyValuePair<string, object?>("purger", purger.Name), new KeyValuePair<string, object?>("result", "sent"));
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var final = e is EdgePurgeRefusedException || attempt >= edge.Attempts;
                Telemetry.EdgePurges.Add(1, new KeyValuePair<string, object?>("purger", purger.Name), new KeyValuePair<string, object?>("result", final ? "failed" : "retried"));
                if (final)
                {
                    logger.LogError(e, "Purging {Count} surrogate keys from {Purger} failed after {Attempts} attempts; those pages stay in the shared cache until they expire: {Keys}",
                        keys.Count, purger.Name, attempt, string.Join(' ', keys));
                    return;
                }
                logger.LogWarning("Purging from {Purger} failed (attempt {Attempt} of {Attempts}): {Problem}", purger.Name, attempt, edge.Attempts, e.Message);
            }
            await Task.Delay(wait, clock, ct);
            wait *= 2;
        }
    }
}
