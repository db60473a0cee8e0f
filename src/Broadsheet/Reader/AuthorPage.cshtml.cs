using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Discovery;
using Broadsheet.Rendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Reader;

/// <summary>A staff member's profile and articles, or an agency's articles.</summary>
public sealed class AuthorPageModel(SiteChrome chrome, PublishedArticles published, BroadsheetDb db) : ReaderPageModel(chrome)
{
    public Contributor Contributor { get; private set; } = null!;

    public IReadOnlyList<Article> Articles { get; private set; } = [];

    public Pager Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery] int page = 1, CancellationToken ct = default)
    {
        if (!ModelState.IsValid || await db.Contributors.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, ct) is not { } contributor
            || await Listing.PageAsync(published.By(contributor.Slug), ArticleUrls.AuthorPath(contributor.Slug), page, ct) is not var (articles, pager))
        {
            return NotFound();
        }
        Contributor = contributor;
        Articles = articles;
        Pager = pager;
        await Chrome.LoadAsync(ct);
        var description = contributor.Kind == ContributorKind.Person
            ? contributor.Role is { Length: > 0 } role ? $"{contributor.Name}, {role} at {Chrome.Publication.Name}." : $"Articles by {contributor.Name}."
            : $"Articles from {contributor.Name} published by {Chrome.Publication.Name}.";
        Listing.Describe(Meta, contributor.Name, description, pager);
        Meta.OpenGraphType = contributor.Kind == ContributorKind.Person ? "profile" : "website";
        Meta.Alternates = FeedUrls.Links($"{Chrome.Publication.Name}: {contributor.Name}", f => FeedUrls.Author(contributor.Slug, f));
        TagCache([CacheTags.Author(contributor.Slug), CacheTags.Standards]);
        return Page();
    }
}
