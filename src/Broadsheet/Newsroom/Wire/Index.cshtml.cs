using Broadsheet.Accounts;
using Broadsheet.Articles.Workflow;
using Broadsheet.Data;
using Broadsheet.Ingest;
using Broadsheet.Newsroom.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Wire;

/// <summary>
/// The wire queue: incoming items newest first, the versions of one story together, filtered by source, urgency and
/// status (the quarantine is the quarantined status); Use and Retry go through the desk.
/// </summary>
[Authorize(Policy = NewsroomPolicies.Editor)]
public sealed class WireQueueModel(BroadsheetDb db, WireDesk desk) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public string? Source { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Urgency { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>One story on this page: its newest entry, then the earlier ones.</summary>
    public sealed record Story(WireEntry Latest, IReadOnlyList<WireEntry> Earlier);

    public List<Story> Stories { get; private set; } = [];

    public bool HasNext { get; private set; }

    public int Quarantined { get; private set; }

    public PublicationTime Time { get; private set; } = new(TimeZoneInfo.Utc);

    public List<SelectListItem> Sources { get; private set; } = [];

    public List<SelectListItem> Urgencies { get; } =
        [new("Any urgency", ""), .. Enumerable.Range(1, 8).Select(u => new SelectListItem(u == 1 ? "1 (flash)" : u.ToString(System.Globalization.CultureInfo.InvariantCulture), u.ToString(System.Globalization.CultureInfo.InvariantCulture)))];

    public List<SelectListItem> Statuses { get; } =
        [new("Any status", ""), .. Enum.GetValues<WireStatus>().Select(s => new SelectListItem(Describe(s), s.ToString()))];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Time = PublicationTime.Of(await db.Publications.AsNoTracking().OrderBy(p => p.Id).FirstOrDefaultAsync(ct));
        PageNumber = Math.Max(1, PageNumber);
        var names = await db.WireEntries.AsNoTracking().Select(e => e.Source).Distinct().OrderBy(s => s).ToListAsync(ct);
        Sources = [new("Any source", ""), .. names.Select(n => new SelectListItem(n, n))];
        Quarantined = await db.WireEntries.CountAsync(e => e.Status == WireStatus.Quarantined, ct);

        var query = db.WireEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(Source))
        {
            query = query.Where(e => e.Source == Source);
        }
        if (Urgency is { } urgency)
        {
            query = query.Where(e => e.Urgency == urgency);
        }
        if (Enum.TryParse<WireStatus>(Status, out var status) && Enum.IsDefined(status))
        {
            query = query.Where(e => e.Status == status);
        }
        var page = await query.OrderByDescending(e => e.ReceivedAt).ThenByDescending(e => e.Id)
            .Skip(PageOffset.Of(PageNumber, PageSize)).Take(PageSize + 1)
            .Select(e => new WireEntry
            {
                Id = e.Id, ArrivalId = e.ArrivalId, Source = e.Source, ItemId = e.ItemId, Version = e.Version, Format = e.Format, Status = e.Status,
                Reason = e.Reason, Urgency = e.Urgency, ReceivedAt = e.ReceivedAt, EmbargoedUntil = e.EmbargoedUntil, Headline = e.Headline, ArticleId = e.ArticleId,
            })
            .ToListAsync(ct);
        HasNext = page.Count > PageSize;
        // Versions of one story stay together, under the place of its newest arrival.
        Stories = [.. page.Take(PageSize)
            .GroupBy(e => e.ItemId is null ? $"#{e.Id}" : $"{e.Source}\n{e.ItemId}")
            .Select(g => new Story(g.First(), [.. g.Skip(1)]))];
    }

    public async Task<IActionResult> OnPostUseAsync(long id, CancellationToken ct)
    {
        var used = await desk.UseAsync(id, ct);
        if (used?.ArticleId is { } articleId && used.Status is WireOutcome.Created or WireOutcome.Updated)
        {
            StatusMessage.Set(TempData, "The item is now a draft article.");
            return Redirect($"/newsroom/articles/{articleId}");
        }
        StatusMessage.Set(TempData, used is null ? "That item is not in the queue." : $"Not used: {used.Reason}");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken ct)
    {
        var retried = await desk.RetryAsync(id, ct);
        StatusMessage.Set(TempData, retried is null ? "That item is not in the queue." : $"Retried: {retried.Status}{(retried.Reason is null ? "" : $" ({retried.Reason})")}.");
        return RedirectToPage();
    }

    public string PageLink(int page) => Url.Page("/Newsroom/Wire/Index", new { source = Source, urgency = Urgency, status = Status, p = page == 1 ? (int?)null : page })!;

    public static string Describe(WireStatus status) => status switch
    {
        WireStatus.Held => "Held",
        _ => status.ToString(),
    };

    public static bool CanUse(WireEntry entry) => entry.Status == WireStatus.Held && entry.EmbargoedUntil is null && entry.ArticleId is null && entry.ItemId is not null;

    public static bool CanRetry(WireEntry entry) => entry.Status == WireStatus.Quarantined;
}
