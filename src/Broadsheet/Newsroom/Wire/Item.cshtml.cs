using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Articles.BodyFormats;
using Broadsheet.Articles.Workflow;
using Broadsheet.Data;
using Broadsheet.Ingest;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Wire;

/// <summary>
/// One wire item: its preview (the body as the article would read it, as plain paragraphs: agency HTML is never
/// shown as HTML), the other versions of its story, why it is where it is, and the delivery's raw bytes to download.
/// </summary>
[Authorize(Policy = NewsroomPolicies.Editor)]
public sealed class WireItemModel(BroadsheetDb db) : PageModel
{
    public WireEntry Entry { get; private set; } = null!;

    public WireItem? Item { get; private set; }

    public IReadOnlyList<string> Paragraphs { get; private set; } = [];

    public List<WireEntry> Versions { get; private set; } = [];

    public PublicationTime Time { get; private set; } = new(TimeZoneInfo.Utc);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await db.WireEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is not { } entry)
        {
            return NotFound();
        }
        Entry = entry;
        Time = PublicationTime.Of(await db.Publications.AsNoTracking().OrderBy(p => p.Id).FirstOrDefaultAsync(ct));
        Item = WireDesk.ItemOf(entry);
        if (Item?.BodyHtml is { } html)
        {
            Paragraphs = [.. PlainText.Segments(HtmlBody.ToBlocks(html)).Select(s => s.Text)];
        }
        if (entry.ItemId is not null)
        {
            Versions = await db.WireEntries.AsNoTracking().Where(e => e.Source == entry.Source && e.ItemId == entry.ItemId && e.Id != entry.Id)
                .OrderByDescending(e => e.ReceivedAt).ThenByDescending(e => e.Id)
                .Select(e => new WireEntry { Id = e.Id, Source = e.Source, Version = e.Version, Status = e.Status, ReceivedAt = e.ReceivedAt, Headline = e.Headline })
                .ToListAsync(ct);
        }
        return Page();
    }

    /// <summary>The delivery exactly as it arrived.</summary>
    public async Task<IActionResult> OnGetRawAsync(long id, CancellationToken ct)
    {
        var arrival = await db.WireEntries.AsNoTracking().Where(e => e.Id == id).Select(e => e.Arrival).FirstOrDefaultAsync(ct);
        if (arrival is null)
        {
            return NotFound();
        }
        var name = Path.GetFileName(arrival.FileName) is { Length: > 0 } file ? file : $"wire-delivery-{arrival.Id}{Extension(arrival.Format)}";
        return File(arrival.Body, "application/octet-stream", name);
    }

    private static string Extension(WireFormat? format) => format switch
    {
        WireFormat.Ninjs => ".json",
        null => ".bin",
        _ => ".xml",
    };
}
