using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Reader;

/// <summary>The people who write for the publication, with photo and role, then the agencies whose reports it carries.</summary>
public sealed class AuthorIndexModel(SiteChrome chrome, BroadsheetDb db) : ReaderPageModel(chrome)
{
    public IReadOnlyList<Contributor> Staff { get; private set; } = [];

    public IReadOnlyList<Contributor> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await Chrome.LoadAsync(ct);
        var contributors = await db.Contributors.AsNoTracking().Include(c => c.Photo).OrderBy(c => c.Name).ThenBy(c => c.Slug).ToListAsync(ct);
        Staff = [.. contributors.Where(c => c.Kind == ContributorKind.Person)];
        Agencies = [.. contributors.Where(c => c.Kind == ContributorKind.Agency)];
        Meta.Title = "Authors";
        Meta.Description = $"The journalists of {Chrome.Publication.Name} and the news agencies whose reports it publishes.";
        Meta.CanonicalPath = "/authors";
        TagCache([CacheTags.AuthorIndex, CacheTags.Standards]);
    }
}
