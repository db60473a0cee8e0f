using System.Collections.Concurrent;
using Microsoft.AspNetCore.OutputCaching;

namespace Broadsheet.Rendering;

/// <summary>
/// When each cache tag was last evicted, on a counter that every eviction moves on. A response whose render began
/// before one of its tags was evicted may hold what the eviction was for (a podcast feed read before the audio's
/// "ready" commit): <see cref="GuardedOutputCacheStore"/> refuses to store it. The counter is recorded for a tag
/// before the store evicts it, so a render that began at or after the record reads the data committed before it.
/// </summary>
public sealed class EvictionLedger
{
    /// <summary>Past this many remembered tags the ledger forgets them all and refuses renders begun before that.</summary>
    public const int MaxTags = 10_000;

    private static readonly object MarkKey = new();

    private readonly ConcurrentDictionary<string, long> evictedAt = new(StringComparer.Ordinal);
    private readonly Lock compacting = new();
    private long clock;
    private long floor;
    private int held;

    /// <summary>The counter now: a render that reads it before its data is "begun at" this value.</summary>
    public long Now => Interlocked.Read(ref clock);

    /// <summary>Records the eviction of <paramref name="tag"/>; call before the store evicts it.</summary>
    public void Evicting(string tag)
    {
        evictedAt[tag] = Interlocked.Increment(ref clock);
        if (evictedAt.Count > MaxTags)
        {
            Compact();
        }
    }

    /// <summary>
    /// Refuses every render until <see cref="Resume"/>: for an instance that cannot hear other instances' evictions yet
    /// (<c>Reader.RedisContentChanges</c> before its subscription), whose renders may show what another changed and
    /// evicted meanwhile, and in a shared store would outlive its snapshot's refresh by the cache lifetime.
    /// </summary>
    public void Hold() => Volatile.Write(ref held, 1);

    /// <summary>Ends <see cref="Hold"/>. A render begun before is still refused: it may have read what was stale.</summary>
    public void Resume()
    {
        lock (compacting)
        {
            Volatile.Write(ref floor, Interlocked.Increment(ref clock));
        }
        Volatile.Write(ref held, 0);
    }

    /// <summary>Whether any of <paramref name="tags"/> was evicted after a render begun at <paramref name="mark"/>, or the ledger is held.</summary>
    public bool EvictedSince(IEnumerable<string>? tags, long mark)
    {
        if (mark < Volatile.Read(ref floor) || Volatile.Read(ref held) == 1)
        {
            return true;
        }
        if (tags is null)
        {
            return false;
        }
        foreach (var tag in tags)
        {
            if (evictedAt.TryGetValue(tag, out var at) && at > mark)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Marks the request's render as begun at <paramref name="mark"/> (<see cref="Now"/> before its lookup); its response is stored only if none of its tags is evicted after.</summary>
    public static void Begin(HttpContext http, long mark) => http.Items[MarkKey] = mark;

    /// <summary>The mark <see cref="Begin"/> left on the request, if it did.</summary>
    public static bool TryGetMark(HttpContext http, out long mark)
    {
        if (http.Items.TryGetValue(MarkKey, out var value) && value is long at)
        {
            mark = at;
            return true;
        }
        mark = 0;
        return false;
    }

    private void Compact()
    {
        lock (compacting)
        {
            if (evictedAt.Count <= MaxTags)
            {
                return;
            }
            evictedAt.Clear();
            // Read after the clear: every eviction whose record the clear dropped is at or below it, so a render
            // marked below it may have missed one and is refused; one marked at or above it began after them all.
            Volatile.Write(ref floor, Interlocked.Read(ref clock));
        }
    }
}

/// <summary>
/// The output-cache store as the middleware and <see cref="Articles.ContentCache"/> see it: evictions are recorded in
/// the <see cref="EvictionLedger"/> before they reach the store; the lookup, which the middleware makes before the
/// response is rendered, marks a request it misses (<see cref="EvictionLedger.Begin"/>), and a response whose render began
/// before one of its tags was evicted is not stored. An eviction that lands between that check and the store is
/// caught by a second check after it, which evicts the tag again. Marking at the lookup keeps a cache hit free of
/// any service resolution. With a <see cref="HitCache"/> (the in-process store), a stored response is also held there,
/// between the store and the second check, and every eviction reaches it after the ledger's record.
/// </summary>
public sealed class GuardedOutputCacheStore(IOutputCacheStore inner, EvictionLedger ledger, IHttpContextAccessor requests, HitCache? hits = null) : IOutputCacheStore
{
    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        ledger.Evicting(tag);
        hits?.Evict(tag);
        return inner.EvictByTagAsync(tag, cancellationToken);
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        // The mark is read before the lookup but recorded only on a miss: a hit renders nothing, and so costs no
        // request item (the lookup is on every request's path).
        var mark = ledger.Now;
        var lookup = inner.GetAsync(key, cancellationToken);
        if (!lookup.IsCompletedSuccessfully)
        {
            return MarkMissAsync(lookup, mark);
        }
        var entry = lookup.Result;
        if (entry is null)
        {
            MarkMiss(mark);
        }
        return ValueTask.FromResult(entry);
    }

    private async ValueTask<byte[]?> MarkMissAsync(ValueTask<byte[]?> lookup, long mark)
    {
        var entry = await lookup;
        if (entry is null)
        {
            MarkMiss(mark);
        }
        return entry;
    }

    private void MarkMiss(long mark)
    {
        if (requests.HttpContext is { } http)
        {
            EvictionLedger.Begin(http, mark);
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (requests.HttpContext is not { } http || !EvictionLedger.TryGetMark(http, out var mark))
        {
            await inner.SetAsync(key, value, tags, validFor, cancellationToken);
            return;
        }
        if (ledger.EvictedSince(tags, mark))
        {
            return;
        }
        await inner.SetAsync(key, value, tags, validFor, cancellationToken);
        hits?.Publish(http, tags, validFor);
        if (tags is not null && ledger.EvictedSince(tags, mark))
        {
            foreach (var tag in tags)
            {
                hits?.Evict(tag);
                await inner.EvictByTagAsync(tag, cancellationToken);
            }
        }
    }
}
