using System.Collections.Concurrent;
using Microsoft.AspNetCore.OutputCaching;

namespace Broadsheet.Reader;

/// <summary>
/// The shared (Redis) output cache as an optimisation, never a dependency: while the store cannot be reached a read
/// is a miss (the page renders from the database), a write is dropped, and an eviction is kept and made again before
/// the next read that reaches the store, so a page changed during the outage is not served stale when it returns.
/// One warning per <see cref="WarningInterval"/>, not one per request.
/// </summary>
public sealed class FailOpenOutputCacheStore(IOutputCacheStore inner, TimeProvider time, ILogger<FailOpenOutputCacheStore> logger) : IOutputCacheStore
{
    public static readonly TimeSpan WarningInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, byte> pendingEvictions = new(StringComparer.Ordinal);
    private long lastWarningTicks;

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        try
        {
            await inner.EvictByTagAsync(tag, cancellationToken);
        }
        catch (Exception e) when (IsStoreFailure(e, cancellationToken))
        {
            pendingEvictions[tag] = 0;
            Warn(e);
        }
    }

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await EvictPendingAsync(cancellationToken);
            return await inner.GetAsync(key, cancellationToken);
        }
        catch (Exception e) when (IsStoreFailure(e, cancellationToken))
        {
            Warn(e);
            return null;
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        try
        {
            // A page rendered while an eviction is owed may carry a tag about to be evicted; storing it would
            // outlive the eviction's retry only by a render, so it is simply not stored until the store is back.
            if (pendingEvictions.IsEmpty)
            {
                await inner.SetAsync(key, value, tags, validFor, cancellationToken);
            }
        }
        catch (Exception e) when (IsStoreFailure(e, cancellationToken))
        {
            Warn(e);
        }
    }

    private async ValueTask EvictPendingAsync(CancellationToken ct)
    {
        foreach (var tag in pendingEvictions.Keys)
        {
            await inner.EvictByTagAsync(tag, ct);
            pendingEvictions.TryRemove(tag, out _);
        }
    }

    private static bool IsStoreFailure(Exception e, CancellationToken ct) =>
        !(e is OperationCanceledException && ct.IsCancellationRequested);

    private void Warn(Exception e)
    {
        var now = time.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref lastWarningTicks);
        if (now - last >= WarningInterval.Ticks && Interlocked.CompareExchange(ref lastWarningTicks, now, last) == last)
        {
            logger.LogWarning("The shared output cache is unavailable ({Error}); pages render without it until it is back. Further failures are not logged for {Interval}.",
                e.GetBaseException().Message, WarningInterval);
        }
    }
}
