using Broadsheet.Articles;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Broadsheet.Reader;

/// <summary>
/// With Redis configured (several instances, one database), each instance's evictions reach the shared output
/// cache but not the other instances' in-memory <see cref="SiteSnapshot"/>. This announces every eviction on a
/// Redis channel and marks the snapshot stale when another instance announces one, so a change shows everywhere
/// on the next render. Messages can be lost (Redis restarts, dropped connections); the snapshot's age limit,
/// <see cref="CacheOptions.SnapshotSeconds"/>, bounds how long an instance can miss a change then.
/// </summary>
public sealed class RedisContentChanges(IOptions<BroadsheetOptions> options, IServiceProvider services, ILogger<RedisContentChanges> logger)
    : IContentChangeBroadcast, IHostedService, IAsyncDisposable
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("broadsheet:content-changed");

    // The sender hears its own messages too; it has already moved its own generation on.
    private readonly string instance = Guid.NewGuid().ToString("N");
    private ConnectionMultiplexer? redis;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var configuration = ConfigurationOptions.Parse(options.Value.Redis!);
        // Like the output cache's own connection: a Redis that is down at start-up is retried, not fatal.
        configuration.AbortOnConnectFail = false;
        redis = await ConnectionMultiplexer.ConnectAsync(configuration);
        var cache = services.GetRequiredService<ContentCache>();
        try
        {
            await redis.GetSubscriber().SubscribeAsync(Channel, (_, message) =>
            {
                if (message != instance)
                {
                    cache.ChangedElsewhere();
                }
            });
        }
        catch (RedisException e)
        {
            logger.LogWarning(e, "Could not subscribe to content changes; other instances' changes show within the snapshot age limit");
        }
    }

    public async Task PublishAsync(CancellationToken ct)
    {
        if (redis is null)
        {
            return;
        }
        try
        {
            await redis.GetSubscriber().PublishAsync(Channel, instance);
        }
        catch (RedisException e)
        {
            logger.LogWarning(e, "Could not announce a content change; other instances pick it up within their snapshot age limit");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (redis is not null)
        {
            await redis.DisposeAsync();
        }
    }
}
