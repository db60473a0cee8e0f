using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Reader;

public sealed class StandardsIndexModel(SiteChrome chrome, BroadsheetDb db) : ReaderPageModel(chrome)
{
    public IReadOnlyList<StandardsPage> Pages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await Chrome.LoadAsync(ct);
        Pages = await db.StandardsPages.AsNoTracking().OrderBy(p => p.Position).ToListAsync(ct);
        Meta.Title = "Our standards";
        Meta.Description = $"How {Chrome.Publication.Name} reports, checks, corrects and stays independent.";
        Meta.CanonicalPath = "/standards";
        TagCache(CacheTags.Standards);
    }
}
