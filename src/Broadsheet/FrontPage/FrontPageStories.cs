using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.FrontPage;

/// <summary>
/// Reads what the home page shows, in a fixed handful of queries whatever the size of the archive: the curation (a few
/// rows), one newest-first range of published articles (the automatic order's candidates and the section rows), the
/// most read of the last hours (one range of the counts' hour index), and the curated and most-read stories that the
/// range does not hold, by id. Every article is read through <see cref="PublishedArticles"/>.
/// </summary>
public sealed class FrontPageStories(BroadsheetDb db, PublishedArticles published, TimeProvider clock)
{
    /// <summary>How many of the newest stories the page is made from: enough for the top stories and a row per section.</summary>
    public const int Candidates = 60;

    /// <summary>"Most read" counts this many hours back.</summary>
    public const int MostReadHours = 48;

    public async Task<FrontPageView> LoadAsync(IReadOnlyList<Section> sections, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var slots = await db.Set<FrontPageSlot>().AsNoTracking().OrderBy(s => s.Position).ToListAsync(ct);
        var recent = await published.Query().Take(Candidates).ToListAsync(ct);
        var mostReadIds = await MostReadAsync(now, ct);

        var byId = recent.ToDictionary(a => a.Id);
        var missing = slots.Where(s => s.ShowsAt(now)).Select(s => s.ArticleId).Concat(mostReadIds)
            .Where(id => !byId.ContainsKey(id)).Distinct().ToList();
        if (missing.Count > 0)
        {
            foreach (var article in await published.Query().Where(a => missing.Contains(a.Id)).ToListAsync(ct))
            {
                byId[article.Id] = article;
            }
        }
        var mostRead = mostReadIds.Select(id => byId.GetValueOrDefault(id)).OfType<Article>().ToList();
        return FrontPageLayout.Compose(slots, byId, recent, mostRead, sections, now);
    }

    /// <summary>The ids of the most read articles of the last <see cref="MostReadHours"/>, most read first.</summary>
    public Task<List<int>> MostReadAsync(DateTimeOffset now, CancellationToken ct = default) =>
        // Twice the list: some may be on the page already as lead or top stories, or no longer published.
        RankAsync(db, ReadCounter.HourOf(now) - TimeSpan.FromHours(MostReadHours - 1), null,
            2 * (FrontPageLayout.MostReadCount + FrontPageLayout.TopCount), ct);

    /// <summary>The ids of the articles read most in the hours from <paramref name="since"/> (to before <paramref name="until"/>), most read first.</summary>
    public static async Task<List<int>> RankAsync(BroadsheetDb db, DateTimeOffset since, DateTimeOffset? until, int take, CancellationToken ct)
    {
        var counts = db.Set<ArticleReadCount>().AsNoTracking().Where(r => r.Hour >= since);
        if (until is { } end)
        {
            counts = counts.Where(r => r.Hour < end);
        }
        return await counts
            .GroupBy(r => r.ArticleId)
            .Select(g => new { ArticleId = g.Key, Reads = g.Sum(r => r.Count) })
            .OrderByDescending(g => g.Reads).ThenByDescending(g => g.ArticleId)
            .Take(take)
            .Select(g => g.ArticleId)
            .ToListAsync(ct);
    }
}
