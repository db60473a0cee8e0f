
namespace Broadsheet.Articles;

/// <summary>
/// A newest-first listing: its key in <see cref="ListingCount"/> and which published articles it holds. The section
/// filter is the section's own ids (from the site's section tree), so PostgreSQL reads the section's index rather than
/// joining on its path.
/// </summary>
public sealed class ListingScope
{
    private ListingScope(string key, Func<IQueryable<Article>, IQueryable<Article>> filter)
    {
        Key = key;
        Filter = filter;
    }

    public string Key { get; }

    internal Func<IQueryable<Article>, IQueryable<Article>> Filter { get; }

    public static ListingScope All { get; } = new(ListingKeys.All, q => q);

    /// <summary>A section with its subsections: <paramref name="tree"/> holds the section's id and its descendants'.</summary>
    public static ListingScope Section(int id, IReadOnlyCollection<int> tree)
    {
        var ids = tree.Count == 0 ? [id] : tree.ToArray();
        return ids.Length == 1
            ? new(ListingKeys.Section(id), q => q.Where(a => a.SectionId == id))
            : new(ListingKeys.Section(id), q => q.Where(a => ids.Contains(a.SectionId)));
    }

    public static ListingScope Topic(int id) => new(ListingKeys.Topic(id), q => q.Where(a => a.Topics.Any(t => t.TopicId == id)));

    public static ListingScope Contributor(int id) => new(ListingKeys.Contributor(id), q => q.Where(a => a.Byline.Any(c => c.ContributorId == id)));
}

/// <summary>One page of a listing: its articles, newest first, and whether another page follows.</summary>
public sealed record ListingPage(List<Article> Articles, bool HasNext);

/// <summary>
/// Where page N of a listing starts, from the listing's per-day counts: the days before it are skipped by their counts,
/// so a page reads at most the rows of the few days it spans (and the day it starts in) instead of every row before it.
/// Pure, so the walk is tested apart from any database.
/// </summary>
public static class PageSeek
{
    /// <summary>
    /// Walks <paramref name="days"/> (day number and count, newest first, all before <paramref name="today"/>) after the
    /// <paramref name="todayCount"/> rows of today, to the page that skips <paramref name="skip"/> rows and takes
    /// <paramref name="take"/>. Null when <paramref name="skip"/> is at or past the end. Otherwise the publication-time
    /// bounds to read between (<see cref="Seek.Before"/> exclusive, <see cref="Seek.From"/> inclusive; null for none) and
    /// the rows to skip inside them. Stops reading the days once the page is covered.
    /// </summary>
    public static async Task<Seek?> FindAsync(long skip, int take, int today, int todayCount, IAsyncEnumerable<(int Day, int Count)> days, CancellationToken ct = default)
    {
        long seen = todayCount;
        var started = skip < todayCount;
        DateTimeOffset? before = null;
        var offset = skip;
        if (started && skip + take <= todayCount)
        {
            return new Seek(null, ListingKeys.StartOf(today), offset);
        }
        await foreach (var (day, count) in days.WithCancellation(ct))
        {
            if (count <= 0)
            {
                continue;
            }
            if (!started && seen + count > skip)
            {
                started = true;
                before = ListingKeys.StartOf(day + 1);
                offset = skip - seen;
            }
            seen += count;
            if (started && seen >= skip + take)
            {
                return new Seek(before, ListingKeys.StartOf(day), offset);
            }
        }
        return started ? new Seek(before, null, offset) : null;
    }

    public sealed record Seek(DateTimeOffset? Before, DateTimeOffset? From, long Offset);
}
