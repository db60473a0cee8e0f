using Broadsheet.Articles;
using Broadsheet.Discovery;
using Broadsheet.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Reader;

public sealed class IndexModel(SiteChrome chrome, PublishedArticles published) : ReaderPageModel(chrome)
{
    public const int LatestCount = 10;
    public const int PerSectionCount = 4;

    public Article? TopStory { get; private set; }

    public IReadOnlyList<Article> Latest { get; private set; } = [];

    public IReadOnlyList<(Section Section, IReadOnlyList<Article> Articles)> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await Chrome.LoadAsync(ct);
        // The ids first, one small statement per list in index order, then every article the page shows in one load.
        var latestIds = await published.NewestIdsAsync(ListingScope.All, LatestCount + 1, ct);
        var rowIds = new List<(Section Section, List<int> Ids)>();
        foreach (var section in Chrome.Sections)
        {
            var ids = await published.NewestIdsAsync(ListingScope.Section(section.Id, Chrome.Site!.SectionTree(section.Path)), PerSectionCount, ct);
            if (ids.Count > 0)
            {
                rowIds.Add((section, ids));
            }
        }
        var loaded = (await published.LoadAsync([.. latestIds.Concat(rowIds.SelectMany(r => r.Ids)).Distinct()], ct)).ToDictionary(a => a.Id);
        List<Article> Shown(List<int> ids) => [.. ids.Where(loaded.ContainsKey).Select(id => loaded[id])];
        var latest = Shown(latestIds);
        TopStory = latest.FirstOrDefault();
        Latest = latest.Skip(1).ToList();
        Rows = [.. rowIds.Select(r => (r.Section, (IReadOnlyList<Article>)Shown(r.Ids))).Where(r => r.Item2.Count > 0)];
        Meta.Description = Chrome.Publication.Tagline ?? $"The latest news from {Chrome.Publication.Name}.";
        Meta.CanonicalPath = "/";
        Meta.Alternates = FeedUrls.Links(Chrome.Publication.Name, FeedUrls.Home);
        TagCache([CacheTags.Home, CacheTags.Standards]);
    }
}
