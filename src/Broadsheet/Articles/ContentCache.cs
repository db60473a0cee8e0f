using Microsoft.AspNetCore.OutputCaching;

namespace Broadsheet.Articles;

/// <summary>
/// Evicts the cached reader pages a change makes stale. Every write to published content calls it, so every
/// eviction also moves <see cref="Generation"/> on: in-memory snapshots of rarely changing data (the site
/// chrome, the ad creatives) compare it with the generation they were read at and rebuild when it moved.
/// </summary>
public sealed class ContentCache(IOutputCacheStore store)
{
    private long generation;

    /// <summary>
    /// Moves on before each eviction, so that anything read from the database before a write's eviction is
    /// seen as older than it. Only this process's evictions move it (see <c>SiteSnapshot</c> for other instances).
    /// </summary>
    public long Generation => Interlocked.Read(ref generation);

    /// <summary>Call with the article loaded with section, topics and byline, before and after a change that moves it.</summary>
    public Task EvictAsync(Article article, CancellationToken ct = default) => EvictAsync(CacheTags.For(article), ct);

    public async Task EvictAsync(IEnumerable<string> tags, CancellationToken ct = default)
    {
        // Before the pages go: a page rendered after its eviction must not be built from a snapshot read before the write.
        Interlocked.Increment(ref generation);
        foreach (var tag in tags.Distinct())
        {
            await store.EvictByTagAsync(tag, ct);
        }
    }
}
