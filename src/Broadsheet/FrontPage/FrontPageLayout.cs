using Broadsheet.Articles;

namespace Broadsheet.FrontPage;

/// <summary>What the home page shows, each story once: the lead, the top stories, the most read, then a row per section.</summary>
public sealed record FrontPageView(
    Article? Lead,
    IReadOnlyList<Article> Top,
    IReadOnlyList<Article> MostRead,
    IReadOnlyList<(Section Section, IReadOnlyList<Article> Articles)> Rows,
    DateTimeOffset? NextChange)
{
    /// <summary>Every story the page shows, in page order.</summary>
    public IEnumerable<Article> All => (Lead is null ? Top : Top.Prepend(Lead)).Concat(MostRead).Concat(Rows.SelectMany(r => r.Articles));
}

/// <summary>
/// Lays out the front page from what editors chose and what was published, as pure logic: the curated lead and top
/// stories that show now, then the automatic order (<see cref="AutomaticOrder"/>) for every place nobody filled; no
/// story twice anywhere on the page.
/// </summary>
public static class FrontPageLayout
{
    public const int TopCount = 6;
    public const int MostReadCount = 5;
    public const int PerSectionCount = 3;

    /// <param name="slots">The curation, any order; the articles of the slots in <paramref name="curated"/>.</param>
    /// <param name="curated">Published articles named by the slots (one that is not published has no entry, and its slot is skipped).</param>
    /// <param name="recent">The newest published articles, newest first: the automatic order's candidates and the section rows' stories.</param>
    /// <param name="mostRead">The most read published articles, most read first.</param>
    /// <param name="sections">The top-level sections, in menu order.</param>
    public static FrontPageView Compose(
        IReadOnlyList<FrontPageSlot> slots,
        IReadOnlyDictionary<int, Article> curated,
        IReadOnlyList<Article> recent,
        IReadOnlyList<Article> mostRead,
        IReadOnlyList<Section> sections,
        DateTimeOffset now)
    {
        var used = new HashSet<int>();
        var showing = slots.Where(s => s.ShowsAt(now)).OrderBy(s => s.Position)
            .Select(s => (s.Position, Article: curated.GetValueOrDefault(s.ArticleId)))
            .Where(s => s.Article is not null)
            .ToList();

        var lead = showing.FirstOrDefault(s => s.Position == FrontPageWriter.LeadPosition).Article;
        var top = showing.Where(s => s.Position != FrontPageWriter.LeadPosition && s.Article!.Id != lead?.Id)
            .Select(s => s.Article!).DistinctBy(a => a.Id).ToList();
        // Curated stories are placed first, so the automatic order never takes one of them.
        used.UnionWith(top.Select(a => a.Id));
        if (lead is not null)
        {
            used.Add(lead.Id);
        }
        var automatic = AutomaticOrder.Rank(recent.Where(a => !used.Contains(a.Id)), now);
        if (lead is null && AutomaticOrder.PickLead(automatic) is { } picked)
        {
            lead = picked;
            used.Add(picked.Id);
        }
        foreach (var article in automatic)
        {
            if (top.Count >= TopCount)
            {
                break;
            }
            if (used.Add(article.Id))
            {
                top.Add(article);
            }
        }

        var read = mostRead.Where(a => used.Add(a.Id)).Take(MostReadCount).ToList();

        var rows = new List<(Section, IReadOnlyList<Article>)>();
        foreach (var section in sections)
        {
            var prefix = section.Path + "/";
            var inSection = recent
                .Where(a => (a.Section.Path == section.Path || a.Section.Path.StartsWith(prefix, StringComparison.Ordinal)) && !used.Contains(a.Id))
                .Take(PerSectionCount)
                .ToList();
            if (inSection.Count > 0)
            {
                used.UnionWith(inSection.Select(a => a.Id));
                rows.Add((section, inSection));
            }
        }
        return new FrontPageView(lead, top, read, rows, NextChange(slots, now));
    }

    /// <summary>The first time after <paramref name="now"/> a slot starts or expires: the page must not be kept past it.</summary>
    public static DateTimeOffset? NextChange(IEnumerable<FrontPageSlot> slots, DateTimeOffset now) =>
        slots.SelectMany(s => new[] { s.StartsAt, s.ExpiresAt })
            .Where(t => t > now)
            .Min();
}

/// <summary>
/// The front page's order when nobody has chosen: recent first, but a story with a picture, a summary, a byline and a
/// real body goes ahead of a newer bare one, and the lead is never a thin story while a full one is there.
/// </summary>
public static class AutomaticOrder
{
    /// <summary>Fewer words than this (for Chinese and Japanese, twice as many characters) is a thin story: a brief, a placeholder.</summary>
    public const int ThinWords = 120;

    // Each shortcoming counts as this many hours of age: a bare story ranks as if it were that much older.
    private static readonly TimeSpan NoPicture = TimeSpan.FromHours(6);
    private static readonly TimeSpan NoSummary = TimeSpan.FromHours(3);
    private static readonly TimeSpan NoByline = TimeSpan.FromHours(3);
    private static readonly TimeSpan Thin = TimeSpan.FromHours(24);

    public static bool IsThin(Article article)
    {
        var cjk = article.Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) || article.Language.StartsWith("ja", StringComparison.OrdinalIgnoreCase);
        var units = 0;
        foreach (var segment in PlainText.Segments(article.Body))
        {
            units += cjk ? ReadingTime.CountCharacters(segment.Text) : ReadingTime.CountWords(segment.Text);
        }
        return units < (cjk ? 2 * ThinWords : ThinWords);
    }

    /// <summary>The article's age plus what it lacks: lower ranks first.</summary>
    public static TimeSpan Weight(Article article, DateTimeOffset now)
    {
        var weight = now - (article.FirstPublishedAt ?? now);
        if (article.HeroImageId is null)
        {
            weight += NoPicture;
        }
        if (article.Summary.Count == 0)
        {
            weight += NoSummary;
        }
        if (article.Byline.Count == 0)
        {
            weight += NoByline;
        }
        if (IsThin(article))
        {
            weight += Thin;
        }
        return weight;
    }

    public static List<Article> Rank(IEnumerable<Article> candidates, DateTimeOffset now) =>
        [.. candidates.Select(a => (Article: a, Weight: Weight(a, now)))
            .OrderBy(c => c.Weight).ThenByDescending(c => c.Article.Id)
            .Select(c => c.Article)];

    /// <summary>How far down the ranking the lead may be taken from for the sake of its picture.</summary>
    public const int LeadWindow = 4;

    /// <summary>Among the first few, the best-ranked full story with a picture; else the best full one; else the best of all.</summary>
    public static Article? PickLead(IReadOnlyList<Article> ranked) =>
        ranked.Take(LeadWindow).FirstOrDefault(a => a.HeroImageId is not null && !IsThin(a))
        ?? ranked.FirstOrDefault(a => !IsThin(a))
        ?? ranked.FirstOrDefault();
}
