using Broadsheet.Accounts;
using Broadsheet.Articles.Workflow;
using Broadsheet.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Workflow;

/// <summary>The editorial audit log for editors: who published, unpublished, scheduled, corrected what, and when.</summary>
[Authorize(Policy = NewsroomPolicies.Editor)]
public sealed class AuditModel(BroadsheetDb db) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Article { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public List<AuditEntry> Entries { get; private set; } = [];

    public bool HasNext { get; private set; }

    public PublicationTime Time { get; private set; } = new(TimeZoneInfo.Utc);

    public List<SelectListItem> Actions { get; } =
        [new("Any action", ""), .. Enum.GetValues<AuditAction>().Select(a => new SelectListItem(Describe(a), a.ToString()))];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Time = PublicationTime.Of(await db.Publications.AsNoTracking().OrderBy(p => p.Id).FirstOrDefaultAsync(ct));
        PageNumber = Math.Max(1, PageNumber);
        var query = db.AuditEntries.AsNoTracking();
        if (Enum.TryParse<AuditAction>(Kind, out var action) && Enum.IsDefined(action))
        {
            query = query.Where(e => e.Action == action);
        }
        if (Article is { } articleId)
        {
            query = query.Where(e => e.ArticleId == articleId);
        }
        var page = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(PageOffset.Of(PageNumber, PageSize)).Take(PageSize + 1).ToListAsync(ct);
        HasNext = page.Count > PageSize;
        Entries = [.. page.Take(PageSize)];
    }

    public string PageLink(int page) => Url.Page("/Newsroom/Workflow/Audit", new { kind = Kind, article = Article, p = page == 1 ? (int?)null : page })!;

    public static string Describe(AuditAction action) => AuditText.Describe(action);

    /// <summary>A scheduled time in the detail in the publication's zone.</summary>
    public string? DetailOf(AuditEntry entry) => AuditText.Detail(entry, Time);
}
