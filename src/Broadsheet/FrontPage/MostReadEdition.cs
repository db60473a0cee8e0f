using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Broadsheet.FrontPage;

/// <summary>
/// The "Most read" list that article and section pages show. Those pages stay in the output cache until something they
/// show changes, so the list changes at known moments only: it is an edition per hour, ranking the reads of the
/// <see cref="FrontPageStories.MostReadHours"/> whole hours before its hour (<see cref="EditionHour"/>), which every
/// instance reads the same from the same rows. Between two editions those pages render the same bytes; the headlines are
/// read again after any content change in case one of them changed (which evicts the pages through <see cref="MostReadPages"/>).
/// The home page keeps its own live list (<see cref="FrontPageStories"/>): it is evicted far more often anyway.
/// </summary>
// Why: the semaphore never hands out its wait handle, so it holds nothing to dispose.
#pragma warning disable CA1001
public sealed class MostReadEdition(IServiceScopeFactory scopes, ContentCache cache, TimeProvider clock)
{
    /// <summary>The tag of every page that shows this list.</summary>
    public const string Tag = "most-read";

    /// <summary>Stories a page lists.</summary>
    public const int Count = 5;

    /// <summary>After the hour, the time every instance has to flush the hour's last reads (<see cref="FrontPageClock"/> flushes every 30 s).</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMinutes(2);

    private readonly SemaphoreSlim loading = new(1, 1);
    private volatile Edition? current;

    /// <summary>The hour whose edition readers see at <paramref name="now"/>: the next one starts <see cref="Settle"/> past the hour.</summary>
    public static DateTimeOffset EditionHour(DateTimeOffset now) => ReadCounter.HourOf(now - Settle);

    /// <summary>Whether article <paramref name="articleId"/> is among the ranked candidates of the edition pages show (listed, or listed once it is visible).</summary>
    public bool Ranks(int articleId) => current?.Ids.Contains(articleId) == true;

    /// <summary>The stories of the edition pages show, most read first (one more than <see cref="Count"/>, so a story's own page can leave itself out).</summary>
    public async ValueTask<IReadOnlyList<RelatedArticle>> StoriesAsync(CancellationToken ct = default)
    {
        var edition = current;
        return edition is not null && edition.Generation == cache.Generation ? edition.Stories : (await LoadAsync(null, ct)).Stories;
    }

    /// <summary>
    /// Moves to the edition of the hour it is now when the one pages show is older; true when the list readers see changes,
    /// so the pages tagged <see cref="Tag"/> must go. Nothing was shown before the first edition was read, so that one changes nothing.
    /// </summary>
    public async Task<bool> AdvanceAsync(CancellationToken ct = default)
    {
        var before = current;
        var hour = EditionHour(clock.GetUtcNow());
        if (before is null || before.Hour >= hour)
        {
            return false;
        }
        var after = await LoadAsync(hour, ct);
        return !after.Stories.SequenceEqual(before.Stories);
    }

    /// <summary>The edition of <paramref name="newHour"/>; or, without one, the current edition's stories read again (the first edition when there is none).</summary>
    private async Task<Edition> LoadAsync(DateTimeOffset? newHour, CancellationToken ct)
    {
        await loading.WaitAsync(ct);
        try
        {
            var held = current;
            // Another caller may have loaded it while this one waited.
            if (held is not null && (newHour is { } hour ? held.Hour >= hour : held.Generation == cache.Generation))
            {
                return held;
            }
            var editionHour = newHour ?? held?.Hour ?? EditionHour(clock.GetUtcNow());
            // Read before loading: a change during the load leaves this edition's headlines already stale.
            var generation = cache.Generation;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
            var published = scope.ServiceProvider.GetRequiredService<PublishedArticles>();
            // Twice the list: some may be withdrawn, and one is the page's own story.
            var ids = newHour is null && held is not null
                ? held.Ids
                : await FrontPageStories.RankAsync(db, editionHour - TimeSpan.FromHours(FrontPageStories.MostReadHours), editionHour, 2 * (Count + 1), ct);
            var found = (await published.Visible().Where(a => ids.Contains(a.Id))
                .Select(a => new RelatedArticle(a.Id, a.Slug, a.Headline, a.Section.Path, a.Language, a.FirstPublishedAt!.Value))
                .ToListAsync(ct)).ToDictionary(a => a.Id);
            var edition = new Edition(editionHour, ids, generation, [.. ids.Where(found.ContainsKey).Select(id => found[id]).Take(Count + 1)]);
            current = edition;
            return edition;
        }
        finally
        {
            loading.Release();
        }
    }

    private sealed record Edition(DateTimeOffset Hour, List<int> Ids, long Generation, IReadOnlyList<RelatedArticle> Stories);
}
#pragma warning restore CA1001

/// <summary>
/// The pages that show the hourly "Most read" (<see cref="MostReadEdition"/>): evicted when a new edition changes the
/// list (<see cref="FrontPageClock"/>, through <see cref="ContentChanges.BeginAsync{TRule}"/> with <see cref="NewEdition"/>),
/// and when a save touches a story the list ranks (edited, withdrawn, published again), as any other page is.
/// </summary>
public sealed class MostReadPages(MostReadEdition edition) : IContentTagRule
{
    /// <summary>The key that stands for the list itself.</summary>
    public static readonly object NewEdition = new();

    private readonly ArticlePages articles = new();

    public IEnumerable<object> KeysOf(EntityEntry entry, EntityState state) =>
        articles.KeysOf(entry, state).Where(key => key is int id && edition.Ranks(id));

    public Task CollectAsync(BroadsheetDb db, IReadOnlyCollection<object> keys, ContentTags tags, CancellationToken ct)
    {
        if (keys.Count > 0)
        {
            tags.Add([MostReadEdition.Tag]);
        }
        return Task.CompletedTask;
    }
}
