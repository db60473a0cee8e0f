using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Broadsheet.Articles;

/// <summary>
/// The article page's "reading on" lists, held in memory per topic and per section: every article whose primary topic
/// is the same shows the same "More on" candidates, and every article of a section the same "More from" ones (each page
/// leaves its own story out, <see cref="ReadingOn.From"/>), so a publication of a million articles reads them once per
/// topic and section, not once per article: at that size they were two of the uncached page's three round trips and
/// most of its reads of cold pages.
/// <para>
/// Freshness is the site snapshot's (<c>Rendering.SiteSnapshot</c>): an entry is used only while no
/// <see cref="ContentCache"/> eviction happened in this process since it was read (every committed write evicts, and
/// another instance's change announced through Redis moves the generation too), and for at most
/// <see cref="CacheOptions.SnapshotSeconds"/>, which bounds how late a story whose publication time passes without a
/// write, or a change on an instance without Redis, shows up.
/// </para>
/// </summary>
public sealed class ReadingOnCache(ContentCache cache, TimeProvider clock, IOptions<BroadsheetOptions> options)
{
    /// <summary>Past this many lists they are dropped and read again: memory stays bounded whatever the number of topics.</summary>
    internal const int MaxEntries = 10_000;

    private readonly TimeSpan maxAge = TimeSpan.FromSeconds(options.Value.Cache.SnapshotSeconds);
    private readonly ConcurrentDictionary<Key, Entry> entries = new();

    /// <summary>The lists at the end of <paramref name="article"/> (loaded with its section and topics), from memory when fresh, else read.</summary>
    public ValueTask<ReadingOn> GetAsync(Article article, PublishedArticles published, CancellationToken ct = default) =>
        GetAsync(article, published.TopicNewestAsync, published.SectionNewestAsync, ct);

    /// <summary>
    /// The same, with the readers of a topic's candidates (<see cref="PublishedArticles.TopicNewestAsync"/>) and of a
    /// section's (<see cref="PublishedArticles.SectionNewestAsync"/>) given.
    /// </summary>
    public async ValueTask<ReadingOn> GetAsync(
        Article article, Func<int, CancellationToken, Task<IReadOnlyList<RelatedArticle>>> topicNewest,
        Func<int, CancellationToken, Task<IReadOnlyList<RelatedArticle>>> sectionNewest, CancellationToken ct = default)
    {
        var onTopic = article.PrimaryTopic is { } topic ? await ListAsync(new Key(false, topic.Id), topicNewest, ct) : [];
        var inSection = await ListAsync(new Key(true, article.SectionId), sectionNewest, ct);
        return ReadingOn.From(article, onTopic, inSection);
    }

    private async ValueTask<IReadOnlyList<RelatedArticle>> ListAsync(Key key, Func<int, CancellationToken, Task<IReadOnlyList<RelatedArticle>>> read, CancellationToken ct)
    {
        if (entries.TryGetValue(key, out var entry) && entry.Generation == cache.Generation && clock.GetUtcNow() - entry.LoadedAt < maxAge)
        {
            return entry.List;
        }
        // Read before the query: an eviction during it leaves the entry already stale.
        var generation = cache.Generation;
        var loadedAt = clock.GetUtcNow();
        var list = await read(key.Id, ct);
        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }
        entries[key] = new Entry(generation, loadedAt, list);
        return list;
    }

    private readonly record struct Key(bool Section, int Id);

    private sealed record Entry(long Generation, DateTimeOffset LoadedAt, IReadOnlyList<RelatedArticle> List);
}
