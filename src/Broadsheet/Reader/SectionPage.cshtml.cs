using Broadsheet.Articles;
using Broadsheet.Discovery;
using Broadsheet.FrontPage;
using Broadsheet.Rendering;
using Microsoft.AspNetCore.Mvc;

namespace Broadsheet.Reader;

public sealed class SectionPageModel(SiteChrome chrome, PublishedArticles published, MostReadEdition mostRead) : ReaderPageModel(chrome)
{
    public Section Section { get; private set; } = null!;

    /// <summary>The section this one belongs to, for the way back up; null for a top section.</summary>
    public Section? Parent { get; private set; }

    public IReadOnlyList<Section> Subsections { get; private set; } = [];

    public IReadOnlyList<Article> Articles { get; private set; } = [];

    public Pager Pager { get; private set; } = null!;

    /// <summary>The site's hourly "Most read" (<see cref="MostReadEdition"/>).</summary>
    public IReadOnlyList<RelatedArticle> MostRead { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? path, [FromQuery] int page = 1, CancellationToken ct = default)
    {
        path = path?.Trim('/');
        if (string.IsNullOrEmpty(path) || !ModelState.IsValid)
        {
            return NotFound();
        }
        // The section, its tree and its subsections come from the site snapshot: no statement before the listing's own.
        await Chrome.LoadAsync(ct);
        var site = Chrome.Site!;
        if (site.SectionAt(path) is not { } section)
        {
            return NotFound();
        }
        if (await Listing.PageAsync(published, ListingScope.Section(section.Id, site.SectionTree(section.Path)), ArticleUrls.SectionPath(section.Path), page, ct) is not var (articles, pager))
        {
            return NotFound();
        }
        Section = section;
        Parent = site.SectionById(section.ParentId);
        Articles = articles;
        Pager = pager;
        Subsections = site.Subsections(section.Id);
        Listing.Describe(Meta, section.Name, $"The latest {section.Name} news from {Chrome.Publication.Name}.", pager);
        Meta.Alternates = FeedUrls.Links($"{Chrome.Publication.Name}: {section.Name}", f => FeedUrls.Section(section.Path, f));
        MostRead = [.. (await mostRead.StoriesAsync(ct)).Take(MostReadEdition.Count)];
        TagCache([CacheTags.Section(section.Path), CacheTags.Standards, MostReadEdition.Tag]);
        return Page();
    }
}
