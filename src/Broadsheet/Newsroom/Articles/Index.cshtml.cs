using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Articles.Workflow;
using Broadsheet.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Articles;

/// <summary>
/// Articles, most recently changed first, filtered by status, section, byline and headline words. Writers see
/// only the articles they started.
/// </summary>
public sealed class IndexModel(BroadsheetDb db) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(int Id, string Headline, ArticleStatus Status, string Section, string Byline, DateTimeOffset ModifiedAt, string ModifiedBy, DateTimeOffset? ScheduledFor, string? PublicPath);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Section { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Author { get; set; }

    /// <summary>Only the articles the signed-in user started (the desk's "Your drafts" links here).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public List<Row> Rows { get; private set; } = [];

    public bool HasNext { get; private set; }

    public PublicationTime Time { get; private set; } = new(TimeZoneInfo.Utc);

    public NewsroomActor Actor { get; private set; } = null!;

    public List<SelectListItem> Statuses { get; } =
        [new("Any status", ""), .. Enum.GetValues<ArticleStatus>().Select(s => new SelectListItem(WorkflowRules.Describe(s), ContentNames.Of(s)))];

    public List<SelectListItem> Sections { get; private set; } = [];

    public List<SelectListItem> Authors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Actor = NewsroomClaims.Actor(User);
        Time = PublicationTime.Of(await db.Publications.AsNoTracking().OrderBy(p => p.Id).FirstOrDefaultAsync(ct));
        Sections = [new("Any section", ""), .. (await db.Sections.AsNoTracking().OrderBy(s => s.Path).Select(s => s.Path).ToListAsync(ct)).Select(p => new SelectListItem(p, p))];
        Authors = [new("Anyone", ""), .. (await db.Contributors.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Slug, c.Name }).ToListAsync(ct)).Select(c => new SelectListItem(c.Name, c.Slug))];
        PageNumber = Math.Max(1, PageNumber);

        var query = db.Articles.AsNoTracking();
        if (!Actor.IsEditor || Mine)
        {
            query = query.Where(a => a.CreatedById == Actor.UserId);
        }
        if (ContentNames.TryParse<ArticleStatus>(Status, out var status))
        {
            query = query.Where(a => a.Status == status);
        }
        if (!string.IsNullOrWhiteSpace(Section))
        {
            var path = Section.Trim();
            var under = path + "/";
            query = query.Where(a => a.Section.Path == path || a.Section.Path.StartsWith(under));
        }
        if (!string.IsNullOrWhiteSpace(Author))
        {
            var slug = Author.Trim();
            query = query.Where(a => a.Byline.Any(b => b.Contributor.Slug == slug));
        }
        foreach (var word in (Q ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(8))
        {
            var lower = word.ToLowerInvariant();
#pragma warning disable CA1862 // Translated to SQL lower(…) LIKE: case-insensitive on both providers, which StringComparison is not.
            query = query.Where(a => a.Headline.ToLower().Contains(lower));
#pragma warning restore CA1862
        }
        var page = await query
            .OrderByDescending(a => a.ModifiedAt).ThenByDescending(a => a.Id)
            .Skip(PageOffset.Of(PageNumber, PageSize)).Take(PageSize + 1)
            .Select(a => new
            {
                a.Id,
                a.Headline,
                a.Status,
                SectionPath = a.Section.Path,
                a.Slug,
                Byline = a.Byline.OrderBy(b => b.Position).Select(b => b.Contributor.Name).ToList(),
                a.ModifiedAt,
                a.ModifiedBy,
                a.ScheduledFor,
            })
            .ToListAsync(ct);
        HasNext = page.Count > PageSize;
        Rows = [.. page.Take(PageSize).Select(a => new Row(
            a.Id, a.Headline, a.Status, a.SectionPath, string.Join(", ", a.Byline), a.ModifiedAt, a.ModifiedBy ?? "API or import", a.ScheduledFor,
            a.Status == ArticleStatus.Published ? ArticleUrls.PathOf(a.SectionPath, a.Id, a.Slug) : null))];
    }

    public string PageLink(int page) =>
        Url.Page("/Newsroom/Articles/Index", new { q = Q, status = Status, section = Section, author = Author, mine = Mine ? true : (bool?)null, p = page == 1 ? (int?)null : page })!;
}
