using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Broadsheet.Articles;

/// <summary>
/// The article page's "reading on" lists, held in memory per article: they change only when content does, and their two
/// statements were most of an uncached render's database time (SQLite compiles each command anew).
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
    /// <summary>Past this many articles the lists are dropped and read again: memory stays bounded on a large archive.</summary>
    internal const int MaxEntries = 10_000;

    private readonly TimeSpan maxAge = TimeSpan.FromSeconds(options.Value.Cache.SnapshotSeconds);
    private readonly ConcurrentDictionary<Key, Entry> entries = new();

    /// <summary>
    /// The lists at the end of <paramref name="article"/> (loaded with its section and topics), from memory when fresh, else
    /// from <paramref name="read"/> (<see cref="PublishedArticles.ReadingOnAsync"/>).
    /// </summary>
    public async ValueTask<ReadingOn> GetAsync(Article article, Func<CancellationToken, Task<ReadingOn>> read, CancellationToken ct = default)
    {
        var key = new Key(article.Id, article.PrimaryTopic?.Id ?? 0, article.SectionId);
        if (entries.TryGetValue(key, out var entry) && entry.Generation == cache.Generation && clock.GetUtcNow() - entry.LoadedAt < maxAge)
        {
            return entry.ReadingOn with { Topic = article.PrimaryTopic, Section = article.Section };
        }
        // Read before the query: an eviction during it leaves the entry already stale.
        var generation = cache.Generation;
        var loadedAt = clock.GetUtcNow();
        var lists = await read(ct);
        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }
        entries[key] = new Entry(generation, loadedAt, lists);
        return lists;
    }

    private readonly record struct Key(int ArticleId, int TopicId, int SectionId);

    private sealed record Entry(long Generation, DateTimeOffset LoadedAt, ReadingOn ReadingOn);
}
