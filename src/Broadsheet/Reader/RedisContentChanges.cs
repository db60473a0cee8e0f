using Broadsheet.Articles;
using Broadsheet.Rendering;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Broadsheet.Reader;

/// <summary>
/// With Redis configured (several instances, one database), each instance's evictions reach the shared output
/// cache but not the other instances' in-memory <see cref="Rendering.SiteSnapshot"/>. This announces every eviction, with its
/// tags, on a Redis channel; an instance hearing another's announcement marks its snapshot stale and evicts the
/// tags again (<see cref="ContentCache.ChangedElsewhereAsync"/>), so a change shows everywhere on the next render.
/// Messages can be lost (Redis restarts, dropped connections); the snapshot's age limit,
/// <see cref="CacheOptions.SnapshotSeconds"/>, bounds how long an instance can miss a change then. While this instance
/// cannot hear the channel (a failed start, or its subscription's connection lost) it stores no page
/// (<see cref="EvictionLedger.Hold"/>): a page rendered from a snapshot that missed another instance's change would
/// stay in the shared store for the cache lifetime. Once it hears again, its snapshots are marked stale first.
/// </summary>
public sealed class RedisContentChanges(IOptions<BroadsheetOptions> options, IServiceProvider services, bool webOnly, ILogger<RedisContentChanges> logger)
    : IContentChangeBroadcast, IHostedService, IAsyncDisposable
{
    private const char Separator = '\n';

    private readonly RedisChannel channel = RedisChannel.Literal(options.Value.RedisPrefix + "content-changed");

    /// <summary>Ends the instance name of a process that runs no worker job, so that a worker follows its changes.</summary>
    internal const string WebOnlySuffix = "/web";

    // The sender hears its own messages too; it has already moved its own generation on.
    private readonly string instance = Guid.NewGuid().ToString("N") + (webOnly ? WebOnlySuffix : "");
    private ConnectionMultiplexer? redis;
    private readonly CancellationTokenSource stopping = new();
    private Task retrying = Task.CompletedTask;
    private int stopped;
    private int subscribed;
    private int losses;

    /// <summary>The channel's message: the sending instance, then the evicted tags, one per line.</summary>
    public static string Message(string instance, IEnumerable<string> tags) => string.Join(Separator, tags.Prepend(instance));

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Like the output cache's own connection: a Redis that is down is retried, not fatal, and not waited for.
        redis = await ConnectionMultiplexer.ConnectAsync(ReaderExtensions.RedisConnection(options.Value.Redis!));
        var cache = services.GetRequiredService<ContentCache>();
        var ledger = services.GetRequiredService<EvictionLedger>();
        // Once subscribed, the multiplexer subscribes again by itself when a lost connection comes back; what was
        // announced meanwhile is lost to this instance, so it stores nothing from the loss until it hears again.
        redis.ConnectionFailed += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Subscription && Volatile.Read(ref subscribed) == 1)
            {
                Interlocked.Increment(ref losses);
                ledger.Hold();
            }
        };
        redis.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Subscription && Volatile.Read(ref subscribed) == 1)
            {
                _ = HearingAgainAsync(cache, ledger, "a lost connection");
            }
        };
        if (!await TrySubscribeAsync(cache, firstAttempt: true))
        {
            // Until it hears the others, this instance stores no page: the shared store may come back before the
            // subscription does, and a page rendered from what another instance changed meanwhile would stay there.
            ledger.Hold();
            retrying = RetrySubscribeAsync(cache, ledger, stopping.Token);
        }
    }

    /// <summary>Marks the snapshots stale (changes announced while this instance could not hear are read on the next render), then stores pages again.</summary>
    private async Task HearingAgainAsync(ContentCache cache, EvictionLedger ledger, string after)
    {
        try
        {
            var lost = Volatile.Read(ref losses);
            // The multiplexer raises ConnectionRestored before it has subscribed again: until the channel's connection
            // is up, an announcement would still be lost.
            while (!redis!.GetSubscriber().IsConnected(channel) && Volatile.Read(ref losses) == lost)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), stopping.Token);
            }
            await cache.ChangedElsewhereAsync([], ct: stopping.Token);
            // A connection lost again meanwhile keeps the hold; its own restoring ends it.
            if (Volatile.Read(ref losses) == lost)
            {
                ledger.Resume();
                logger.LogInformation("Hearing content changes again after {After}", after);
            }
        }
        catch (Exception e) when (!stopping.IsCancellationRequested)
        {
            // Storing stays held: pages are rendered and served, only not shared, until the next restored connection.
            logger.LogWarning(e, "Could not mark the snapshots stale after hearing content changes again");
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// Subscribes to the channel. A SUBSCRIBE that fails (no connection yet: the connection fails fast rather than queue)
    /// leaves its queue registered and unread, so it is removed before the next attempt. The first failure is logged
    /// with its exception; the retries during an outage only as a line each, so a long outage does not fill the log.
    /// </summary>
    private async Task<bool> TrySubscribeAsync(ContentCache cache, bool firstAttempt)
    {
        var subscriber = redis!.GetSubscriber();
        try
        {
            var messages = await subscriber.SubscribeAsync(channel);
            Volatile.Write(ref subscribed, 1);
            messages.OnMessage(async message =>
            {
                var parts = ((string?)message.Message ?? "").Split(Separator);
                if (parts[0] == instance)
                {
                    return;
                }
                try
                {
                    await cache.ChangedElsewhereAsync(parts.Skip(1).Where(t => t.Length > 0), parts[0].EndsWith(WebOnlySuffix, StringComparison.Ordinal), CancellationToken.None);
                }
                catch (Exception e)
                {
                    logger.LogWarning(e, "Could not evict the pages another instance changed; they refresh within the cache lifetime");
                }
            });
            return true;
        }
        catch (RedisException e)
        {
            if (firstAttempt)
            {
                logger.LogWarning(e, "Could not subscribe to content changes; retrying, and until then other instances' changes show within the snapshot age limit");
            }
            else
            {
                logger.LogInformation("Still cannot subscribe to content changes: {Reason}", e.Message);
            }
            try
            {
                await subscriber.UnsubscribeAsync(channel, flags: CommandFlags.FireAndForget);
            }
            catch (RedisException)
            {
            }
            return false;
        }
    }

    /// <summary>
    /// Retries the subscription, the wait doubling from a second to half a minute. Once subscribed, the snapshots are
    /// marked stale (changes announced before this instance could hear them are read on the next render) and pages are
    /// stored again.
    /// </summary>
    private async Task RetrySubscribeAsync(ContentCache cache, EvictionLedger ledger, CancellationToken ct)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        var wait = TimeSpan.FromSeconds(1);
        try
        {
            do
            {
                await Task.Delay(wait, clock, ct);
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
            while (!await TrySubscribeAsync(cache, firstAttempt: false));
            await HearingAgainAsync(cache, ledger, "a failed start");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    public async Task PublishAsync(IReadOnlyCollection<string> tags, CancellationToken ct)
    {
        if (redis is null)
        {
            return;
        }
        try
        {
            await redis.GetSubscriber().PublishAsync(channel, Message(instance, tags));
        }
        catch (RedisException e)
        {
            logger.LogWarning(e, "Could not announce a content change; other instances pick it up within their snapshot age limit");
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Called by the host and again on disposal, in either order.
        if (Interlocked.Exchange(ref stopped, 1) == 0)
        {
            await stopping.CancelAsync();
        }
        await retrying;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        stopping.Dispose();
        if (redis is not null)
        {
            await redis.DisposeAsync();
        }
    }
}
