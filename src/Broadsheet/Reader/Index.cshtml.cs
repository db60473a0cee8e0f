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
        var latest = await published.Query().Take(LatestCount + 1).ToListAsync(ct);
        TopStory = latest.FirstOrDefault();
        Latest = latest.Skip(1).ToList();
        var rows = new List<(Section, IReadOnlyList<Article>)>();
        foreach (var section in Chrome.Sections)
        {
            var articles = await published.InSection(section.Path).Take(PerSectionCount).ToListAsync(ct);
            if (articles.Count > 0)
            {
                rows.Add((section, articles));
            }
        }
        Rows = rows;
        Meta.Description = Chrome.Publication.Tagline ?? $"The latest news from {Chrome.Publication.Name}.";
        Meta.CanonicalPath = "/";
        Meta.Alternates = FeedUrls.Links(Chrome.Publication.Name, FeedUrls.Home);
        TagCache([CacheTags.Home, CacheTags.Standards]);
    }
}
