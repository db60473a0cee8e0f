using Microsoft.AspNetCore.OutputCaching;

namespace Broadsheet.Articles;

/// <summary>
/// Evicts the cached reader pages a change makes stale. <see cref="ContentChanges"/> calls it once for every committed
/// write (from the tags the folders' <see cref="IContentTagRule"/>s give), so every eviction also moves <see cref="Generation"/> on: in-memory snapshots of rarely changing data (the site
/// chrome, the ad creatives) compare it with the generation they were read at and rebuild when it moved.
/// </summary>
public sealed class ContentCache(IOutputCacheStore store, IEnumerable<IContentChangeBroadcast> broadcasts, IEnumerable<IWorkerChangeFollower> workerFollowers)
{
    private readonly IContentChangeBroadcast[] broadcasts = [.. broadcasts];
    private readonly IWorkerChangeFollower[] workerFollowers = [.. workerFollowers];
    private long generation;

    /// <summary>
    /// Moves on before each eviction, so that anything read from the database before a write's eviction is
    /// seen as older than it; and when another instance announces a change (<see cref="ChangedElsewhereAsync"/>).
    /// </summary>
    public long Generation => Interlocked.Read(ref generation);

    /// <summary>Call with the article loaded with section, topics and byline, before and after a change that moves it.</summary>
    public Task EvictAsync(Article article, CancellationToken ct = default) => EvictAsync(CacheTags.For(article), ct);

    public async Task EvictAsync(IEnumerable<string> tags, CancellationToken ct = default)
    {
        var distinct = tags.Distinct().ToList();
        // Before the pages go: a page rendered after its eviction must not be built from a snapshot read before the write.
        Interlocked.Increment(ref generation);
        foreach (var broadcast in broadcasts)
        {
            await broadcast.PublishAsync(distinct, ct);
        }
        await EvictResponsesAsync(distinct, ct);
    }

    /// <summary>
    /// Evicts cached responses built from data that no snapshot holds and no other part of the site follows (the
    /// podcast feeds, once new audio is made): the generation stays, so snapshots are not rebuilt and pages rendered
    /// meanwhile are still stored, and nothing is announced. With Redis the store is shared, so every instance sees it.
    /// </summary>
    public async Task EvictResponsesAsync(IEnumerable<string> tags, CancellationToken ct = default)
    {
        foreach (var tag in tags.Distinct())
        {
            await store.EvictByTagAsync(tag, ct);
        }
    }

    /// <summary>
    /// Another instance changed content and evicted the shared store itself: this process's snapshots are stale, and
    /// the same tags are evicted once more, for a page this instance rendered from its old snapshot between that
    /// eviction and this call would otherwise stay in the shared store (renders still running now are not stored,
    /// their snapshot being older than the generation).
    /// </summary>
    /// <remarks>A change made by a web-only process (<paramref name="madeByWebOnly"/>) is also handed to this process's
    /// <see cref="IWorkerChangeFollower"/>s, registered only where the worker jobs run.</remarks>
    public async Task ChangedElsewhereAsync(IEnumerable<string> tags, bool madeByWebOnly = false, CancellationToken ct = default)
    {
        Interlocked.Increment(ref generation);
        var distinct = tags.Distinct().ToList();
        await EvictResponsesAsync(distinct, ct);
        if (madeByWebOnly)
        {
            foreach (var follower in workerFollowers)
            {
                await follower.FollowAsync(distinct, ct);
            }
        }
    }
}

/// <summary>
/// Hears every eviction, before the pages go: <c>Reader.RedisContentChanges</c> tells the other instances sharing the
/// database, <c>Listen.AudioQueue</c> wakes this instance's audio worker.
/// </summary>
public interface IContentChangeBroadcast
{
    /// <summary>Called with the tags about to be evicted.</summary>
    Task PublishAsync(IReadOnlyCollection<string> tags, CancellationToken ct);
}

/// <summary>
/// Hears, in a process that runs the worker jobs, the changes a web-only process made (announced through Redis), so
/// that the jobs following changes (audio generation, feed pings) run on a worker for the newsroom's writes too. A
/// folder registers its follower only when <see cref="Roles.RunsWorkerJobs"/>.
/// </summary>
public interface IWorkerChangeFollower
{
    Task FollowAsync(IReadOnlyCollection<string> tags, CancellationToken ct);
}

/// <summary>
/// Extension point: shared caches in front of the instances (a CDN, Varnish) that must drop the pages of these tags.
/// <see cref="ContentChanges"/> calls it once per committed change, after this instance's own eviction, with every
/// tag the change made stale; it must not block (queue and send in the background).
/// </summary>
public interface ISharedCachePurge
{
    void Purge(IReadOnlyCollection<string> tags);
}
