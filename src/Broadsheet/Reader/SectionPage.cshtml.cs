using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Discovery;
using Broadsheet.FrontPage;
using Broadsheet.Rendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Reader;

public sealed class SectionPageModel(SiteChrome chrome, PublishedArticles published, BroadsheetDb db, MostReadEdition mostRead) : ReaderPageModel(chrome)
{
    public Section Section { get; private set; } = null!;

    public IReadOnlyList<Section> Subsections { get; private set; } = [];

    public IReadOnlyList<Article> Articles { get; private set; } = [];

    public Pager Pager { get; private set; } = null!;

    /// <summary>The site's hourly "Most read" (<see cref="MostReadEdition"/>).</summary>
    public IReadOnlyList<RelatedArticle> MostRead { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? path, [FromQuery] int page = 1, CancellationToken ct = default)
    {
        path = path?.Trim('/');
        if (string.IsNullOrEmpty(path) || !ModelState.IsValid
            || await db.Sections.AsNoTracking().Include(s => s.Parent).FirstOrDefaultAsync(s => s.Path == path, ct) is not { } section)
        {
            return NotFound();
        }
        var tree = await published.SectionTreeAsync(section.Path, ct);
        if (await Listing.PageAsync(published, ListingScope.Section(section.Id, tree), ArticleUrls.SectionPath(section.Path), page, ct) is not var (articles, pager))
        {
            return NotFound();
        }
        Section = section;
        Articles = articles;
        Pager = pager;
        Subsections = await db.Sections.AsNoTracking().Where(s => s.ParentId == section.Id).OrderBy(s => s.Position).ThenBy(s => s.Name).ToListAsync(ct);
        await Chrome.LoadAsync(ct);
        Listing.Describe(Meta, section.Name, $"The latest {section.Name} news from {Chrome.Publication.Name}.", pager);
        Meta.Alternates = FeedUrls.Links($"{Chrome.Publication.Name}: {section.Name}", f => FeedUrls.Section(section.Path, f));
        MostRead = [.. (await mostRead.StoriesAsync(ct)).Take(MostReadEdition.Count)];
        TagCache([CacheTags.Section(section.Path), CacheTags.Standards, MostReadEdition.Tag]);
        return Page();
    }
}
