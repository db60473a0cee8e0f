using Microsoft.AspNetCore.OutputCaching;

namespace Broadsheet.Articles;

/// <summary>Evicts the cached reader pages a change makes stale. Every write to published content calls it.</summary>
public sealed class ContentCache(IOutputCacheStore store)
{
    /// <summary>Call with the article loaded with section, topics and byline, before and after a change that moves it.</summary>
    public async Task EvictAsync(Article article, CancellationToken ct = default)
    {
        foreach (var tag in CacheTags.For(article).Distinct())
        {
            await store.EvictByTagAsync(tag, ct);
        }
    }

    public async Task EvictAsync(IEnumerable<string> tags, CancellationToken ct = default)
    {
        foreach (var tag in tags.Distinct())
        {
            await store.EvictByTagAsync(tag, ct);
        }
    }
}
