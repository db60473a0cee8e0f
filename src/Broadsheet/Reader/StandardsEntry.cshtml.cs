using Broadsheet.Ads;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Rendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Reader;

/// <summary>One standards page (ethics, corrections policy, ownership), rendered from its blocks like an article body.</summary>
public sealed class StandardsEntryModel(SiteChrome chrome, BroadsheetDb db) : ReaderPageModel(chrome)
{
    public StandardsPage Entry { get; private set; } = null!;

    public BodyView Body { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await db.StandardsPages.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, ct) is not { } entry)
        {
            return NotFound();
        }
        Entry = entry;
        var imageIds = entry.Body.OfType<ImageBlock>().Select(b => b.ImageId).Distinct().ToList();
        var images = imageIds.Count == 0
            ? []
            : await db.Images.AsNoTracking().Where(i => imageIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        Body = new BodyView(entry.Body, images, new Dictionary<int, AdSlotView>());
        await Chrome.LoadAsync(ct);
        Meta.Title = entry.Title;
        Meta.Description = PlainText.Segments(entry.Body).Select(s => s.Text).FirstOrDefault(t => t.Length > 0);
        Meta.CanonicalPath = "/standards/" + entry.Slug;
        TagCache(CacheTags.Standards);
        return Page();
    }
}
